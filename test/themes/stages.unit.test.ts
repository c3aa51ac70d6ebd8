import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWordVectors } from '../../server/themes/embeddings.ts';
import { clusterBags, assignBag } from '../../server/themes/engine/cluster.ts';
import { addDoc, emptyModel, logGamma, mergeGain, type BagOfWords } from '../../server/themes/engine/dmm.ts';
import { domainConcepts } from '../../server/themes/engine/domain.ts';
import { matchIds, type PreviousTheme, type ThemeFingerprint } from '../../server/themes/engine/identity.ts';
import { corpusStatistics, describe as describeTheme } from '../../server/themes/engine/label.ts';
import { adjustedRandIndex, nmi, purity } from '../../server/themes/engine/metrics.ts';
import { createPreprocessor } from '../../server/themes/engine/preprocess.ts';
import { quote, redact } from '../../server/themes/engine/redact.ts';
import { sentimentOf } from '../../server/themes/engine/sentiment.ts';
import { buildFeatureSpace, toBag } from '../../server/themes/engine/vectors.ts';
import { wordNet } from '../../server/themes/wordnet.ts';

const lexicon = wordNet();
const preprocessor = createPreprocessor(lexicon);

describe('preprocess', () => {
  it('keeps content lemmas, acronyms and noun phrases, and marks negation', () => {
    const doc = preprocessor.process("The LOS keeps crashing and I can't submit loan applications.");
    const lemmas = doc.tokens.map((t) => t.lemma);
    expect(lemmas).toContain('los');
    expect(lemmas).toContain('crash');
    expect(lemmas).toContain('application');
    expect(lemmas).not.toContain('the');
    expect(doc.tokens.find((t) => t.lemma === 'los')!.surface).toBe('LOS');
    expect(doc.tokens.find((t) => t.lemma === 'submit')!.negated).toBe(true);
    expect(doc.phrases.map((p) => p.key)).toContain('loan application');
  });

  it('reads a gerund after an opening adjective as what the sentence is about', () => {
    // The tagger reads "working" as a verb here; the phrase "flexible working" was lost. It names themes
    // (a reading); the clustering's features keep the tagger's reading.
    const keys = (text: string) => {
      const doc = preprocessor.process(text);
      return [...doc.phrases, ...(doc.readings ?? [])].map((p) => p.key);
    };
    expect(keys('Flexible working has made a huge difference for me.')).toContain('flexible working');
    expect(
      preprocessor.process('Flexible working has made a huge difference for me.').phrases.map((p) => p.key),
    ).not.toContain('flexible working');
    expect(keys('Remote working means I save two hours a day.')).toContain('remote working');
    expect(keys('Hybrid working is the best thing that happened to us.')).toContain('hybrid working');
    // Not before a noun (the times are what it is about: three such comments were named "Long waiting"),
    // not without the sentence's verb after it, not after a plural ("Customers calling…").
    expect(keys('Long waiting times on the phone line.').join(' ')).not.toMatch(/waiting/);
    expect(keys('Happy working here with the team.').join(' ')).not.toMatch(/working/);
    expect(keys('Customers calling are angry about the fee.').join(' ')).not.toMatch(/calling/);
    // The tagger's own phrases stay where they were.
    expect(preprocessor.process('Flexible working office space is great.').phrases.map((p) => p.key)).toEqual(
      expect.arrayContaining(['office', 'space', 'office space']),
    );
  });

  it('treats IT as a department, not a pronoun', () => {
    const doc = preprocessor.process('Thanks to IT for fixing my laptop.');
    expect(doc.tokens.map((t) => t.lemma)).toEqual(expect.arrayContaining(['it', 'laptop']));
  });

  it('reads an adjective that opens a sentence as an adjective in its noun phrases', () => {
    // The tagger reads "Long", "Quick", "Unexpected" here as nouns: each was a phrase (a possible name) of its own.
    const phrases = (text: string) => preprocessor.process(text).phrases.map((p) => p.key);
    expect(phrases('Long waits on the phone again. Nobody answered.')).not.toContain('long');
    expect(phrases('Quick mortgage offer, thank you.')).toEqual(
      expect.arrayContaining(['quick mortgage offer', 'mortgage offer']),
    );
    expect(phrases('Quick mortgage offer, thank you.')).not.toContain('quick');
    expect(phrases('Great service. Unexpected fee on my statement though.')).not.toContain('unexpected');
    // A noun that opens a sentence stays one ("branch" is no adjective); so does one mid-sentence.
    expect(phrases('Branch staff were lovely.')).toEqual(expect.arrayContaining(['branch', 'branch staff']));
    expect(phrases('The queue was long.')).toContain('queue');
  });

  it('copes with empty and symbol-only text', () => {
    expect(preprocessor.process('').tokens).toEqual([]);
    expect(preprocessor.process('!!! ... 123').tokens).toEqual([]);
  });
  it('drops chat’s discourse markers, but not the same letters written as an acronym', () => {
    const lemmas = (text: string) => preprocessor.process(text).tokens.map((t) => t.lemma);
    // "Chef and tho" named a chat theme: a marker at the end of a line was read as a noun.
    expect(lemmas('chef is lovely tho')).toEqual(['chef', 'lovely']);
    expect(lemmas('tbh the chef is great')).toEqual(['chef']);
    expect(lemmas('new menu ngl')).toEqual(['menu']);
    expect(lemmas('Our FR overalls are worn through and IMO rules say replace them')).toEqual(
      expect.arrayContaining(['fr', 'imo']),
    );
  });
  it('names with words joined by hyphens whole ("self-employed applicant"), and keeps their parts as features', () => {
    const read = (text: string) => preprocessor.process(text);
    const names = (text: string) => (read(text).names ?? []).map((p) => p.surface);
    // "Self" named a demo theme, and "self" and "employ" were keywords (issue 19).
    const applicant = read('As a self-employed applicant I was asked a dozen questions');
    expect(names('As a self-employed applicant I was asked a dozen questions')).toEqual(
      expect.arrayContaining(['applicant', 'self-employed applicant', 'dozen questions']),
    );
    expect(names('As a self-employed applicant I was asked a dozen questions')).not.toContain('self');
    // The parts stay what they were for the clustering (WordNet and the word vectors know "self" and
    // "employ", not "selfemployed"), marked so that no name is made of them.
    expect(applicant.tokens.filter((t) => t.part).map((t) => `${t.lemma}/${t.pos}`)).toEqual([
      'self/n',
      'employ/v',
    ]);
    // A particle or a noun makes a noun, plural or not; a participle an adjective; a spaced dash joins
    // nothing; three parts describe.
    const handoff =
      'The follow-up never came, hand-offs to the back-office team fail - again - and up-to-date notes are rare';
    expect(names(handoff)).toEqual(
      expect.arrayContaining(['follow-up', 'hand-offs', 'back-office team', 'up-to-date notes']),
    );
    expect((read(handoff).names ?? []).map((p) => p.key)).toEqual(
      expect.arrayContaining(['followup', 'handoff']),
    );
    expect(names(handoff)).not.toContain('office team');
    expect(names('Well-paid staff do decision-making')).toEqual(
      expect.arrayContaining(['well-paid staff', 'decision-making']),
    );
  });
  it('gives the clustering the same words and phrases with hyphens as before they were joined for names', () => {
    // What the features are made of: the tokens' lemmas and parts of speech, and the phrases.
    const features = (text: string) => {
      const doc = preprocessor.process(text);
      return { tokens: doc.tokens.map((t) => `${t.lemma}/${t.pos}`), phrases: doc.phrases.map((p) => p.key) };
    };
    expect(features('hand-offs to the back-office team')).toEqual(
      features('hand - offs to the back - office team'),
    );
    expect(features('a self-employed applicant')).toEqual({
      tokens: ['self/n', 'employ/v', 'applicant/n'],
      phrases: ['self', 'applicant'],
    });
    // Text without hyphens has no second reading.
    expect(preprocessor.process('a self employed applicant').names).toBeUndefined();
  });
});

