import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { noLexicon, type Lexicon } from './lexicon.ts';
import { sentimentCues, type SentimentCues } from './sentiment.ts';

/** A content word of a comment: what topic vectors and labels are built from. */
export interface ContentToken {
  lemma: string;
  /** Coarse part of speech: n(oun), v(erb), a(djective). */
  pos: 'n' | 'v' | 'a';
  /** How it was written (lower case unless an acronym), for labels a person can read. */
  surface: string;
  /** Inside the scope of a negation ("not", "n't", "no", "never"). */
  negated: boolean;
  /** Index of the phrase (a run of content words with nothing but adjectives/nouns between) it belongs to. */
  chunk: number;
  /**
   * A part of a hyphenated word ("self" of "self-employed"): a feature of the comment like any word (WordNet
   * and the word vectors know the parts, not the compound), but no name: the phrases have the compound.
   */
  part?: true;
}

export interface ProcessedText {
  tokens: ContentToken[];
  /** Noun phrases (1–3 words ending in a noun), keyed by lemmas, with their surface form. */
  phrases: Array<{ key: string; surface: string }>;
  /**
   * Noun phrases only a reading against the tagger found ("flexible working" in "Flexible working has…"):
   * they may name a theme; the clustering's features keep the tagger's reading (as features they cost the
   * labelled corpus 0.004 NMI and a trend).
   */
  readings?: Array<{ key: string; surface: string }>;
  /**
   * The noun phrases to name a theme by, where they differ from `phrases`: with a hyphenated word whole
   * ("self-employed applicant", not "self" and "applicant"). The features keep `phrases`, made of its
   * parts as before (WordNet and the word vectors know the parts, not "selfemployed").
   */
  names?: Array<{ key: string; surface: string }>;
  /** Lexicon sentiment of the whole text, −1…1 (wink's, negation-aware). */
  lexiconSentiment: number;
  /** Praise, sarcasm and request cues read from the raw text. */
  cues?: SentimentCues;
  /** Words of any kind (for "too short to judge"). */
  wordCount: number;
}

// Words that carry no topic in a workplace comment, beyond wink's stop words.
const GENERIC = new Set(
  (
    'be have do get make go come keep let put seem feel say tell ask try give take want need like know think see look use ' +
    'thing lot bit way kind sort stuff anything something everything nothing anyone someone everyone nobody people person ' +
    'also really just even still already always never ever again actually honestly literally please thanks thank ' +
    'can could would should will shall may might must able good bad great nice new old same other many much more most ' +
    'less few little big small whole own sure certain last next first second every one two three four five ' +
    'week day month year today morning afternoon time minute hour yesterday tomorrow ' +
    'yes okay ok etc via per'
  ).split(' '),
);
/**
 * Chat's discourse markers: typed into a focus-group room they read as nouns ("chef is lovely tho").
 * Written in capitals they are acronyms and kept ("FR" workwear, "IMO" rules, "NGL" at a gas plant).
 */
const CHAT_MARKERS = new Set(
  'tho tbh tbf ngl lol lmao fr pls plz imo idk btw omg haha yeah yep nah'.split(' '),
);

// Acronyms that are ordinary words in capitals.
const NOT_ACRONYMS = new Set([
  'I',
  'A',
  'OK',
  'AM',
  'PM',
  'US',
  'NO',
  'SO',
  'OR',
  'TO',
  'IN',
  'ON',
  'AT',
  'IS',
  "IT'S",
]);

const POS_MAP: Record<string, 'n' | 'v' | 'a' | undefined> = { NOUN: 'n', PROPN: 'n', VERB: 'v', ADJ: 'a' };

export interface Preprocessor {
  process(text: string): ProcessedText;
}

/** The most distinct strings (and phrases) a preprocessor shares; past it, new ones are simply kept per comment. */
const POOL_LIMIT = 200_000;

