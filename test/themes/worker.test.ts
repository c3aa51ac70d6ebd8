import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ThemeEngineWorker } from '../../server/themes/engine-client.ts';
import { DEBOUNCE_MS, LARGE_MAX_WAIT_MS, PACE, ThemesJob, themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { corpusItems } from './corpus.ts';
import { suggestFromCorpus } from './sources.ts';

// This file's own jobs write the snapshots: the app's leased job must not run on a slot between them (at
// the hour it did, and a run saved the scope with its own model between two runs a test compared).
const t = build({ JOB_TICK_MS: '600000' });
const corpus = corpusItems();

/** Publishes `count` suggestions drawn from the labelled corpus (numbered, so no two are the same text). */
const publish = (count: number, text?: (i: number) => string) =>
  suggestFromCorpus(t.app.db, { count, ...(text ? { text } : {}) });

const lastRun = () =>
  t.app.db
    .selectFrom('theme_run')
    .select(['item_count'])
    .where('scope', '=', 'all')
    .executeTakeFirstOrThrow();

/**
 * A full computation from every source (the engine's model dropped) finds nothing left to write — or,
 * with `share`, at most that share of the rows, and the same themes.
 */
async function expectSameFromEverySource(job: ThemesJob, share = 0) {
  const themeIds = async () =>
    (
      await t.app.db
        .selectFrom('theme')
        .select('id')
        .where('scope', '=', 'all')
        .where('retired', '=', false)
        .orderBy('id')
        .execute()
    ).map((row) => row.id);
  const before = await themeIds();
  job.forgetModels();
  await job.recompute(['all']);
  const runs = t.logs.filter((line) => line.msg === 'themes recomputed' && line.scope === 'all');
  const run = runs.at(-1) as { items: number; itemsWritten: number; itemsDeleted: number };
  if (share === 0)
    expect(run).toMatchObject({ mode: 'full', itemsWritten: 0, itemsDeleted: 0, themesWritten: 0 });
  else {
    expect(run).toMatchObject({ mode: 'full' });
    expect(run.itemsWritten + run.itemsDeleted).toBeLessThanOrEqual(share * run.items);
    expect(await themeIds()).toEqual(before);
  }
}

// Over a real socket: a request arrives the way a client's does, as an event of the loop.
const health = async () => (await fetch(`${origin}/api/health`)).status;
let origin: string;

beforeAll(async () => {
  // The app's own job (scheduled at start) is done before these jobs write snapshots.
  await themesJob(t.app).idle();
  await publish(60);
  origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
});

describe('themes engine thread', () => {
  it('a crashed thread fails that run, not the server; the next run starts a fresh thread', async () => {
    // 3,000 comments of 4,000 characters do not fit in a 40 MB heap: the thread dies of it. (1,500 did
    // until the model stopped keeping processed comments after a computation: then it sometimes fit. At
    // 64 MB they fit once the employees' snapshot was derived from the moderators' held comments, their
    // text no longer held twice.)
    const long = await publish(3000, (i) => `${corpus[i % corpus.length]!.text} `.repeat(200).slice(0, 4000));
    const engine = new ThemeEngineWorker(t.app.log, { resourceLimits: { maxOldGenerationSizeMb: 40 } });
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources }, engine);
    try {
      await expect(job.recompute()).rejects.toThrow(/memory/);
      expect(t.logs).toContainEqual(expect.objectContaining({ level: 50, msg: 'themes worker crashed' }));
      expect(engine.generation).toBe(1);
      expect(await health()).toBe(200);

      await t.app.db.deleteFrom('suggestion').where('id', 'in', long).execute();
      await job.recompute();
      expect(await lastRun()).toEqual({ item_count: 60 });
      expect(engine.generation).toBe(1);
    } finally {
      await job.close();
    }
  });

  it('keeps serving requests while a few thousand comments are computed', async () => {
    await publish(3000);
    const engine = new ThemeEngineWorker(t.app.log);
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources }, engine);
    try {
      let settled = false;
      const run = job.recompute().finally(() => (settled = true));
      // On the event loop the computation would answer nothing until it ends; on its thread, the
      // server keeps answering all along.
      let servedWhileComputing = 0;
      while (!settled) {
        expect(await health()).toBe(200);
        if (engine.busy) servedWhileComputing++;
      }
      await run;
      expect(servedWhileComputing).toBeGreaterThanOrEqual(20);
      expect(await lastRun()).toEqual({ item_count: 3060 });
    } finally {
      await job.close();
    }
  });

  it('below 5,000 comments, a run while the thread holds the model computes in full from what it holds: the same snapshot as from every source', async () => {
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources });
    const runs = () => t.logs.filter((line) => line.msg === 'themes recomputed' && line.scope === 'all');
    try {
      // Some 3,000 comments (the first tests publish them; alone, this one does).
      const { count } = await t.app.db
        .selectFrom('suggestion')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      if (Number(count) < 3000) await publish(3000 - Number(count));
      await job.recompute(['all']);
      expect(runs().at(-1)).toMatchObject({ mode: 'full' });
      const before = runs().at(-1) as { items: number };
      expect(before.items).toBeLessThan(5000);
      await publish(30, (i) => `The car park is full before eight again, nowhere to park (${i}).`);
      await job.recompute(['all']);
      const run = runs().at(-1) as { itemsWritten: number };
      expect(run).toMatchObject({ mode: 'recompute', items: before.items + 30 });
      // Started from the previous themes, the 30 new comments join them and few others move: the save
      // writes about the change (67 rows at 3,090 comments, measured), not every row (3,090 from a
      // random start).
      expect(run.itemsWritten).toBeLessThanOrEqual(30 + 0.03 * before.items);
      // Computed again from every source (the model dropped): nothing is left to write.
      await expectSameFromEverySource(job);
    } finally {
      await job.close();
    }
  }, 120_000);

  it('applies a small change above 5,000 comments incrementally, to the model kept on the thread, and paces its runs', async () => {
    await publish(2070); // 5,160 with the earlier tests' 3,090
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources });
    const runs = () => t.logs.filter((line) => line.msg === 'themes recomputed' && line.scope === 'all');
    try {
      await job.recompute();
      const [added] = await publish(
        1,
        () => 'The car park is full again before eight and there is nowhere to park.',
      );
      await job.recompute();
      expect(runs().slice(-2)).toEqual([
        expect.objectContaining({ items: 5160, incremental: false }),
        expect.objectContaining({ items: 5161, incremental: true }),
      ]);
      expect(await lastRun()).toEqual({ item_count: 5161 });
      const member = await t.app.db
        .selectFrom('theme_item')
        .select('theme_id')
        .where('scope', '=', 'all')
        .where('item_id', '=', added!)
        .executeTakeFirst();
      expect(member?.theme_id).toBeDefined();

      // Above 5,000 comments the job paces itself: a change right after a run waits PACE × that run's
      // duration from its end, not the 1.5 s debounce. The two scopes' durations add up to less than the
      // run (the source read comes on top), and the next run ends after it starts: so without pacing this
      // gap would be about 1.5 s plus one run, with it at least PACE × the run.
      const ended = Date.now();
      const [all, pub] = t.logs.filter((line) => line.msg === 'themes recomputed').slice(-2) as Array<{
        ms: number;
      }>;
      const lasted = all!.ms + pub!.ms;
      await publish(1, () => 'The lift to the fourth floor has been out of order since Tuesday.');
      job.schedule();
      await job.idle();
      expect(runs().at(-1)).toMatchObject({ items: 5162 });
      expect(Date.now() - ended).toBeGreaterThanOrEqual(Math.max(DEBOUNCE_MS, PACE * lasted));

      // A steady stream of changes never lets the debounce settle: above 5,000 comments the runs then come
      // a minute apart (not 10 s). Without the longer wait, a run would start within the stream: at 10 s,
      // or at the pace after the last run, whichever is later; the stream lasts longer than both.
      const [last] = t.logs.filter((line) => line.msg === 'themes recomputed').slice(-1) as Array<{
        ms: number;
      }>;
      const stream = Math.max(12_000, PACE * last!.ms + 2_000);
      expect(stream).toBeLessThan(LARGE_MAX_WAIT_MS);
      const before = runs().length;
      for (const started = Date.now(); Date.now() - started < stream;) {
        job.schedule();
        await sleep(1000);
      }
      expect(runs().length).toBe(before);

      // A bigger change (10 % of the corpus) soon after a full run is still applied incrementally: at a
      // run a minute under a steady stream, every run would otherwise be a full one.
      await publish(520, (i) => `${corpus[i % corpus.length]!.text} (again ${i})`);
      await job.recompute();
      expect(runs().at(-1)).toMatchObject({ items: 5682, incremental: true });
    } finally {
      await job.close();
    }
    // The paced wait is 10 × a run: on a loaded machine, runs of a few seconds make it half a minute.
  }, 240_000);

  it('an incremental run writes only its change, and the snapshot stays whole: each theme’s rows add up to its size', async () => {
    const { count } = await t.app.db
      .selectFrom('suggestion')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count) < 5300) await publish(5300 - Number(count));
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources });
    const runs = () => t.logs.filter((line) => line.msg === 'themes recomputed' && line.scope === 'all');
    try {
      await job.recompute(['all']);
      expect(runs().at(-1)).toMatchObject({ incremental: false });
      // A change of each kind: new comments, one whose moderation changed, one withdrawn.
      const added = await publish(
        40,
        (i) => `The car park is full before eight again, nowhere to park (${i}).`,
      );
      const [changed, withdrawn] = (
        await t.app.db
          .selectFrom('theme_item')
          .select('item_id')
          .where('scope', '=', 'all')
          .where('source', '=', 'suggestion')
          .where('published', '=', true)
          .orderBy('item_id')
          .limit(2)
          .execute()
      ).map((row) => row.item_id);
      await t.app.db
        .updateTable('suggestion')
        .set({ moderation: 'pending' })
        .where('id', '=', changed!)
        .execute();
      await t.app.db
        .updateTable('suggestion')
        .set({ moderation: 'rejected' })
        .where('id', '=', withdrawn!)
        .execute();
      await job.recompute(['all']);
      const run = runs().at(-1) as {
        incremental: boolean;
        itemsWritten: number;
        itemsDeleted: number;
        itemsRead: number;
      };
      expect(run.incremental).toBe(true);
      // Found from digests hashed in SQL: only the new and the changed comments' text was read.
      expect(run.itemsRead).toBe(added.length + 1);
      // Only the change is written: the new comments and the changed one (if it is in a theme), no other row.
      expect(run.itemsWritten).toBeLessThanOrEqual(added.length + 1);
      expect(run.itemsWritten).toBeGreaterThan(0);
      expect(run.itemsDeleted).toBeGreaterThanOrEqual(1);
      expect(run.itemsDeleted).toBeLessThanOrEqual(2);

      const rows = await t.app.db
        .selectFrom('theme_item')
        .select(['item_id', 'theme_id', 'published', 'status'])
        .where('scope', '=', 'all')
        .execute();
      expect(rows.find((row) => row.item_id === withdrawn)).toBeUndefined();
      const again = rows.find((row) => row.item_id === changed);
      if (again) expect(again).toMatchObject({ published: false, status: 'pending' });
      expect(rows.filter((row) => added.includes(row.item_id)).length).toBeGreaterThan(0);
      // Whole: each theme's stored rows are its size, and rows plus unclustered are every comment.
      const themes = await t.app.db
        .selectFrom('theme')
        .select(['id', 'size'])
        .where('scope', '=', 'all')
        .where('retired', '=', false)
        .execute();
      const perTheme = new Map<string, number>();
      for (const row of rows) perTheme.set(row.theme_id, (perTheme.get(row.theme_id) ?? 0) + 1);
      expect(Object.fromEntries(perTheme)).toEqual(
        Object.fromEntries(themes.map((theme) => [theme.id, theme.size])),
      );
      const stored = await t.app.db
        .selectFrom('theme_run')
        .select(['item_count', 'unclustered'])
        .where('scope', '=', 'all')
        .executeTakeFirstOrThrow();
      expect(rows.length + stored.unclustered).toBe(stored.item_count);

      // A change of over a quarter of the corpus is a full computation — on the engine thread, from the
      // comments it holds plus the change (only the change crosses, only changed memberships come back).
      // Computed again from every source (the model dropped), starting from the snapshot it saved, it is
      // the same themes and nearly the same rows: the recompute clustered its 2,000 new comments among
      // themselves first, the full run cannot tell them from comments that were in no theme before, so a
      // few borderline comments land differently. How many varies from run to run (the comments' ids are
      // random, and so is the order the sweeps meet them in): 0–82 rows of 7,475 in ten runs of this test
      // alone (6 December), 3–103 of 8,010 measured before, and 260 of 8,010 (3.2 %) in one clean-clone CI
      // run, which a 3 % bound failed; so 5 %.
      await publish(
        Math.ceil(stored.item_count * 0.4),
        (i) => `${corpus[i % corpus.length]!.text} (later ${i})`,
      );
      await job.recompute(['all']);
      expect(runs().at(-1)).toMatchObject({ mode: 'recompute', incremental: false });
      await expectSameFromEverySource(job, 0.05);
    } finally {
      await job.close();
    }
  }, 240_000);
});