describe('WordNet', () => {
  it('puts synonyms in one synset and reads hypernyms', () => {
    const synsets = (word: string) => lexicon.senses(word, 'n').map((s) => s.synset);
    expect(synsets('salary')[0]).toBe(synsets('wage')[0]);
    expect(lexicon.senses('cafeteria', 'n')[0]!.hypernyms.length).toBeGreaterThan(0);
    expect(lexicon.senses('car park', 'n').length).toBeGreaterThan(0);
    expect(lexicon.senses('qwertyuiop', 'n')).toEqual([]);
  });
});

describe('features', () => {
  it('bridges different words through WordNet and the workplace thesaurus', () => {
    const docs = [
      'My salary is too low',
      'Wages have not kept up',
      'The canteen food is cold',
      'The cafeteria is shut',
    ].map((t) => preprocessor.process(t));
    const space = buildFeatureSpace(docs, { lexicon, concepts: domainConcepts() });
    const bags = docs.map((d) => toBag(space, d));
    const shared = (a: number, b: number) => [...bags[a]!.words].filter((w) => bags[b]!.words.includes(w));
    expect(shared(0, 1).length).toBeGreaterThan(0);
    expect(shared(2, 3).length).toBeGreaterThan(0);
    expect(shared(0, 2)).toEqual([]);
  });
});