/** wink-nlp with its English web model: tokens, lemmas, POS, negation, sentiment. One per process is enough. */
export function createPreprocessor(lexicon: Lexicon = noLexicon): Preprocessor {
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos']);
  const its = nlp.its;
  const lemmaCache = new Map<string, string>();
  // A model keeps every comment's tokens and phrases while it lives. Words repeat across comments, so
  // each distinct string (and phrase) is kept once and shared (a model held 2.6 KB a comment, 2.4 after).
  const strings = new Map<string, string>();
  const phraseOf = new Map<string, { key: string; surface: string }>();
  const intern = (text: string) => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    if (strings.size < POOL_LIMIT) strings.set(text, text);
    return text;
  };
  // wink's tagger reads an adjective that opens a sentence as a noun ("Long waits…", "Quick mortgage
  // offer…", "Unexpected fee…": "long", "quick", "unexpected" tagged NOUN), which named themes after them
  // ("Long and transferred") and made phrases of them. A capitalised first word followed by another word
  // is read as an adjective when WordNet knows it as an adjective more than as a noun.
  const adjectiveFirst = new Map<string, boolean>();
  const readsAsAdjective = (word: string) => {
    let known = adjectiveFirst.get(word);
    if (known === undefined) {
      known = lexicon.senses(word, 'a').length > lexicon.senses(word, 'n').length;
      if (adjectiveFirst.size < POOL_LIMIT) adjectiveFirst.set(word, known);
    }
    return known;
  };
  const phrase = (key: string, surface: string) => {
    const id = `${key}\u0000${surface}`;
    let known = phraseOf.get(id);
    if (known === undefined) {
      known = { key: intern(key), surface: intern(surface) };
      if (phraseOf.size < POOL_LIMIT) phraseOf.set(id, known);
    }
    return known;
  };

  function process(text: string): ProcessedText {
    const doc = nlp.readDoc(text.length > 4000 ? text.slice(0, 4000) : text);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const types = tokens.out(its.type) as string[];
    const tags = tokens.out(its.pos) as string[];
    const negations = tokens.out(its.negationFlag) as unknown as boolean[];
    const compounds = hyphenated(values, types, tags, () => tokens.out(its.precedingSpaces) as string[]);
    /** The last token of the hyphenated word being read (−1: none). */
    let compoundEnd = -1;
    const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
    let lemmas: string[] | null = null;
    const content: ContentToken[] = [];
    const phrases: ProcessedText['phrases'] = [];
    let chunk = 0;
    let run: ContentToken[] = [];
    let wordCount = 0;
    // With hyphenated words, a second reading of the same runs for names: the word whole (`nameRun`).
    const names: ProcessedText['phrases'] | undefined = compounds ? [] : undefined;
    let nameRun: ContentToken[] = [];

    let readings: ProcessedText['phrases'] | undefined;
    const closeRun = () => {
      addPhrases(run, phrases, phrase);
      run = [];
      chunk++;
    };
    const closeNameRun = () => {
      if (names) addPhrases(nameRun, names, phrase);
      nameRun = [];
    };

    /** The hyphenated word starting at `i`, as one token of the phrases ("self-employed applicant"). */
    const compoundToken = (compound: Compound, i: number): ContentToken => {
      // As written, a plural noun made singular by its last part ("hand-offs" → "handoff"); an adjective
      // or a noun ending on a verb's form stays as written ("self-employed", "decision-making").
      lemmas ??= tokens.out(its.lemma as unknown as Parameters<typeof tokens.out>[0]) as string[];
      const head = compound.value
        .toLowerCase()
        .slice(0, compound.value.length - values[compound.end]!.length);
      const lemma =
        compound.pos === 'n' && tags[compound.end] === 'NOUN'
          ? singular(normaliseLemma(head + lemmas[compound.end]!.toLowerCase()), lexicon)
          : normaliseLemma(compound.value.toLowerCase());
      return {
        lemma: intern(lemma),
        pos: compound.pos,
        surface: intern(compound.value.toLowerCase()),
        negated: Boolean(negations[i]),
        chunk,
      };
    };

    let sentenceStart = true;
    /** Where the sentence's first word was, when it was a content word. */
    let openerAt = -1;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const compound = compounds?.get(i);
      if (compound) {
        // The word whole goes into the name being read; its parts below into the features, as before.
        compoundEnd = compound.end;
        nameRun.push(compoundToken(compound, i));
      }
      const inCompound = i <= compoundEnd;
      if (types[i] !== 'word') {
        closeRun();
        if (!inCompound) closeNameRun();
        if (/^[.!?]+$/.test(value)) sentenceStart = true;
        continue;
      }
      wordCount++;
      const opens = sentenceStart;
      sentenceStart = false;
      const acronym =
        value.length >= 2 && value.length <= 5 && /^[A-Z]+s?$/.test(value) && !NOT_ACRONYMS.has(value);
      const pos = acronym ? 'n' : POS_MAP[tags[i]!];
      if (!pos || (!acronym && stops[i]) || /\d/.test(value) || value.length < 2) {
        // A determiner, preposition or verb between nouns ends a phrase; "the" before a noun does not matter.
        if (tags[i] !== 'DET' || run.length > 0) closeRun();
        if (!inCompound && (tags[i] !== 'DET' || nameRun.length > 0)) closeNameRun();
        continue;
      }
      let lemma: string;
      if (acronym) lemma = intern(value.replace(/s$/, '').toLowerCase());
      else {
        const key = `${value.toLowerCase()}|${tags[i]}`;
        const cached = lemmaCache.get(key);
        if (cached !== undefined) lemma = cached;
        else {
          lemmas ??= tokens.out(its.lemma as unknown as Parameters<typeof tokens.out>[0]) as string[];
          lemma = normaliseLemma(lemmas[i]!.toLowerCase());
          if (pos === 'n') lemma = singular(lemma, lexicon);
          lemma = intern(lemma);
          if (lemmaCache.size < 200_000) lemmaCache.set(key, lemma);
        }
      }
      if (lemma.length < 2 || GENERIC.has(lemma) || (!acronym && CHAT_MARKERS.has(lemma))) {
        closeRun();
        if (!inCompound) closeNameRun();
        continue;
      }
      const token: ContentToken = {
        lemma,
        pos,
        surface: intern(acronym ? value : value.toLowerCase()),
        negated: Boolean(negations[i]),
        chunk,
      };
      content.push(inCompound ? { ...token, part: true } : token);
      if (opens) openerAt = i;
      // Phrases are adjective/noun runs; a verb stands alone. A first word read as an adjective (above)
      // opens a phrase as one; the comment's features keep the tagger's reading (the clustering is as
      // before: read as an adjective there too, the long-comments set lost 0.03 NMI).
      if (pos === 'v') {
        // A gerund between the sentence's first word and its verb is what the sentence is about ("Flexible
        // working has made…", "Hybrid working means…": the tagger reads a verb, and the phrase was lost).
        // Not before a noun ("Long waiting times…": the times are what it is about).
        if (
          run.length === 1 &&
          openerAt === i - 1 &&
          // "Customers calling…" are people doing something: a plural noun opens no such phrase.
          (run[0]!.pos === 'a' || run[0]!.surface === run[0]!.lemma) &&
          /^[A-Za-z][a-z]+ing$/.test(value) &&
          (tags[i + 1] === 'AUX' || tags[i + 1] === 'VERB')
        ) {
          const gerund = value.toLowerCase();
          (readings ??= []).push(phrase(`${run[0]!.lemma} ${gerund}`, `${run[0]!.surface} ${gerund}`));
        }
        closeRun();
        if (!inCompound) closeNameRun();
      } else {
        const read =
          pos === 'n' &&
          opens &&
          /^[A-Z][a-z]+$/.test(value) &&
          types[i + 1] === 'word' &&
          readsAsAdjective(value.toLowerCase())
            ? { ...token, pos: 'a' as const }
            : token;
        run.push(read);
        if (!inCompound) nameRun.push(read);
      }
    }
    closeRun();
    closeNameRun();
    return {
      tokens: content,
      phrases,
      ...(readings ? { readings } : {}),
      ...(names ? { names } : {}),
      lexiconSentiment: Number(doc.out(its.sentiment)) || 0,
      cues: sentimentCues(text.length > 4000 ? text.slice(0, 4000) : text),
      wordCount,
    };
  }

  return { process };
}

