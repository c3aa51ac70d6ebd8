import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThemeSource } from '../../db/tables/themes.ts';
import { listThemeSourceItems as focusGroupItems } from '../focus-groups/queries.ts';
import { listThemeSourceItems as kudosItems } from '../kudos/queries.ts';
import { listThemeSourceItems as pulseItems } from '../pulses/queries.ts';
import { listThemeSourceItems as suggestionItems } from '../suggestions/queries.ts';

// Every text the themes engine reads comes from the feature that owns it, through the one function
// each feature exports for this purpose. Themes never query another feature's tables.

export interface SourceItem {
  id: string;
  source: ThemeSource;
  text: string;
  day: string;
  published: boolean;
  departmentId: string | null;
  status?: string;
}

type Reader = (db: Kysely<Database>) => Promise<SourceItem[]>;

const READERS: Reader[] = [suggestionItems, kudosItems, pulseItems, focusGroupItems];

export async function listSourceItems(db: Kysely<Database>): Promise<SourceItem[]> {
  const lists = await Promise.all(READERS.map((read) => read(db)));
  return lists.flat().filter((item) => item.text.trim().length > 0);
}