describe('word vectors', () => {
  it('reads the first words of the package format, across chunk boundaries and odd words', () => {
    const words = ['the', ']', 'say "hi"', 'queue', 'caller'];
    const vector = (w: number) =>
      Array.from({ length: 100 }, (_, i) => (w + 1) * (i % 2 ? -1 : 1) * 1.5e-3 * i);
    const json = `{"precision":8,"words":${JSON.stringify(words)},"vectors":{${words
      .map((word, w) => `${JSON.stringify(word)}:[${[...vector(w), 1.23, w].join(',')}]`)
      .join(',')}},"unkVector":[0]}`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vectors-')), 'vectors.json');
    writeFileSync(file, json);
    const vectors = readWordVectors(file, 4, 97);
    for (const [w, word] of words.slice(0, 4).entries())
      expect([...vectors(word)!].map((x) => Math.round(x * 1e6))).toEqual(
        vector(w).map((x) => Math.round(x * 1e6)),
      );
    expect(vectors('caller')).toBeUndefined();
  });

  // Toy vectors: waiting words point one way, food words another, with a little spread.
  const toy: Record<string, number[]> = {
    queue: [1, 0.1, 0, 0.2],
    caller: [0.9, 0, 0.2, 0],
    hold: [1, 0.2, 0.1, 0],
    wait: [0.8, 0, 0, 0.1],
    canteen: [0, 1, 0.2, 0],
    lunch: [0.1, 0.9, 0, 0.1],
    food: [0, 1, 0, 0.2],
    coffee: [0.2, 0.8, 0.1, 0],
  };
  const vectorLexicon = {
    senses: () => [],
    vector: (w: string) => (toy[w] ? Float32Array.from(toy[w]) : undefined),
  };

  it('gives comments that share no word but one concern the same meaning', () => {
    const docs = [
      'The queue today was awful, please help',
      'Every caller waits too long, please help',
      'The canteen is awful, please help',
      'Lunch and coffee cost too much, please help',
    ].map((t) => preprocessor.process(t));
    const space = buildFeatureSpace(docs, { lexicon: vectorLexicon, concepts: new Map() });
    const meanings = docs.map((d) => toBag(space, d).meaning!);
    const cosine = (a: number, b: number) =>
      meanings[a]!.reduce((sum, x, i) => sum + x * meanings[b]![i]!, 0);
    expect(cosine(0, 1)).toBeGreaterThan(0.8);
    expect(cosine(2, 3)).toBeGreaterThan(0.8);
    expect(cosine(0, 2)).toBeLessThan(0);
    expect(
      buildFeatureSpace(docs, { lexicon: { senses: lexicon.senses }, concepts: new Map() }).meaning,
    ).toBeNull();
  });

  it('lets meaning split comments whose words alone cannot be told apart', () => {
    // Every comment has the same single word; half mean one thing, half another.
    const bag = (meaning: number[]): BagOfWords => ({
      words: Int32Array.of(0),
      counts: Float32Array.of(1),
      weight: 1,
      meaning: Float32Array.from(meaning),
    });
    const bags = [
      ...Array.from({ length: 8 }, (_, i) => bag([1, 0.1 * (i % 3), 0])),
      ...Array.from({ length: 8 }, (_, i) => bag([0, 1, 0.1 * (i % 3)])),
    ];
    const truth = bags.map((_, i) => (i < 8 ? 'a' : 'b'));
    const withMeaning = clusterBags(bags, 1, { minSize: 3, seed: 1, minEvidence: 0, minLift: -1 });
    expect(nmi(truth, [...withMeaning.labels].map(String))).toBeCloseTo(1);
    const wordsOnly = clusterBags(bags, 1, { minSize: 3, seed: 1, minEvidence: 0, minLift: -1, kappa: 0 });
    expect(wordsOnly.model.clusters).toBe(1);
  });
});

