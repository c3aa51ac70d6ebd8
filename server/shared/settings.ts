import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface Settings {
  /** k: no aggregate is shown for a group smaller than this. Never below 3. */
  minimumGroupSize: number;
  /** general-scope tokens each member may obtain per epoch. */
  generalBudget: number;
  epochDays: number;
  /** pre: items wait for a moderator; post: published at once, can be taken down. */
  moderationMode: 'pre' | 'post';
}

export const DEFAULT_SETTINGS: Settings = {
  minimumGroupSize: 5,
  generalBudget: 30,
  epochDays: 7,
  moderationMode: 'pre',
};

export async function getSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export async function updateSettings(db: Kysely<Database>, changes: Partial<Settings>): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      await trx
        .insertInto('setting')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
  });
  return getSettings(db);
}