interface Compound {
  /** Its last token. */
  end: number;
  /** As written, hyphens and all. */
  value: string;
  pos: 'n' | 'a';
}

/**
 * Words joined by hyphens, which wink splits ("self", "-", "employed"): where each compound starts, its
 * last token, the compound as written and its part of speech. A compound reads as one word: "self-employed"
 * is an adjective, not the noun "self" and the verb "employ"; "follow-up" and "hand-off" are nouns. Null
 * when the text has none (most comments).
 */
function hyphenated(
  values: string[],
  types: string[],
  tags: string[],
  spaces: () => string[],
): Map<number, Compound> | null {
  if (!values.includes('-')) return null;
  const before = spaces();
  let found: Map<number, Compound> | null = null;
  for (let i = 0; i < values.length; i++) {
    if (types[i] !== 'word') continue;
    let end = i;
    while (
      values[end + 1] === '-' &&
      before[end + 1] === '' &&
      types[end + 2] === 'word' &&
      before[end + 2] === '' &&
      /^[A-Za-z]+$/.test(values[end + 2]!)
    )
      end += 2;
    if (end === i || !/^[A-Za-z]+$/.test(values[i]!)) continue;
    const last = tags[end]!;
    const word = values[end]!.toLowerCase();
    // "up-to-date", "face-to-face", "out-of-hours": three or more parts describe. Two: the last part
    // decides — a participle or adjective makes an adjective ("self-employed", "well-paid", "user-friendly"),
    // anything else a noun: a particle ("follow-up", "sign-off"), a noun ("back-office"), a gerund
    // ("decision-making").
    const pos: 'n' | 'a' =
      end - i >= 4 || last === 'ADJ' || (last === 'VERB' && !word.endsWith('ing')) ? 'a' : 'n';
    (found ??= new Map()).set(i, { end, value: values.slice(i, end + 1).join(''), pos });
    i = end;
  }
  return found;
}