describe('clustering', () => {
  const parking = [
    'No parking spaces left at head office after eight',
    'The car park is always full by half past eight',
    'Parking permits cost far too much',
    'Staff cars fill the visitor bays in the car park',
    'We need more spaces in the staff car park',
    'I circle the car park every morning looking for a space',
  ];
  const canteen = [
    'The canteen food is cold and overpriced',
    'Lunch in the canteen costs too much now',
    'More vegetarian meals in the staff restaurant please',
    'The coffee machine in the kitchen is broken',
    'Canteen portions keep getting smaller',
    'Please keep the cafeteria open later for lunch',
  ];
  const docs = [...parking, ...canteen].map((t) => preprocessor.process(t));
  const space = buildFeatureSpace(docs, { lexicon, concepts: domainConcepts() });
  const bags = docs.map((d) => toBag(space, d));

  it('finds the number of themes itself', () => {
    const result = clusterBags(bags, space.names.length, { minSize: 3, seed: 1 });
    expect(result.model.clusters).toBe(2);
    const truth = [...parking.map(() => 'parking'), ...canteen.map(() => 'canteen')];
    expect(nmi(truth, [...result.labels].map(String))).toBeGreaterThan(0.8);
  });

  it('leaves a comment unclustered rather than forcing it into a wrong theme', () => {
    const result = clusterBags(bags, space.names.length, { minSize: 3, seed: 1 });
    const stray = toBag(space, preprocessor.process('Lovely artwork in reception'));
    expect(assignBag(result, stray).theme).toBe(-1);
    const fitting = toBag(space, preprocessor.process('The car park was full again, no spaces at all'));
    expect(assignBag(result, fitting).theme).toBe(result.labels[0]);
  });

  it('joins a theme split in two halves, and keeps two topics apart (the merge pass)', () => {
    // Start from a model holding one topic split over two clusters and another topic in a third.
    const model = emptyModel(3, space.names.length, 0.1, 0.2);
    parking.forEach((_, i) => addDoc(model, bags[i]!, i % 2, 1));
    canteen.forEach((_, i) => addDoc(model, bags[parking.length + i]!, 2, 1));
    expect(mergeGain(model, 0, 1)).toBeGreaterThan(0);
    expect(mergeGain(model, 0, 2)).toBeLessThan(0);
    expect(mergeGain(model, 1, 2)).toBeLessThan(0);
  });

  it('ln Γ is right where it is checked by hand', () => {
    expect(logGamma(1)).toBeCloseTo(0, 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 10);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 10);
    expect(logGamma(1e4)).toBeCloseTo(82_099.71749644238, 6);
  });

  it('counts identical comments once for fitting but by weight for size', () => {
    const repeated = [...bags.slice(0, 6), { ...bags[6]!, weight: 50 }];
    const result = clusterBags(repeated, space.names.length, { minSize: 10, seed: 1 });
    // One comment repeated 50 times is not a theme on its own.
    expect(result.labels[6]).toBe(-1);
  });
});

