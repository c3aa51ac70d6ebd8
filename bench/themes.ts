// npm run bench:themes — quality of the themes engine on the hand-labelled corpus, and its speed.
//
// Quality: NMI, ARI and purity against the corpus labels (unclustered comments count as one more
// cluster), over five seeds, for the production configuration and two ablations; trend correctness for
// every labelled theme (judged on the theme holding most of its comments).
// Speed: full computation on 10k and 100k comments (the corpus mixed with noise), one incremental
// update, peak memory; ratios against a same-run baseline (wink-nlp reading the same texts, nothing more).
// Event loop: the server's longest stall during a 10k recompute, on the event loop (as before) against
// on the engine's thread (as the job runs it now), in the same run.

import os from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ThemeModel, type ThemeItem, type ThemesResult } from '../server/themes/engine/index.ts';
import { noLexicon } from '../server/themes/engine/lexicon.ts';
import { clusteringScores } from '../server/themes/engine/metrics.ts';
import { addDays } from '../server/themes/engine/trend.ts';
import { ThemeEngineWorker } from '../server/themes/engine-client.ts';
import { wordNet } from '../server/themes/wordnet.ts';
import { seededRandom } from '../server/seeded-random.ts';
import { connect } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { saveSnapshot, type Snapshot, type SnapshotItem } from '../server/themes/queries.ts';
import type { Theme } from '../server/themes/engine/index.ts';
import { corpusItems, corpusTrends, CORPUS_FIRST_DAY, type CorpusItem } from '../test/themes/corpus.ts';

const fmt = (x: number, digits = 3) => x.toFixed(digits);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const scores = clusteringScores;

function trendCorrectness(items: CorpusItem[], result: ThemesResult) {
  const rows: Array<{ theme: string; expected: string; got: string; label: string }> = [];
  for (const [theme, expected] of corpusTrends()) {
    const ids = new Set(items.filter((item) => item.theme === theme).map((item) => item.id));
    let best: ThemesResult['themes'][number] | null = null;
    let bestShared = 0;
    for (const candidate of result.themes) {
      const shared = candidate.itemIds.filter((id) => ids.has(id)).length;
      if (shared > bestShared) [best, bestShared] = [candidate, shared];
    }
    rows.push({ theme, expected, got: best?.trend ?? 'none', label: best?.label ?? '—' });
  }
  return rows;
}

