import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ThemesJob, themesJob } from '../../server/themes/job.ts';
import { saveSnapshot, StaleCopyError } from '../../server/themes/queries.ts';
import { build } from '../helpers/build.ts';
import { ThemeSources } from '../../server/shared/theme-sources.ts';
import { CountingSources, suggestFromCorpus } from './sources.ts';

// The employees' snapshot is computed on the engine thread from the published part of the moderators'
// model: its run reads the text of only what changed since the moderators' run, and its rows take their
// text in SQL from the moderators' rows. What changed since — a comment hidden, a comment redacted — must
// still reach it as it is now: a row copied from the moderators' snapshot would otherwise carry the old text.

// This file's own jobs write the snapshots: the app's leased job must not run on a slot between them (at
// the hour it did, and a run saved the scope with its own model between two runs a test compared).
const t = build({ JOB_TICK_MS: '600000' });

/** The employees' snapshot: each row with its suggestion's current text and moderation. */
const publicRows = async () =>
  (
    await sql<{ item_id: string; text: string; now: string; moderation: string; published: boolean }>`
      select i.item_id, i.text, s.text as now, s.moderation, i.published
      from theme_item i join suggestion s on s.id::text = i.item_id
      where i.scope = 'public'`.execute(t.app.db)
  ).rows;

