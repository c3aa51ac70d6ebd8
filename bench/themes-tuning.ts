// npx tsx bench/themes-tuning.ts — the themes engine on the TUNING set only (test/themes/tuning/): long
// emotional school survey comments. Tune here; measure the frozen sets (bench/themes-frozen.ts) once, after.
import { ThemeModel } from '../server/themes/engine/index.ts';
import { clusteringScores } from '../server/themes/engine/metrics.ts';
import { wordNet } from '../server/themes/wordnet.ts';
import { longSchoolSet } from '../test/themes/tuning/long-school.ts';

const set = longSchoolSet();
const lexicon = wordNet();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const scores = [1, 2, 3, 4, 5].map((seed) =>
  clusteringScores(set.items, ThemeModel.compute(set.items, { lexicon, seed, asOf: set.lastDay }).result()),
);
console.log(
  JSON.stringify({
    set: set.name,
    nmi: +mean(scores.map((s) => s.nmi)).toFixed(3),
    ari: +mean(scores.map((s) => s.ari)).toFixed(3),
    purity: +mean(scores.map((s) => s.purity)).toFixed(3),
  }),
);