function quality() {
  const items = corpusItems();
  console.log(
    `\n## Quality — hand-labelled corpus: ${items.length} comments, ${new Set(items.map((i) => i.theme)).size} labels (incl. miscellaneous)\n`,
  );
  const configurations = [
    { name: 'production (WordNet + workplace thesaurus)', options: { lexicon: wordNet() } },
    { name: 'ablation: WordNet only, no thesaurus', options: { lexicon: wordNet(), concepts: new Map() } },
    {
      name: 'ablation: words only (no WordNet, no thesaurus)',
      options: { lexicon: noLexicon, concepts: new Map() },
    },
  ];
  console.log('| configuration | NMI | ARI | purity | themes | unclustered |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  let production: ThemesResult | null = null;
  for (const { name, options } of configurations) {
    const runs = [1, 2, 3, 4, 5].map((seed) => {
      const result = ThemeModel.compute(items, { ...options, seed }).result();
      if (seed === 1 && !production) production = result;
      return scores(items, result);
    });
    console.log(
      `| ${name} | ${fmt(mean(runs.map((r) => r.nmi)))} (${fmt(Math.min(...runs.map((r) => r.nmi)))}–${fmt(Math.max(...runs.map((r) => r.nmi)))}) | ${fmt(mean(runs.map((r) => r.ari)))} | ${fmt(mean(runs.map((r) => r.purity)))} | ${fmt(mean(runs.map((r) => r.themes)), 1)} | ${fmt(mean(runs.map((r) => r.unclustered)), 1)} |`,
    );
  }
  const rows = trendCorrectness(items, production!);
  const trended = rows.filter((row) => row.expected !== 'steady');
  console.log(`\nTrends (production, seed 1), as of the corpus's last day:`);
  console.log('| labelled theme | made | found | engine label |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows)
    console.log(
      `| ${row.theme} | ${row.expected} | ${row.got} ${row.got === row.expected ? '✓' : '✗'} | ${row.label} |`,
    );
  console.log(
    `\nTrend correctness: ${rows.filter((r) => r.got === r.expected).length}/${rows.length} themes; ` +
      `made rising/fading/emerging: ${trended.filter((r) => r.got === r.expected).length}/${trended.length}.`,
  );
}

// ---- speed ----

const FILLERS = [
  'to be honest',
  'again',
  'this week',
  'as I said before',
  'honestly',
  'not for the first time',
  'in our branch',
  'at head office',
  'please',
  'it has been like this for ages',
  'can someone look at this',
  'I know others feel the same',
];

/** n comments: corpus comments perturbed (words dropped, fillers added, two joined), plus 20% word salad. */
function synthetic(n: number, seed: number): ThemeItem[] {
  const next = seededRandom(seed);
  const base = corpusItems();
  const vocabulary = base.flatMap((item) => item.text.split(/\s+/));
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const items: ThemeItem[] = [];
  for (let i = 0; i < n; i++) {
    let text: string;
    let day: string;
    if (next() < 0.2) {
      const length = 4 + Math.floor(next() * 16);
      text = Array.from({ length }, () => pick(vocabulary)).join(' ');
      day = addDays(CORPUS_FIRST_DAY, Math.floor(next() * 90));
    } else {
      const source = pick(base);
      const words = source.text.split(/\s+/).filter(() => next() > 0.15);
      if (next() < 0.5) words.splice(Math.floor(next() * words.length), 0, pick(FILLERS));
      if (next() < 0.15)
        words.push(
          ...pick(base.filter((item) => item.theme === source.theme))
            .text.split(/\s+/)
            .slice(0, 8),
        );
      text = words.join(' ');
      day = source.day;
    }
    items.push({ id: `s${i}`, text, day });
  }
  return items;
}

/** Wall time, and this process's CPU time (less disturbed when other work shares the machine). */
function timeIt<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const ADDITIONS = [
  'The loan system crashed again and we lost three applications this morning.',
  'The canteen queue at lunch is far too long now.',
  'Expense claims keep getting rejected for tiny reasons.',
  'IT fixed my laptop in ten minutes, brilliant service.',
  'The printer on the second floor jams every single day.',
  'Underwriting took three weeks to answer a simple question.',
  'The new intranet search never finds the policy I need.',
  'Facilities sorted the heating before the customers arrived.',
  'Our team meetings run over every week and nothing gets decided.',
];

function speed() {
  console.log('\n## Speed (this machine, one process, sizes run in order)\n');
  const startup = timeIt(() => {
    ThemeModel.compute(corpusItems().slice(0, 40), { lexicon: wordNet() });
  });
  console.log(`Start-up (load wink model + WordNet, first small run): ${fmt(startup.ms, 0)} ms\n`);
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos']);
  console.log(
    `Load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores\n`,
  );
  console.log(
    '| comments | baseline: wink reads the texts (wall / CPU) | full computation (wall / CPU) | ratio to baseline (CPU) | themes | unclustered | incremental update (1 comment, median of 9) | peak RSS so far |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const n of [10_000, 100_000]) {
    const items = synthetic(n, n);
    const baseline = timeIt(() => {
      for (const item of items) nlp.readDoc(item.text);
    });
    const full = timeIt(() => ThemeModel.compute(items, { lexicon: wordNet() }));
    const result = full.value.result();
    // One comment at a time, nine times (one timing is noise): the median and the slowest.
    const additions: ThemeItem[] = ADDITIONS.map((text, i) => ({
      id: `new-${n}-${i}`,
      text,
      day: '2025-03-31',
    }));
    const updates = additions.map((addition) => timeIt(() => full.value.update({ added: [addition] })));
    const times = updates.map((update) => update.ms).sort((a, b) => a - b);
    const placed = updates[0]!.value.themes.find((theme) => theme.itemIds.includes(additions[0]!.id));
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(
      `| ${n.toLocaleString('en')} | ${fmt(baseline.ms / 1000, 2)} s / ${fmt(baseline.cpuMs / 1000, 2)} s | ${fmt(full.ms / 1000, 2)} s / ${fmt(full.cpuMs / 1000, 2)} s | ${fmt(full.cpuMs / baseline.cpuMs, 2)}× | ${result.themes.length} | ${result.unclustered.length} | ${fmt(times[times.length >> 1]!, 1)} ms (slowest ${fmt(times.at(-1)!, 1)}) → "${placed?.label ?? 'unclustered'}" | ${fmt(peak, 0)} MB |`,
    );
  }
  console.log('\nTargets: 10k ≤ 3 s, 100k ≤ 60 s and ≤ 1.5 GB, incremental ≤ 100 ms.');
}

/** Runs `work` with the event loop watched: its longest delay, and the wall time. */
async function watchLoop(
  work: () => Promise<unknown>,
): Promise<{ maxDelayMs: number; p99DelayMs: number; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // The monitor records from its second tick on.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  // Let the monitor's timer fire once more, so a stall that ends with `work` is recorded.
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6, ms };
}

async function eventLoop() {
  console.log('\n## Event loop during a 10k recompute (main thread, longest stall)\n');
  const items = synthetic(10_000, 10_000);
  const asOf = '2025-03-31';
  const engine = new ThemeEngineWorker(console);
  // Both sides warm: WordNet and the wink model loaded, the thread started.
  ThemeModel.compute(items.slice(0, 200), { lexicon: wordNet(), asOf });
  await engine.compute('all', items.slice(0, 200), { asOf, previous: [] });
  const before = await watchLoop(async () =>
    ThemeModel.compute(items, { lexicon: wordNet(), asOf }).result(),
  );
  const after = await watchLoop(() => engine.compute('all', items, { asOf, previous: [] }));
  await engine.close();
  console.log('| 10,000 comments | wall time | max event-loop delay | p99 event-loop delay |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, run] of [
    ['before: on the event loop', before],
    ['after: on the engine thread', after],
  ] as const)
    console.log(
      `| ${name} | ${fmt(run.ms / 1000, 2)} s | ${fmt(run.maxDelayMs, 0)} ms | ${fmt(run.p99DelayMs, 0)} ms |`,
    );
  console.log(
    `\nLongest stall, before / after: ${fmt(before.maxDelayMs / after.maxDelayMs, 1)}×; ` +
      `wall time, after / before: ${fmt(after.ms / before.ms, 2)}× (the copy to and from the thread).`,
  );

  await transfer();
}