describe('the employees’ snapshot, from the moderators’ model', () => {
  it('reads only what changed since the moderators’ run, and holds every comment as it is now', async () => {
    await themesJob(t.app).idle();
    const published = await suggestFromCorpus(t.app.db, { count: 400 });
    await suggestFromCorpus(t.app.db, { count: 60, from: 400, moderation: 'pending' });
    const sources = new CountingSources(t.app.themeSources);
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources });
    try {
      await job.recompute(['all', 'public']);
      await job.recompute(['all']);
      const before = new Map((await publicRows()).map((row) => [row.item_id, row.text]));
      expect(before.size).toBeGreaterThan(100);

      // Since the moderators' last run: 30 new published comments, 5 hidden, 4 redacted, 20 published.
      const added = await suggestFromCorpus(t.app.db, { count: 30, from: 460 });
      const inPublic = published.filter((id) => before.has(id));
      const hidden = inPublic.slice(0, 5);
      const redacted = inPublic.slice(5, 9);
      await t.app.db
        .updateTable('suggestion')
        .set({ moderation: 'rejected' })
        .where('id', 'in', hidden)
        .execute();
      await t.app.db
        .updateTable('suggestion')
        .set({ text: sql`text || ' [redacted]'` })
        .where('id', 'in', redacted)
        .execute();
      const pending = await t.app.db
        .selectFrom('suggestion')
        .select('id')
        .where('moderation', '=', 'pending')
        .limit(20)
        .execute();
      await t.app.db
        .updateTable('suggestion')
        .set({ moderation: 'published' })
        .where(
          'id',
          'in',
          pending.map((row) => row.id),
        )
        .execute();

      sources.texts = [];
      await job.recompute(['public']);
      const read = new Set(sources.texts.map((item) => item.id));
      // From the sources: every published comment's text (445 of them) crossed to the server's thread.
      expect(read.size).toBeLessThanOrEqual(30 + 4 + 20);
      for (const id of [...added, ...redacted]) expect(read.has(id)).toBe(true);

      const rows = await publicRows();
      expect(rows.length).toBeGreaterThan(100);
      // Every row holds its comment as it is now, and only published ones.
      expect(rows.filter((row) => row.text !== row.now)).toEqual([]);
      expect(rows.filter((row) => row.moderation !== 'published' || !row.published)).toEqual([]);
      expect(rows.filter((row) => hidden.includes(row.item_id))).toEqual([]);
      for (const row of rows.filter((row) => redacted.includes(row.item_id)))
        expect(row.text).toMatch(/\[redacted\]$/);
      const run = await t.app.db
        .selectFrom('theme_run')
        .select('item_count')
        .where('scope', '=', 'public')
        .executeTakeFirstOrThrow();
      expect(run.item_count).toBe(400 - 5 + 30 + 20);
    } finally {
      await job.close();
    }
  });

  it('never copies a moderators’ row another node saved since: a redacted phone number stays out', async () => {
    await themesJob(t.app).idle();
    await suggestFromCorpus(t.app.db, { count: 300, from: 1000 });
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources });
    const other = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources });
    try {
      await job.recompute(['all']);
      const victims = (
        await sql<{
          item_id: string;
        }>`select item_id from theme_item where scope = 'all' and published limit 10`.execute(t.app.db)
      ).rows.map((row) => row.item_id);
      // Someone adds a phone number; another node saves the moderators' snapshot with it; a moderator
      // redacts it again. The text (and its hash) is what this node saved, but the moderators' rows hold
      // the phone number until their next save.
      const original = await t.app.db
        .selectFrom('suggestion')
        .select(['id', 'text'])
        .where('id', 'in', victims)
        .execute();
      await t.app.db
        .updateTable('suggestion')
        .set({ text: sql`text || ' call me on 0151 555 0100'` })
        .where('id', 'in', victims)
        .execute();
      await other.recompute(['all']);
      const leaked = await sql<{ n: number }>`select count(*)::int as n from theme_item
        where scope = 'all' and text like '%555 0100'`.execute(t.app.db);
      expect(leaked.rows[0]!.n).toBeGreaterThan(0);
      for (const { id, text } of original)
        await t.app.db.updateTable('suggestion').set({ text }).where('id', '=', id).execute();

      await job.recompute(['public']);
      const rows = await publicRows();
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.filter((row) => row.text.includes('555 0100'))).toEqual([]);
      expect(rows.filter((row) => row.text !== row.now)).toEqual([]);
    } finally {
      await other.close();
      await job.close();
    }
  });

  it('copies in SQL the text the moderators’ run already read, edited since the last employees’ run', async () => {
    await themesJob(t.app).idle();
    await suggestFromCorpus(t.app.db, { count: 300, from: 2000 });
    const sources = new CountingSources(t.app.themeSources);
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources });
    try {
      await job.recompute(['all', 'public']);
      // Comments in a theme of both snapshots (the moderators' rows are what the copy reads).
      const edited = (
        await sql<{ item_id: string }>`select p.item_id from theme_item p
          join theme_item a on a.scope = 'all' and a.item_id = p.item_id
          where p.scope = 'public' limit 6`.execute(t.app.db)
      ).rows.map((row) => row.item_id);
      await t.app.db
        .updateTable('suggestion')
        .set({ text: sql`text || ' (edited)'` })
        .where('id', 'in', edited)
        .execute();
      await job.recompute(['all']);
      sources.texts = [];
      await job.recompute(['public']);
      const read = new Set(sources.texts.map((item) => item.id));
      const rows = await publicRows();
      const still = rows.filter((row) => edited.includes(row.item_id));
      // Their rows were there with the old text: written again, from the moderators' rows, not the sources.
      expect(still.length).toBeGreaterThan(0);
      for (const row of still) {
        expect(read.has(row.item_id)).toBe(false);
        expect(row.text).toMatch(/\(edited\)$/);
      }
      expect(rows.filter((row) => row.text !== row.now)).toEqual([]);
      const run = t.logs.filter((line) => line.msg === 'themes recomputed' && line.scope === 'public').at(-1);
      expect(run).toMatchObject({ mode: 'derive', itemsRead: 0 });
      expect((run as { itemsCopied: number }).itemsCopied).toBeGreaterThanOrEqual(still.length);
    } finally {
      await job.close();
    }
  });

  it('a moderators’ run that fails halfway leaves nothing the employees’ snapshot builds on', async () => {
    await themesJob(t.app).idle();
    await suggestFromCorpus(t.app.db, { count: 300, from: 3000 });
    const sources = new FailingSources(t.app.themeSources);
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources });
    try {
      await job.recompute(['all', 'public']);
      // A new comment reaches the engine thread, then the run fails (its rows' text could not be read).
      const [late] = await suggestFromCorpus(t.app.db, {
        count: 1,
        from: 3400,
        text: () => 'The night bus timetable changed and nobody told the late shift (secret).',
      });
      sources.failOnRead = 2;
      sources.texts = [];
      await expect(job.recompute(['all'])).rejects.toThrow(/read failed/);
      // The engine thread took it in before the run failed.
      expect(sources.texts.map((item) => item.id)).toContain(late);
      // A moderator rejects it. The next runs must not theme it for employees from what the thread held.
      await t.app.db
        .updateTable('suggestion')
        .set({ moderation: 'rejected' })
        .where('id', '=', late!)
        .execute();
      await job.recompute(['all']);
      await job.recompute(['public']);
      // Derived from the moderators' model, which the failed run did not leave stale (no fallback needed).
      const run0 = t.logs
        .filter((line) => line.msg === 'themes recomputed' && line.scope === 'public')
        .at(-1);
      expect(run0).toMatchObject({ mode: 'derive' });
      expect(t.logs.filter((line) => String(line.msg).includes('derived corpus differs'))).toEqual([]);
      const themes = await t.app.db
        .selectFrom('theme')
        .leftJoin('theme_item', (join) =>
          join.onRef('theme_item.theme_id', '=', 'theme.id').on('theme_item.scope', '=', 'public'),
        )
        .select(['theme.size', 'theme.quotes', (eb) => eb.fn.count<string>('theme_item.item_id').as('rows')])
        .where('theme.scope', '=', 'public')
        .where('theme.retired', '=', false)
        .groupBy(['theme.id', 'theme.size', 'theme.quotes'])
        .execute();
      expect(themes.length).toBeGreaterThan(3);
      // Each theme's size is its rows: a comment themed from the thread's stale copy has no row.
      for (const theme of themes) expect(Number(theme.rows)).toBe(theme.size);
      expect(JSON.stringify(themes.map((theme) => theme.quotes))).not.toContain('(secret)');
      const run = await t.app.db
        .selectFrom('theme_run')
        .select('item_count')
        .where('scope', '=', 'public')
        .executeTakeFirstOrThrow();
      expect(run.item_count).toBe((await publicRows()).length + (await unclusteredPublic()));
    } finally {
      await job.close();
    }
  });
});