/** The label, keywords and signature of a theme of `members`, in a corpus that also holds `others`. */
function describeComments(members: string[], others: string[]) {
  const docs = members.map((t) => ({ doc: preprocessor.process(t), weight: 1 }));
  const statistics = corpusStatistics([
    ...docs.map((m) => m.doc),
    ...others.map((t) => preprocessor.process(t)),
  ]);
  return describeTheme(docs, statistics);
}

describe('labels', () => {
  it('names a theme with a phrase people used', () => {
    const { label, keywords, signature } = describeComments(
      [
        'The car park is full every morning',
        'No spaces in the car park after 8:30',
        'Car park permits are too expensive',
        'Could the car park have more bike racks',
      ],
      ['The canteen is cold', 'Pay rise too low', 'Laptop broken again'],
    );
    expect(label.toLowerCase()).toContain('car park');
    expect(label[0]).toBe(label[0]!.toUpperCase());
    expect(keywords).toContain('car park');
    expect(Object.keys(signature).length).toBeGreaterThan(0);
  });

  it('names the topic, not the portal channel the comments came from', () => {
    const { label, keywords } = describeComments(
      [
        'Pulse comments about the rota are ignored',
        'Nobody reads pulse comments on the rota',
        'Pulse comments keep asking for a fairer rota',
        'Pulse comments go nowhere, like the kudos wall',
      ],
      ['The canteen is cold', 'Pay rise too low', 'Laptop broken again'],
    );
    expect(label).toBe('Rota');
    // Nor do its keywords: the demo's "Arrears letter" listed "pulse comments" among them (the moderators'
    // card says where its comments came from, by source).
    expect(keywords).not.toContain('pulse comments');
    expect(keywords).toContain('rota');
  });

  it('names what people praise, not the feeling they share', () => {
    // The demo had a theme labelled "Love": customers' praise of the app and of payday.
    const { label, keywords } = describeComments(
      [
        'Love the new app, paying someone new takes seconds now.',
        'Love being paid early on payday, thank you.',
        'Love the online banking, everything in one place.',
        'Love the quick transfers between my accounts.',
        'Love the new app update.',
        'Payday came early again, love it.',
      ],
      [
        'The branch was freezing cold',
        'Mortgage offer took six weeks',
        'Call waiting times are far too long',
        'Nobody called me back about my complaint',
      ],
    );
    expect(label).not.toMatch(/love/i);
    expect(label).toMatch(/app|payday|online banking|transfers/i);
    // The feeling still shows among the keywords (and in the theme's sentiment).
    expect(keywords).toContain('love');
  });

  it('does not name a theme by an adjective the tagger read as a noun at the start of a sentence', () => {
    // "Long waits…" tags "long" as a noun; the demo had a theme labelled "Long and transferred".
    const { label } = describeComments(
      [
        'Long waits on the phone again.',
        'Long queue at the phones today.',
        'Long hold times, customers are furious.',
        'The wait on the phone was so long.',
        'Hold times are long every Monday.',
        'Customers say the hold is far too long.',
        'Transferred four times, long wait.',
      ],
      [
        'The branch was freezing cold',
        'Mortgage offer took six weeks',
        'The canteen coffee is awful',
        'Nobody called me back about my complaint',
        'Laptop broken again',
      ],
    );
    expect(label).not.toMatch(/^long\b/i);
    expect(label).toMatch(/phone|hold|wait|queue/i);
  });

  it('is named by what different comments share, not by one text posted many times', () => {
    // The demo's "Work and real help": six copies of one pulse answer named the theme by its words alone.
    const posted = (text: string, copies: number) => ({
      doc: preprocessor.process(text),
      weight: 1 + Math.log(copies),
    });
    const members = [
      posted('The mental health first aider on our floor has been a real help.', 6),
      posted('Flexible working has made a huge difference for me and my family.', 4),
      posted('Being able to work from home two days a week means I can do the school run.', 1),
      posted('HR sorted my flexible working request within a week so I can do the school run.', 1),
      posted('Please allow compressed hours for people with caring responsibilities.', 1),
      posted('Hybrid work has been great for focus, please keep flexible working.', 1),
    ];
    const others = [
      'The canteen coffee is awful',
      'Laptop broken again and IT never came',
      'Mortgage offer took six weeks',
      'The car park is full by eight',
    ].map((text) => posted(text, 1));
    const statistics = corpusStatistics(
      [...members, ...others].map((m) => m.doc),
      [...members, ...others].map((m) => m.weight),
    );
    const { label, alternatives, keywords } = describeTheme(members, statistics);
    expect(label).toMatch(/flexible working/i);
    for (const name of [label, ...alternatives, ...keywords])
      expect(name).not.toMatch(/real help|aider|huge difference/i);

    // Nor when other comments use one of its words: "help" is widened only to a phrase several texts use.
    const helped = [
      posted('The mental health first aider on our floor has been a real help.', 6),
      posted('HR were a big help when my father was ill.', 1),
      posted('Occupational health helped me come back after surgery.', 1),
      posted('The wellbeing hub was a help during a hard month.', 1),
      posted('My manager got me help from the employee assistance line.', 1),
    ];
    const all = [...helped, ...others];
    const named = describeTheme(
      helped,
      corpusStatistics(
        all.map((m) => m.doc),
        all.map((m) => m.weight),
      ),
    );
    expect(named.label).not.toMatch(/real help|first aider|mental health/i);
  });

  it('counts the texts that use a name as a noun, and writes it as the noun was written', () => {
    // The demo's employees' theme "Noticed and intranet": "customers notice" (a noun phrase to the tagger)
    // in one pulse answer posted eight times, "noticed" as a verb in others.
    const posted = (text: string, copies = 1) => ({
      doc: preprocessor.process(text),
      weight: 1 + Math.log(copies),
    });
    const members = [
      posted('The new scripts make calls longer and customers notice.', 8),
      posted(
        'Branch card reader died at nine; someone was on site by ten with a spare. Customers barely noticed.',
        6,
      ),
      posted('During the month-end rush the team answered every branch query the same day. We noticed.'),
      posted('Product changes land on the intranet after they are live; we find out from callers.', 5),
      posted('Old policy versions on the intranet keep being used by mistake.'),
      posted('The intranet search never finds the current rules.'),
    ];
    const others = [
      'The canteen coffee is awful',
      'Mortgage offer took six weeks',
      'The car park is full',
    ].map((t) => posted(t));
    const all = [...members, ...others];
    const { label, alternatives } = describeTheme(
      members,
      corpusStatistics(
        all.map((m) => m.doc),
        all.map((m) => m.weight),
      ),
    );
    // Before: "Noticed" (one noun use, and the verb's spelling).
    for (const name of [label, ...alternatives]) expect(name).not.toMatch(/notice/i);
    expect(alternatives.join(' ')).toMatch(/intranet/i);
  });
});