/**
 * What crossing to the engine thread costs this thread at the soak's size (27k comments): a message is
 * copied in one go on the sending side and rebuilt in one go on the receiving one. Before: the comments as
 * one message and the answer as one (measured as what those messages cost this thread: v8's serializer,
 * which postMessage uses). After: the engine client's slices and parts, end to end.
 */
async function transfer() {
  const n = 27_000;
  console.log(
    `\n## Crossing to the engine thread and back, ${n.toLocaleString('en')} comments (longest stall here)\n`,
  );
  const items = synthetic(n, 27);
  const asOf = '2025-03-31';
  const engine = new ThemeEngineWorker(console);
  const computed = await engine.compute('all', items, { asOf, previous: [] });
  const before = await watchLoop(async () => {
    deserialize(serialize({ kind: 'compute', items, asOf, previous: [] }));
    // The thread's answer as one message (as it was sent before: themes with their item lists).
    await new Promise((resolve) => setTimeout(resolve, 5));
    deserialize(serialize(computed));
  });
  const after = await watchLoop(() => engine.compute('all', items, { asOf, previous: [] }));
  const update = await watchLoop(() =>
    engine.update('all', {
      added: synthetic(1200, 28).map((item, i) => ({ ...item, id: `u${i}` })),
      removed: [],
      asOf,
    }),
  );
  // A full computation from the comments the thread holds, plus 1,200 more: only the change crosses.
  const recompute = await watchLoop(() =>
    engine.recompute('all', {
      added: synthetic(1200, 29).map((item, i) => ({ ...item, id: `r${i}` })),
      removed: [],
      asOf,
      previous: [],
    }),
  );
  const idle = await watchLoop(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await engine.close();
  console.log('| 27,000 comments | max event-loop delay | p99 event-loop delay |');
  console.log('| --- | --- | --- |');
  console.log(
    `| idle (the monitor's 10 ms tick) | ${fmt(idle.maxDelayMs, 0)} ms | ${fmt(idle.p99DelayMs, 0)} ms |`,
  );
  console.log(
    `| before: one message each way (copies only) | ${fmt(before.maxDelayMs, 0)} ms | ${fmt(before.p99DelayMs, 0)} ms |`,
  );
  console.log(
    `| after: full computation, in slices and parts | ${fmt(after.maxDelayMs, 0)} ms | ${fmt(after.p99DelayMs, 0)} ms |`,
  );
  console.log(
    `| after: incremental update (+1,200), in parts | ${fmt(update.maxDelayMs, 0)} ms | ${fmt(update.p99DelayMs, 0)} ms |`,
  );
  console.log(
    `| after: full computation from the held comments (+1,200), in parts | ${fmt(recompute.maxDelayMs, 0)} ms | ${fmt(recompute.p99DelayMs, 0)} ms |`,
  );
  console.log(`\nLongest stall, before / after: ${fmt(before.maxDelayMs / after.maxDelayMs, 1)}×.`);
  console.log(
    `Longest stall, full computation sent over / from the held comments: ${fmt(after.maxDelayMs / recompute.maxDelayMs, 1)}×.`,
  );
}

/** A snapshot of n comments in 40 themes (what the save writes does not depend on how it was clustered). */
function fakeSnapshot(n: number, seed: number): Snapshot {
  const next = seededRandom(seed);
  const themes: Theme[] = Array.from({ length: 40 }, (_, t) => ({
    id: `00000000-0000-4000-8000-${String(t).padStart(12, '0')}`,
    label: `Theme ${t}`,
    keywords: ['one', 'two'],
    size: 0,
    itemIds: [],
    trend: 'steady',
    test: { trend: 'steady', recent: 1, baseline: 1, ratio: 1, pValue: 1, window: 14, usual: 1, overall: 1 },
    sentiment: 0,
    tone: { positive: 0, neutral: 1, negative: 0 },
    daily: [],
    quotes: [],
    signature: { one: 1 },
    pinned: false,
  }));
  const items: SnapshotItem[] = [];
  for (let i = 0; i < n; i++)
    items.push({
      itemId: `item-${String(i).padStart(7, '0')}`,
      themeId: themes[Math.floor(next() * themes.length)]!.id,
      source: 'suggestion',
      hash: `source-hash-${i}`,
      text: `Comment ${i}: ${'the car park barrier is broken again and the queue reaches the road '.repeat(1 + (i % 3))}`,
      day: addDays(CORPUS_FIRST_DAY, i % 90),
      published: true,
      departmentId: null,
      status: null,
      prompt: null,
      promptAskedOn: null,
      sentiment: 0,
      centrality: Math.round(next() * 30) / 10,
    });
  return {
    scope: 'all',
    asOf: '2025-03-31',
    firstDay: CORPUS_FIRST_DAY,
    themes,
    items,
    itemCount: n,
    unclustered: 0,
    durationMs: 0,
    incremental: false,
  };
}

/** The same snapshot after a typical run: 1 % of comments change theme, 0.5 % leave, 0.5 % arrive. */
function changed(snapshot: Snapshot, seed: number): Snapshot {
  const next = seededRandom(seed);
  const n = snapshot.items.length;
  const items = snapshot.items
    .filter(() => next() >= 0.005)
    .map((item) =>
      next() < 0.01
        ? { ...item, themeId: snapshot.themes[Math.floor(next() * snapshot.themes.length)]!.id }
        : item,
    );
  for (let i = 0; i < n * 0.005; i++)
    items.push({
      ...snapshot.items[i]!,
      itemId: `new-${i}`,
      hash: `new-hash-${i}`,
      text: `A new comment ${i} about the canteen.`,
    });
  return { ...snapshot, items, itemCount: items.length };
}

async function saves() {
  console.log(
    "\n## Snapshot saves (the main thread's connection; PGlite in this process unless DATABASE_URL)\n",
  );
  const handle = await connect({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  console.log(
    '| comments | save | rows written (themes + items) | rows deleted | wall time | max event-loop delay |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const n of [27_000]) {
    const before = fakeSnapshot(n, 7);
    const after = changed(before, 8);
    await saveSnapshot(handle.db, before);
    const measure = async (name: string, snapshot: Snapshot, rewrite: boolean) => {
      let stats = { themesWritten: 0, themesRetired: 0, itemsWritten: 0, itemsDeleted: 0 };
      const run = await watchLoop(async () => {
        stats = await saveSnapshot(handle.db, snapshot, { rewrite });
      });
      console.log(
        `| ${n.toLocaleString('en')} | ${name} | ${stats.themesWritten} + ${stats.itemsWritten.toLocaleString('en')} | ${stats.itemsDeleted.toLocaleString('en')} | ${fmt(run.ms, 0)} ms | ${fmt(run.maxDelayMs, 0)} ms |`,
      );
      return { ...run, written: stats.themesWritten + stats.itemsWritten + stats.itemsDeleted };
    };
    const baseline = await measure(
      'before: delete and re-insert every row (1 % moved, 1 % in/out)',
      after,
      true,
    );
    await saveSnapshot(handle.db, before, { rewrite: true });
    const diff = await measure('after: diff against the stored assignment (same change)', after, false);
    const same = await measure('after: nothing changed', after, false);
    // Another node's model: the same change, every centrality nudged by up to 3 % (a full compare, as
    // after a save this node did not make). Compared exactly, every row would be written again.
    const nudge = seededRandom(9);
    const drifted = {
      ...after,
      items: after.items.map((item) => ({ ...item, centrality: item.centrality * (0.97 + 0.06 * nudge()) })),
    };
    await saveSnapshot(handle.db, before, { rewrite: true });
    const handedOver = await measure('after: the same change, centralities nudged ≤ 3 %', drifted, false);
    console.log(
      `\nRows written, after / before: ${fmt(diff.written / baseline.written, 3)}×; wall time: ${fmt(diff.ms / baseline.ms, 2)}×; ` +
        `longest event-loop stall: ${fmt(diff.maxDelayMs / baseline.maxDelayMs, 2)}×; unchanged snapshot: ${same.written} rows, ${fmt(same.ms, 0)} ms; ` +
        `centralities nudged: ${fmt(handedOver.written / diff.written, 2)}× the rows of the same change.`,
    );
  }
  await handle.close();
}

const only = process.argv[2];
if (!only || only === 'quality') quality();
if (!only || only === 'speed') speed();
if (!only || only === 'event-loop') await eventLoop();
if (only === 'transfer') await transfer();
if (!only || only === 'save') await saves();