describe('copying a row from the moderators’ snapshot', () => {
  it('fails the save, writing nothing, when that row is not the one named or not published', async () => {
    await themesJob(t.app).idle();
    await suggestFromCorpus(t.app.db, { count: 200, from: 4000 });
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources });
    try {
      await job.recompute(['all', 'public']);
    } finally {
      await job.close();
    }
    const [row] = (
      await sql<{ item_id: string; theme_id: string; fingerprint: string }>`
        select item_id, theme_id, fingerprint from theme_item where scope = 'all' and published limit 1`.execute(
        t.app.db,
      )
    ).rows;
    const stored = async () => ({
      run: await t.app.db
        .selectFrom('theme_run')
        .select(['computed_at', 'item_count'])
        .where('scope', '=', 'public')
        .executeTakeFirstOrThrow(),
      themes: await t.app.db
        .selectFrom('theme')
        .select(['id', 'retired', 'fingerprint'])
        .where('scope', '=', 'public')
        .orderBy('id')
        .execute(),
      rows: (
        await sql<{ n: number }>`select count(*)::int as n from theme_item where scope = 'public'`.execute(
          t.app.db,
        )
      ).rows[0]!.n,
    });
    const before = await stored();
    expect(before.themes.filter((theme) => !theme.retired).length).toBeGreaterThan(0);
    const copy = (fromFingerprint: string) => ({
      itemId: row!.item_id,
      themeId: row!.theme_id,
      source: 'suggestion' as const,
      hash: 'h',
      sentiment: 0,
      centrality: 1,
      fromScope: 'all' as const,
      fromFingerprint,
    });
    const save = (fromFingerprint: string) =>
      saveSnapshot(
        t.app.db,
        {
          scope: 'public',
          asOf: '2026-12-01',
          firstDay: null,
          themes: [],
          items: [],
          itemCount: 1,
          unclustered: 0,
          durationMs: 1,
          incremental: false,
        },
        { copied: [copy(fromFingerprint)] },
      );
    await expect(save('not-that-row')).rejects.toBeInstanceOf(StaleCopyError);
    await t.app.db
      .updateTable('theme_item')
      .set({ published: false })
      .where('scope', '=', 'all')
      .where('item_id', '=', row!.item_id)
      .execute();
    await expect(save(row!.fingerprint)).rejects.toBeInstanceOf(StaleCopyError);
    // Nothing of either save landed (it would have retired every theme): the employees' snapshot is as before.
    expect(await stored()).toEqual(before);
  });
});

describe('a correction made while a run is under way', () => {
  it('still makes the next run compute in full', async () => {
    await themesJob(t.app).idle();
    await suggestFromCorpus(t.app.db, { count: 200, from: 5000 });
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources: t.app.themeSources });
    const modes = () =>
      t.logs
        .filter((line) => line.msg === 'themes recomputed' && line.scope === 'all')
        .map((line) => line.mode);
    try {
      await job.recompute(['all']);
      const during = job.recompute(['all']);
      job.forgetModels(); // what a moderator's correction does (routes.ts)
      await during;
      await suggestFromCorpus(t.app.db, { count: 10, from: 5200 });
      await job.recompute(['all']);
      // Recorded at the end of the run under way, the model it forgot was built on again ('recompute').
      expect(modes().slice(-3)).toEqual(['full', 'recompute', 'full']);
    } finally {
      await job.close();
    }
  });
});

/** The app's theme sources, failing the n-th read from now (`failOnRead`). */
class FailingSources extends CountingSources {
  failOnRead = 0;
  override async read(db: Parameters<ThemeSources['read']>[0], items?: Parameters<ThemeSources['read']>[1]) {
    if (this.failOnRead > 0 && --this.failOnRead === 0) throw new Error('read failed');
    return super.read(db, items);
  }
}

const unclusteredPublic = async () =>
  (
    await t.app.db
      .selectFrom('theme_run')
      .select('unclustered')
      .where('scope', '=', 'public')
      .executeTakeFirstOrThrow()
  ).unclustered;
