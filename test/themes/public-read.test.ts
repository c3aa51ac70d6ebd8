import { describe, expect, it } from 'vitest';
import { ThemesJob, themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { CountingSources, suggestFromCorpus } from './sources.ts';

// This file's own jobs write the snapshots: the app's leased job must not run on a slot between them (at
// the hour it did, and a run saved the scope with its own model between two runs a test compared).
const t = build({ JOB_TICK_MS: '600000' });

describe('the public snapshot’s run', () => {
  it('reads the text of the published comments only, not of everything waiting for moderation', async () => {
    await themesJob(t.app).idle();
    await suggestFromCorpus(t.app.db, { count: 120 });
    await suggestFromCorpus(t.app.db, { count: 400, from: 120, moderation: 'pending' });
    const sources = new CountingSources(t.app.themeSources);
    const job = new ThemesJob({ db: t.app.db, log: t.app.log, sources });
    try {
      await job.recompute(['public']);
      const published = sources.texts.filter((item) => item.published).length;
      expect(published).toBeGreaterThanOrEqual(120);
      // Read whole, the 400 pending suggestions' text crossed to the server's thread to be thrown away.
      expect(sources.texts.filter((item) => !item.published)).toEqual([]);
      const run = await t.app.db
        .selectFrom('theme_run')
        .select('item_count')
        .where('scope', '=', 'public')
        .executeTakeFirstOrThrow();
      expect(run.item_count).toBe(published);

      // The moderators' snapshot still reads (and themes) every comment.
      sources.texts = [];
      await job.recompute(['all']);
      expect(sources.texts.filter((item) => !item.published).length).toBeGreaterThanOrEqual(400);
    } finally {
      await job.close();
    }
  });
});
