import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ThemesJob, themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { CountingSources, suggestFromCorpus } from './sources.ts';

// The employees' snapshot is computed on the engine thread from the published part of the moderators'
// model: its run reads the text of only what changed since the moderators' run, and its rows take their
// text in SQL from the moderators' rows. What changed since — a comment hidden, a comment redacted — must
// still reach it as it is now: a row copied from the moderators' snapshot would otherwise carry the old text.

const t = build();

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
      // From the sources: every published comment's text (455 of them) crossed to the server's thread.
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
        await sql<{ item_id: string }>`select item_id from theme_item where scope = 'all' limit 10`.execute(
          t.app.db,
        )
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
});
