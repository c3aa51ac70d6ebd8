// npm run bench:themes-frozen — the themes engine scored on labelled sets it was never tuned on
// (test/themes/frozen/: terse focus-group chat at a warehouse; long emotional hospital survey comments),
// next to the workplace corpus it was tuned on. Per set: NMI / ARI / purity (mean of five seeds,
// unclustered counts as one more cluster), a confusion matrix of planted against found trends (the
// found trend is that of the theme holding most of a labelled theme's comments), theme tone against
// the planted tone, per-comment tone agreement on one-tone themes, and gold labels next to engine labels.
// `-- --json` prints one JSON line of the headline numbers (used by the frozen-set test).

import { ThemeModel, type ThemesResult } from '../server/themes/engine/index.ts';
import { clusteringScores } from '../server/themes/engine/metrics.ts';
import { wordNet } from '../server/themes/wordnet.ts';
import { goldAgreement, goldAgreementShare, labelQuality } from './themes-labels.ts';
import { corpusItems, corpusTrends, CORPUS_LAST_DAY } from '../test/themes/corpus.ts';
import { frozenSets, type FrozenSet, type PlantedTrend, type Tone } from '../test/themes/frozen/layout.ts';

const TRENDS: PlantedTrend[] = ['rising', 'steady', 'fading', 'emerging'];
const fmt = (x: number, digits = 3) => x.toFixed(digits);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

type Result = ThemesResult['themes'][number] & {
  tone?: { positive: number; negative: number; neutral: number };
};

/** A theme's tone: from its comment distribution when the engine gives one, else from the mean. */
function toneOf(theme: Result): Tone {
  if (theme.tone) {
    const { positive, negative } = theme.tone;
    if (positive >= 0.5 && positive > negative) return 'positive';
    if (negative >= 0.5 && negative > positive) return 'negative';
    return 'mixed';
  }
  return theme.sentiment > 0.1 ? 'positive' : theme.sentiment < -0.1 ? 'negative' : 'mixed';
}

function bestMatch(result: ThemesResult, ids: Set<string>): Result | null {
  let best: Result | null = null;
  let shared = 0;
  for (const candidate of result.themes) {
    const n = candidate.itemIds.filter((id) => ids.has(id)).length;
    if (n > shared) [best, shared] = [candidate as Result, n];
  }
  return best;
}

export function scoreSet(set: FrozenSet) {
  const lexicon = wordNet();
  const runs = [1, 2, 3, 4, 5].map((seed) => {
    const model = ThemeModel.compute(set.items, { lexicon, seed, asOf: set.lastDay });
    return { result: model.result(), model };
  });
  const clustering = runs.map(({ result }) => clusteringScores(set.items, result));
  const labels = runs.map(({ result }) => labelQuality(set.items, result.themes));
  const sum = (pick: (q: (typeof labels)[number]) => number) => labels.reduce((a, q) => a + pick(q), 0);
  const labelStats = {
    badLabels: sum((q) => q.badLabels) / sum((q) => q.labels),
    badKeywords: sum((q) => q.badKeywords) / sum((q) => q.keywords),
    stems: sum((q) => q.stems) / sum((q) => q.labels),
    generic: sum((q) => q.generic) / sum((q) => q.labels),
    functionWords: sum((q) => q.functionWords) / sum((q) => q.labels),
    examples: labels[0]!.examples,
  };
  const goldLabels = new Map(set.themes.map((theme) => [theme.theme, theme.label]));
  const agreements = runs.map(({ result }) => goldAgreement(set.items, goldLabels, result.themes));
  const namesGold = goldAgreementShare(agreements);
  const { result, model } = runs[0]!;
  const confusion = new Map<string, number>();
  const rows = set.themes.map((gold) => {
    const ids = new Set(set.items.filter((item) => item.theme === gold.theme).map((item) => item.id));
    const found = bestMatch(result, ids);
    const trend = found?.trend ?? 'none';
    confusion.set(`${gold.trend}→${trend}`, (confusion.get(`${gold.trend}→${trend}`) ?? 0) + 1);
    return { gold, found, trend, tone: found ? toneOf(found) : 'none' };
  });
  // Per-comment tone on one-tone themes: the share of comments whose sentiment has the planted sign.
  const sentiment = new Map(model.memberships().map((m) => [m.itemId, m.sentiment]));
  let agree = 0;
  let judged = 0;
  for (const item of set.items) {
    const gold = set.themes.find((t) => t.theme === item.theme);
    if (!gold || gold.tone === 'mixed') continue;
    judged++;
    const s = sentiment.get(item.id) ?? 0;
    if ((gold.tone === 'positive' && s > 0) || (gold.tone === 'negative' && s < 0)) agree++;
  }
  return {
    name: set.name,
    n: set.items.length,
    nmi: mean(clustering.map((c) => c.nmi)),
    nmiMin: Math.min(...clustering.map((c) => c.nmi)),
    ari: mean(clustering.map((c) => c.ari)),
    purity: mean(clustering.map((c) => c.purity)),
    themes: mean(clustering.map((c) => c.themes)),
    unclustered: mean(clustering.map((c) => c.unclustered)),
    trendsRight: rows.filter((r) => r.trend === r.gold.trend).length,
    trendsTotal: rows.length,
    tonesRight: rows.filter((r) => r.tone === r.gold.tone).length,
    commentTone: agree / judged,
    labelStats,
    namesGold,
    confusion,
    rows,
  };
}

