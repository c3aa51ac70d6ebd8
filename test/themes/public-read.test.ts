import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { ThemeSources, type SourceItem } from '../../server/shared/theme-sources.ts';
import { ThemesJob, themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { corpusItems } from './corpus.ts';

const t = build();
const corpus = corpusItems();

/** The app's theme sources, counting every comment whose text they hand over. */
class CountingSources extends ThemeSources {
  texts: SourceItem[] = [];
  constructor(private readonly inner: ThemeSources) {
    super();
  }
  override digest(db: Kysely<Database>) {
    return this.inner.digest(db);
  }
  override async read(db: Kysely<Database>, items?: Parameters<ThemeSources['read']>[1]) {
    const read = await this.inner.read(db, items);
    this.texts.push(...read);
    return read;
  }
}

async function suggest(count: number, moderation: 'published' | 'pending', from: number) {
  await t.app.db.transaction().execute(async (trx) => {
    for (let i = from; i < from + count; i++)
      await insertSuggestion(trx, {
        text: `${corpus[i % corpus.length]!.text} (${i})`,
        concernsDepartmentId: null,
        ownDepartmentId: null,
        moderation,
        reviewed: moderation === 'published',
        piiFlags: [],
        day: corpus[i % corpus.length]!.day,
      });
  });
}

describe('the public snapshot’s run', () => {
  it('reads the text of the published comments only, not of everything waiting for moderation', async () => {
    await themesJob(t.app).idle();
    await suggest(120, 'published', 0);
    await suggest(400, 'pending', 120);
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