describe('labels of a theme whose best word belongs to the whole corpus', () => {
  it('names it by what it has to itself, and does not offer the spread word instead', () => {
    // A school's survey: "pupils" is in comments of every theme; this one is about support for needs.
    const members = [
      'Pupils with a support plan are ignored in class',
      'The support plan is never read, and pupils suffer',
      'Pupils wait months for a review meeting',
      'Nobody phones home when pupils fall behind',
      'Pupils with dyslexia get no extra help in tests',
      'Teachers do not know which pupils need help',
    ];
    const others = [
      'Pupils are not allowed outside at lunch when it rains',
      'The canteen queue means pupils eat in ten minutes',
      'Pupils behave badly in corridors',
      'Homework load for pupils has doubled',
      'Pupils lose marks because the printer broke',
      'Class sizes are too big for pupils',
      'Pupils are bullied on the bus',
      ...[
        'Sports day was cancelled again',
        'Lockers are needed, bags are too heavy',
        'Uniform costs are too high',
      ],
      ...[
        'The library is closed at lunch',
        'Supply teachers for weeks in maths',
        'The new timetable is confusing',
      ],
      ...[
        'The heating in the science block is broken',
        'Parking for parents is impossible',
        'Reports arrive late',
      ],
      ...[
        'School trips cost too much',
        'The website is out of date',
        'The playground floods',
        'Music lessons were cut',
      ],
      ...[
        'The hall roof leaks',
        'Exams clash with the trip',
        'The toilets are locked at break',
        'Detentions are unfair',
      ],
      ...['The minibus is unsafe', 'Water fountains are broken'],
    ];
    const { label, alternatives } = describeComments(members, others);
    // Before: "Pupils", with "support plan" as its alternative.
    expect(label).toBe('Support plan');
    expect(alternatives.map((name) => name.toLowerCase())).not.toContain('pupils');
  });
});