/**
 * The job's way: the first run from a random start, then each run from the previous themes. Here from
 * a random start on the older half (by day), then the rest in five steps of a tenth, each warm: the
 * clustering the job would hold at the end, scored like the rest (mean of five seeds).
 */
function grownWarm(set: FrozenSet) {
  const lexicon = wordNet();
  const items = [...set.items].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const runs = [1, 2, 3, 4, 5].map((seed) => {
    let n = Math.floor(items.length / 2);
    let result = ThemeModel.compute(items.slice(0, n), { lexicon, seed, asOf: set.lastDay }).result();
    while (n < items.length) {
      const from = n;
      n = Math.min(items.length, n + Math.ceil(items.length / 10));
      const previous = result.themes.map(({ id, itemIds, signature, label, trend }) => ({
        id,
        itemIds,
        signature,
        label,
        trend,
      }));
      result = ThemeModel.compute(items.slice(0, n), {
        lexicon,
        seed,
        asOf: set.lastDay,
        warmStart: true,
        previous,
        added: items.slice(from, n).map((item) => item.id),
      }).result();
    }
    return clusteringScores(items, result);
  });
  return { nmi: mean(runs.map((r) => r.nmi)), themes: mean(runs.map((r) => r.themes)) };
}

function workplaceSet(): FrozenSet {
  const items = corpusItems();
  return {
    name: 'workplace corpus (tuned on)',
    items,
    lastDay: CORPUS_LAST_DAY,
    themes: [...corpusTrends()].map(([theme, trend]) => ({
      theme,
      trend,
      label: theme,
      tone: 'mixed',
      texts: [],
    })),
  };
}

const sets = [workplaceSet(), ...frozenSets()];
const results = sets.map(scoreSet);

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify(
      results.map(
        ({ name, nmi, ari, purity, trendsRight, trendsTotal, tonesRight, commentTone, labelStats }) => ({
          name,
          badLabels: labelStats.badLabels,
          badKeywords: labelStats.badKeywords,
          nmi,
          ari,
          purity,
          trendsRight,
          trendsTotal,
          tonesRight,
          commentTone,
        }),
      ),
    ),
  );
} else {
  console.log(
    '| set | comments | NMI (min) | ARI | purity | themes | unclustered | trends right | tones right | comment tone |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.n} | ${fmt(r.nmi)} (${fmt(r.nmiMin)}) | ${fmt(r.ari)} | ${fmt(r.purity)} | ${fmt(r.themes, 1)} | ${fmt(r.unclustered, 1)} | ${r.trendsRight}/${r.trendsTotal} | ${r.name.startsWith('workplace') ? '—' : `${r.tonesRight}/${r.trendsTotal}`} | ${r.name.startsWith('workplace') ? '—' : fmt(r.commentTone, 2)} |`,
    );
  console.log(
    '\n| set | bad labels (stem / function word / generic single word) | bad keywords | labels with a word of the gold label | bad labels, seed 1 |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results) {
    const q = r.labelStats;
    console.log(
      `| ${r.name} | ${fmt(q.badLabels * 100, 0)} % (${fmt(q.stems * 100, 0)} / ${fmt(q.functionWords * 100, 0)} / ${fmt(q.generic * 100, 0)}) | ${fmt(q.badKeywords * 100, 0)} % | ${r.name.startsWith('workplace') ? '—' : `${fmt(r.namesGold * 100, 0)} %`} | ${q.examples.join(' · ') || '—'} |`,
    );
  }
  console.log(
    '\n| set | NMI from a random start on all | NMI grown warm (half, then 5 × a tenth) | themes (random / warm) |',
  );
  console.log('| --- | --- | --- | --- |');
  sets.forEach((set, i) => {
    const grown = grownWarm(set);
    const r = results[i]!;
    console.log(
      `| ${r.name} | ${fmt(r.nmi)} | ${fmt(grown.nmi)} | ${fmt(r.themes, 1)} / ${fmt(grown.themes, 1)} |`,
    );
  });
  for (const r of results) {
    console.log(`\n### ${r.name}: trend confusion (rows planted, columns found; seed 1)\n`);
    const found = [...TRENDS, 'none'];
    console.log(`| planted \\ found | ${found.join(' | ')} |`);
    console.log(`| --- | ${found.map(() => '---').join(' | ')} |`);
    for (const planted of TRENDS)
      console.log(
        `| ${planted} | ${found.map((f) => r.confusion.get(`${planted}→${f}`) ?? 0).join(' | ')} |`,
      );
    if (r.name.startsWith('workplace')) {
      console.log(`\nLabels: ${r.rows.map((row) => row.found?.label ?? '—').join(' · ')}`);
      continue;
    }
    console.log('\n| gold label | engine label | planted trend | found | planted tone | found |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const row of r.rows)
      console.log(
        `| ${row.gold.label} | ${row.found?.label ?? '—'} | ${row.gold.trend} | ${row.trend} ${row.trend === row.gold.trend ? '✓' : '✗'} | ${row.gold.tone} | ${row.tone} ${row.tone === row.gold.tone ? '✓' : '✗'} |`,
      );
  }
}
