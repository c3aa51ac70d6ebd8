// npx tsx bench/themes-split.ts — how well the moderators' "Propose a split" (server/themes/engine/split.ts)
// finds the two concerns of a theme that holds two. Labelled sets: the tuning sets, the workplace corpus and
// the held-out set; every pair of their gold themes (≥ 5 distinct comments each) joined into one theme, the
// second cut to 30–100 % of its comments (seeded) so the parts differ in size. Accuracy: the share of
// comments on the side of their own gold theme. Baseline, same run: the split by the theme's most common
// word (present / absent), the simplest thing a moderator could do with the keyword split.
import { createPreprocessor, type ProcessedText } from '../server/themes/engine/preprocess.ts';
import { proposeSplit } from '../server/themes/engine/split.ts';
import { seededRandom } from '../server/seeded-random.ts';
import { wordNet } from '../server/themes/wordnet.ts';
import { longSchoolSet } from '../test/themes/tuning/long-school.ts';
import { longBusSet } from '../test/themes/tuning/long-bus.ts';
import { chatKitchenSet } from '../test/themes/tuning/chat-kitchen.ts';
import { corpusItems } from '../test/themes/corpus.ts';
import { holdoutItems } from '../test/themes/holdout-texts.ts';

const lexicon = wordNet();
const preprocessor = createPreprocessor(lexicon);
const processed = new Map<string, ProcessedText>();
const process_ = (text: string) => {
  let doc = processed.get(text);
  if (!doc) processed.set(text, (doc = preprocessor.process(text)));
  return doc;
};
const sets = [
  { name: 'school (tuning)', items: longSchoolSet().items },
  { name: 'bus (tuning)', items: longBusSet().items },
  { name: 'kitchen chat (tuning)', items: chatKitchenSet().items },
  { name: 'workplace', items: corpusItems() },
  { name: 'held-out', items: holdoutItems() },
];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Share of comments on their own gold side (the part may be either theme). */
const accuracy = (firstCount: number, total: number, inPart: (i: number) => boolean) => {
  let agree = 0;
  for (let i = 0; i < total; i++) if (i < firstCount === inPart(i)) agree++;
  return Math.max(agree, total - agree) / total;
};

function byCommonestWord(docs: ProcessedText[]): (i: number) => boolean {
  const df = new Map<string, number>();
  for (const doc of docs)
    for (const lemma of new Set(doc.tokens.map((t) => t.lemma))) df.set(lemma, (df.get(lemma) ?? 0) + 1);
  let word = '';
  let most = -1;
  for (const [lemma, count] of df)
    if (count < 0.8 * docs.length && (count > most || (count === most && lemma < word)))
      [word, most] = [lemma, count];
  return (i) => docs[i]!.tokens.some((t) => t.lemma === word);
}

const random = seededRandom(7);
const rows: string[] = [];
const all = { proposed: [] as number[], baseline: [] as number[], larger: [] as number[] };
let ms = 0;
for (const set of sets) {
  const texts = new Map<string, Set<string>>();
  for (const item of set.items) {
    if (item.theme === 'miscellaneous' || item.theme === 'one-off') continue;
    if (!texts.has(item.theme)) texts.set(item.theme, new Set());
    texts.get(item.theme)!.add(item.text);
  }
  const themes = [...texts.values()].map((s) => [...s]).filter((t) => t.length >= 5);
  const proposed: number[] = [];
  const baseline: number[] = [];
  const larger: number[] = [];
  for (let a = 0; a < themes.length; a++)
    for (let b = a + 1; b < themes.length; b++) {
      const first = themes[a]!;
      const second = themes[b]!.slice(0, Math.max(3, Math.round(themes[b]!.length * (0.3 + 0.7 * random()))));
      const docs = [...first, ...second].map(process_);
      const started = performance.now();
      const proposal = proposeSplit(docs, lexicon);
      ms += performance.now() - started;
      const part = new Set(proposal?.part ?? []);
      proposed.push(accuracy(first.length, docs.length, (i) => part.has(i)));
      baseline.push(accuracy(first.length, docs.length, byCommonestWord(docs)));
      larger.push(Math.max(first.length, second.length) / docs.length);
    }
  all.proposed.push(...proposed);
  all.baseline.push(...baseline);
  all.larger.push(...larger);
  rows.push(
    `| ${set.name} | ${proposed.length} | **${mean(proposed).toFixed(3)}** | ${mean(baseline).toFixed(3)} | ${mean(larger).toFixed(3)} |`,
  );
}
console.log('| set | joined pairs | proposed split | most common word | all on one side |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(
  `| all | ${all.proposed.length} | **${mean(all.proposed).toFixed(3)}** | ${mean(all.baseline).toFixed(3)} | ${mean(all.larger).toFixed(3)} |`,
);
console.log(
  JSON.stringify({
    proposed: +mean(all.proposed).toFixed(3),
    baseline: +mean(all.baseline).toFixed(3),
    ratio: +(mean(all.proposed) / mean(all.baseline)).toFixed(2),
    msPerProposal: +(ms / all.proposed.length).toFixed(1),
  }),
);
