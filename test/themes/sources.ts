import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { ThemeSources, type SourceItem } from '../../server/shared/theme-sources.ts';
import { corpusItems } from './corpus.ts';

// What the themes job tests share: suggestions drawn from the labelled corpus, and theme sources that
// count the text they hand over.

const corpus = corpusItems();

/**
 * Inserts `count` suggestions drawn from the labelled corpus, the i-th from item `from + i` (numbered, so
 * no two are the same text), with that item's day; answers their ids.
 */
export async function suggestFromCorpus(
  db: Kysely<Database>,
  {
    count,
    from = 0,
    moderation = 'published',
    text = (i: number) => `${corpus[i % corpus.length]!.text} (${i})`,
  }: {
    count: number;
    from?: number;
    moderation?: 'published' | 'pending';
    text?: (i: number) => string;
  },
): Promise<string[]> {
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = from; i < from + count; i++)
      ids.push(
        await insertSuggestion(trx, {
          text: text(i),
          concernsDepartmentId: null,
          ownDepartmentId: null,
          moderation,
          reviewed: moderation === 'published',
          piiFlags: [],
          day: corpus[i % corpus.length]!.day,
        }),
      );
  });
  return ids;
}

/** The app's theme sources, keeping every comment whose text they hand over. */
export class CountingSources extends ThemeSources {
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
