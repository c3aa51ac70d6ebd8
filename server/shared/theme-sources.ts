import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThemeSource } from '../../db/tables/themes.ts';

// The themes engine's source port. Every text the engine reads comes from the feature that owns it: each
// feature registers one reader at start (`app.themeSources.add(...)`), and themes/ imports no feature.

export interface SourceItem {
  id: string;
  source: ThemeSource;
  text: string;
  day: string;
  published: boolean;
  departmentId: string | null;
  status?: string;
  /**
   * The question the text answers, when it answers one (a pulse comment): its wording and the day that
   * asking opened. The moderators' themes chart one line per question, one point per asking.
   */
  prompt?: { text: string; askedOn: string } | null;
}

export type SourceReader = (db: Kysely<Database>) => Promise<SourceItem[]>;

export class ThemeSources {
  readonly #readers: SourceReader[] = [];

  /** Registers a feature's reader; readers are asked in registration order. */
  add(read: SourceReader): void {
    this.#readers.push(read);
  }

  /** Every registered feature's items that carry text. */
  async list(db: Kysely<Database>): Promise<SourceItem[]> {
    const lists = await Promise.all(this.#readers.map((read) => read(db)));
    return lists.flat().filter((item) => item.text.trim().length > 0);
  }
}
