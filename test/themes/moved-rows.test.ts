import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ThemesJob, themesJob } from '../../server/themes/job.ts';
import { saveSnapshot, StaleSnapshotError } from '../../server/themes/queries.ts';
import { build } from '../helpers/build.ts';
import { CountingSources, suggestFromCorpus } from './sources.ts';

// A recompute regroups comments that did not change themselves: their rows are moved in place (theme and
// scores), their text neither read from the sources again nor written again.

// This file's own jobs write the snapshots: the app's leased job must not run on a slot between them (at
// the hour it did, and a run saved the scope with its own model between two runs a test compared).
const t = build({ JOB_TICK_MS: '600000' });

/** The moderators' snapshot: each row's theme, and whether its text is its suggestion's. */
const stored = async () =>
  (
    await sql<{ item_id: string; theme_id: string; same: boolean }>`
      select i.item_id, i.theme_id, i.text = s.text as same
      from theme_item i join suggestion s on s.id::text = i.item_id
      where i.scope = 'all'`.execute(t.app.db)
  ).rows;

describe('a recompute that regroups comments', () => {
  it('moves their rows in place without reading their text, and every row still holds its comment', async () => {
    await themesJob(t.app).idle();
    await suggestFromCorpus(t.app.db, { count: 300 });
    const sources = new CountingSources(t.app.themeSources);
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources });
    try {
      await job.recompute(['all']);
      const before = new Map((await stored()).map((row) => [row.item_id, row.theme_id]));

      await suggestFromCorpus(t.app.db, { count: 300, from: 300 });
      sources.texts = [];
      await job.recompute(['all']);
      const after = await stored();
      const moved = after.filter(
        (row) => before.has(row.item_id) && before.get(row.item_id) !== row.theme_id,
      );
      // The new comments regrouped some of the old ones (else this test proves nothing).
      expect(moved.length).toBeGreaterThan(5);
      const read = new Set(sources.texts.map((item) => item.id));
      // Before: every regrouped comment was read in full, to be written again with the same text.
      expect(moved.filter((row) => read.has(row.item_id))).toEqual([]);
      expect(after.filter((row) => !row.same)).toEqual([]);

      // Each theme's size is the number of rows that name it.
      const themes = await t.app.db
        .selectFrom('theme')
        .leftJoin('theme_item', (join) =>
          join.onRef('theme_item.theme_id', '=', 'theme.id').on('theme_item.scope', '=', 'all'),
        )
        .select(['theme.size', (eb) => eb.fn.count<string>('theme_item.item_id').as('rows')])
        .where('theme.scope', '=', 'all')
        .where('theme.retired', '=', false)
        .groupBy(['theme.id', 'theme.size'])
        .execute();
      expect(themes.length).toBeGreaterThan(3);
      for (const theme of themes) expect(Number(theme.rows)).toBe(theme.size);
    } finally {
      await job.close();
    }
  });

  it('a move naming a row that is not stored fails the whole save: the caller compares in full', async () => {
    await themesJob(t.app).idle();
    const run = await t.app.db
      .selectFrom('theme_run')
      .select('computed_at')
      .where('scope', '=', 'all')
      .executeTakeFirstOrThrow();
    const [row] = await stored();
    const themesBefore = await t.app.db
      .selectFrom('theme')
      .select(['id', 'label'])
      .where('scope', '=', 'all')
      .execute();
    const save = saveSnapshot(
      t.app.db,
      {
        scope: 'all',
        asOf: '2025-03-31',
        firstDay: null,
        themes: [],
        items: [],
        itemCount: 0,
        unclustered: 0,
        durationMs: 0,
        incremental: true,
      },
      {
        delta: {
          since: new Date(run.computed_at),
          removed: [],
          moved: [
            {
              itemId: row!.item_id,
              themeId: row!.theme_id,
              source: 'suggestion',
              hash: 'h',
              sentiment: 0,
              centrality: 1,
            },
            {
              itemId: 'never-stored',
              themeId: row!.theme_id,
              source: 'suggestion',
              hash: 'h',
              sentiment: 0,
              centrality: 1,
            },
          ],
        },
      },
    );
    await expect(save).rejects.toBeInstanceOf(StaleSnapshotError);
    // Nothing of it was written: not the themes' retirement, not the one row that exists.
    expect(
      await t.app.db.selectFrom('theme').select(['id', 'label']).where('scope', '=', 'all').execute(),
    ).toEqual(themesBefore);
    expect((await stored()).find((other) => other.item_id === row!.item_id)).toEqual(row);
  });
});