/** wink leaves some plurals (often of nouns it tagged as names); WordNet knows the singular ("wages" → "wage"). */
function singular(lemma: string, lexicon: Lexicon): string {
  if (lemma.length < 4 || !lemma.endsWith('s') || /(ss|us|is)$/.test(lemma)) return lemma;
  const candidates = lemma.endsWith('ies')
    ? [lemma.slice(0, -3) + 'y']
    : /(ches|shes|sses|xes|zes)$/.test(lemma)
      ? [lemma.slice(0, -2)]
      : [lemma.slice(0, -1)];
  return candidates.find((candidate) => lexicon.senses(candidate, 'n').length > 0) ?? lemma;
}

/** British/American and hyphen variants collapse to one lemma. */
function normaliseLemma(lemma: string): string {
  const stripped = lemma.replace(/^[-']+|[-']+$/g, '').replace(/'s$/, '');
  return stripped.replace(/-/g, '');
}

/** Noun phrases inside a run of adjectives and nouns: every 1–3 word span that ends on a noun. */
function addPhrases(
  run: ContentToken[],
  into: ProcessedText['phrases'],
  phrase: (key: string, surface: string) => ProcessedText['phrases'][number],
): void {
  for (let end = 0; end < run.length; end++) {
    if (run[end]!.pos !== 'n') continue;
    for (let length = 1; length <= 3 && end - length + 1 >= 0; length++) {
      const span = run.slice(end - length + 1, end + 1);
      // A phrase does not start with a dangling adjective run longer than one word.
      if (length === 3 && span[0]!.pos === 'a' && span[1]!.pos === 'a') continue;
      into.push(phrase(span.map((t) => t.lemma).join(' '), span.map((t) => t.surface).join(' ')));
    }
  }
}
