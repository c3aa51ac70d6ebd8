// npx tsx bench/themes-tuning.ts — the themes engine on the TUNING sets only (test/themes/tuning/): long
// emotional school and bus-company survey comments, terse restaurant focus-group chat. Tune here; measure
// the frozen sets (bench/themes-frozen.ts) once, after.
//   --seeds N   seeds 1…N (default 5)
//   --labels    also the labels of seed 1, per set, next to the gold labels; and the workplace corpus's
//               labels (labels only: its clustering scores are not printed, it is not tuned on)
//   --detail    per gold theme, where its comments went (seed 1)
import { ThemeModel } from '../server/themes/engine/index.ts';
import { clusteringScores } from '../server/themes/engine/metrics.ts';
import { wordNet } from '../server/themes/wordnet.ts';
import { longSchoolSet } from '../test/themes/tuning/long-school.ts';
import { longBusSet } from '../test/themes/tuning/long-bus.ts';
import { chatKitchenSet } from '../test/themes/tuning/chat-kitchen.ts';
import { corpusItems, CORPUS_LAST_DAY } from '../test/themes/corpus.ts';
import { goldAgreement, goldAgreementShare, labelQuality } from './themes-labels.ts';

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seedCount = Number(argument('--seeds') ?? 5);
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
const lexicon = wordNet();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const sets = [longSchoolSet(), longBusSet(), chatKitchenSet()];
const all: number[] = [];
for (const set of sets) {
  const results = seeds.map((seed) =>
    ThemeModel.compute(set.items, { lexicon, seed, asOf: set.lastDay }).result(),
  );
  const scores = results.map((result) => clusteringScores(set.items, result));
  const labels = results.map((result) => labelQuality(set.items, result.themes));
  const goldLabels = new Map(set.themes.map((theme) => [theme.theme, theme.label]));
  const agreements = results.map((result) => goldAgreement(set.items, goldLabels, result.themes));
  all.push(mean(scores.map((s) => s.nmi)));
  console.log(
    JSON.stringify({
      set: set.name,
      nmi: +mean(scores.map((s) => s.nmi)).toFixed(3),
      nmiMin: +Math.min(...scores.map((s) => s.nmi)).toFixed(3),
      ari: +mean(scores.map((s) => s.ari)).toFixed(3),
      purity: +mean(scores.map((s) => s.purity)).toFixed(3),
      themes: +mean(scores.map((s) => s.themes)).toFixed(1),
      unclustered: +mean(scores.map((s) => s.unclustered)).toFixed(1),
      badLabels: +(
        labels.reduce((a, q) => a + q.badLabels, 0) / labels.reduce((a, q) => a + q.labels, 0)
      ).toFixed(2),
      namesGold: +goldAgreementShare(agreements).toFixed(2),
    }),
  );
  const result = results[0]!;
  if (process.argv.includes('--labels')) {
    console.log(`  gold: ${set.themes.map((t) => t.label).join(' · ')}`);
    results.forEach((r, i) =>
      console.log(`  seed ${i + 1}: ${r.themes.map((t) => `${t.label} (${t.size})`).join(' · ')}`),
    );
    console.log(`  bad (all seeds): ${[...new Set(labels.flatMap((q) => q.examples))].join(' · ') || '—'}`);
    console.log(
      `  not the gold topic's words (all seeds): ${[...new Set(agreements.flatMap((q) => q.misses))].join(' · ') || '—'}`,
    );
  }
  if (process.argv.includes('--detail')) {
    const themeOf = new Map<string, string>();
    for (const theme of result.themes) for (const id of theme.itemIds) themeOf.set(id, theme.label);
    const gold = [...new Set(set.items.map((item) => item.theme))];
    for (const g of gold) {
      const counts = new Map<string, number>();
      for (const item of set.items.filter((i) => i.theme === g)) {
        const found = themeOf.get(item.id) ?? '(unclustered)';
        counts.set(found, (counts.get(found) ?? 0) + 1);
      }
      console.log(
        `  ${g}: ${[...counts]
          .sort((a, b) => b[1] - a[1])
          .map(([l, n]) => `${l} ${n}`)
          .join(', ')}`,
      );
    }
  }
}
console.log(JSON.stringify({ meanNmi: +mean(all).toFixed(3) }));
if (process.argv.includes('--labels')) {
  // Labels only (the label metric and the names): the workplace corpus's clustering is not tuned on.
  const items = corpusItems();
  const results = seeds.map((seed) =>
    ThemeModel.compute(items, { lexicon, seed, asOf: CORPUS_LAST_DAY }).result(),
  );
  const labels = results.map((result) => labelQuality(items, result.themes));
  const share = (pick: (q: (typeof labels)[number]) => number) =>
    (labels.reduce((a, q) => a + pick(q), 0) / labels.reduce((a, q) => a + q.labels, 0)).toFixed(2);
  console.log(
    `workplace corpus: bad labels ${share((q) => q.badLabels)} (stem ${share((q) => q.stems)}, function word ${share((q) => q.functionWords)}, generic ${share((q) => q.generic)})`,
  );
  console.log(`  bad (all seeds): ${[...new Set(labels.flatMap((q) => q.examples))].join(' · ') || '—'}`);
  results.forEach((r, i) =>
    console.log(`  seed ${i + 1}: ${r.themes.map((t) => `${t.label} (${t.size})`).join(' · ')}`),
  );
}