describe('sentiment', () => {
  it('scores praise positive, complaints negative, and flips negated words', () => {
    const score = (text: string) => sentimentOf(preprocessor.process(text));
    expect(score('Huge thanks to the service desk, brilliant and quick help')).toBeGreaterThan(0.2);
    expect(score('The system crashed again and we lost all the work, unacceptable')).toBeLessThan(-0.2);
    expect(score('The new process is not helpful')).toBeLessThan(score('The new process is helpful'));
    for (const text of ['', 'ok', 'The canteen opens at noon']) {
      expect(score(text)).toBeGreaterThanOrEqual(-1);
      expect(score(text)).toBeLessThanOrEqual(1);
    }
  });
});

describe('redaction', () => {
  it('removes emails, phone numbers, staff numbers and names after a role', () => {
    const text = 'Email jo.bloggs@bank.co.uk or call 07700 900123; my manager Sarah Jones ignored EMP123456.';
    const clean = redact(text);
    expect(clean).not.toMatch(/bloggs|07700|Sarah|Jones|123456/);
    expect(clean).toContain('[email]');
    expect(clean).toContain('my manager [name]');
    expect(redact('Thanks to IT for the help')).toBe('Thanks to IT for the help');
  });

  it('shortens long quotes at a word', () => {
    const long = 'word '.repeat(100);
    expect(quote(long, 50).length).toBeLessThanOrEqual(50);
    expect(quote(long, 50).endsWith('…')).toBe(true);
  });
});

describe('stable ids', () => {
  it('keeps the id of a theme that still exists, one to one, and mints ids for new ones', () => {
    const previous: PreviousTheme[] = [
      { id: 'parking', itemIds: ['a', 'b', 'c', 'd'], signature: { 'car park': 1, space: 0.5 } },
      { id: 'canteen', itemIds: ['e', 'f', 'g'], signature: { canteen: 1, food: 0.6 } },
    ];
    const next: ThemeFingerprint[] = [
      { itemIds: ['e', 'f', 'g', 'h'], signature: { canteen: 0.9, lunch: 0.4 } },
      { itemIds: ['a', 'b', 'c', 'd', 'x'], signature: { 'car park': 1, permit: 0.3 } },
      { itemIds: ['y', 'z'], signature: { pension: 1 } },
    ];
    let counter = 0;
    expect(matchIds(previous, next, () => `new-${++counter}`)).toEqual(['canteen', 'parking', 'new-1']);
  });

  it('recognises a theme by its words when its comments were all replaced', () => {
    const previous = [{ id: 'pay', itemIds: ['a', 'b'], signature: { pay: 1, bonus: 0.8, salary: 0.5 } }];
    expect(
      matchIds(previous, [{ itemIds: ['c', 'd'], signature: { pay: 1, bonus: 0.7 } }], () => 'new'),
    ).toEqual(['pay']);
  });
});

describe('metrics', () => {
  it('scores a perfect clustering 1 and a permuted one the same', () => {
    const truth = ['a', 'a', 'b', 'b', 'c', 'c'];
    expect(nmi(truth, ['x', 'x', 'y', 'y', 'z', 'z'])).toBeCloseTo(1);
    expect(adjustedRandIndex(truth, ['z', 'z', 'x', 'x', 'y', 'y'])).toBeCloseTo(1);
    expect(purity(truth, ['x', 'x', 'x', 'x', 'x', 'x'])).toBeCloseTo(1 / 3);
    expect(nmi(truth, ['x', 'y', 'x', 'y', 'x', 'y'])).toBeLessThan(0.2);
  });
});
