import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThemeSource } from '../../db/tables/themes.ts';

// The themes engine's source port. Every text the engine reads comes from the feature that owns it: each
// feature registers one reader at start (`app.themeSources.add(...)`), and themes/ imports no feature.
//
// A reader answers two questions. `digest`: every item that carries text, without the text — its id, its
// day, whether it is published, and a hash computed in SQL over everything its SourceItem is built from.
// `read`: items in full (every one, or those with the given ids). The themes job compares digests with what
// the engine last computed from and reads the text only of what changed, so an unchanged corpus never
// leaves Postgres on a routine run.

export interface SourceDigest {
  id: string;
  source: ThemeSource;
  /** md5 (computed in SQL) of every column the item is built from: a changed hash is a changed item. */
  hash: string;
  day: string;
  published: boolean;
}

export interface SourceItem extends SourceDigest {
  text: string;
  departmentId: string | null;
  status?: string;
  /**
   * The question the text answers, when it answers one (a pulse comment): its wording and the day that
   * asking opened. The moderators' themes chart one line per question, one point per asking.
   */
  prompt?: { text: string; askedOn: string } | null;
}

export interface SourceReader {
  source: ThemeSource;
  /** Every item that carries text, as a digest. */
  digest(db: Kysely<Database>): Promise<SourceDigest[]>;
  /** Items in full: every one, or those of `ids` it still has (at most READ_BATCH ids a call). */
  read(db: Kysely<Database>, ids?: readonly string[]): Promise<SourceItem[]>;
  /**
   * Ids of the items a moderator has yet to look at (the feature's moderation queue: held back under
   * pre-moderation, published unreviewed under post-moderation). Absent where nothing is reviewed.
   */
  awaiting?(db: Kysely<Database>): Promise<string[]>;
}

/** A condition for readers: the column holds some text (not only whitespace). */
export const hasText = (column: string) => sql<boolean>`${sql.ref(column)} ~ '\\S'`;

/** Ids per `read` call (each is one `in (…)` list on the reader's primary key). */
export const READ_BATCH = 1000;

export class ThemeSources {
  readonly #readers = new Map<ThemeSource, SourceReader>();

  /** Registers a feature's reader; readers are asked in registration order. */
  add(reader: SourceReader): void {
    if (this.#readers.has(reader.source))
      throw new Error(`a ${reader.source} theme source is already registered`);
    this.#readers.set(reader.source, reader);
  }

  /**
   * What waits for a moderator, per source (read live, so the moderators' themes count it down as they
   * work rather than at the next recompute).
   */
  async awaiting(db: Kysely<Database>): Promise<Map<ThemeSource, Set<string>>> {
    const readers = [...this.#readers.values()].filter((reader) => reader.awaiting);
    const lists = await Promise.all(readers.map((reader) => reader.awaiting!(db)));
    return new Map(readers.map((reader, i) => [reader.source, new Set(lists[i])]));
  }

  /** Every registered feature's items that carry text, without their text. */
  async digest(db: Kysely<Database>): Promise<SourceDigest[]> {
    const lists = await Promise.all([...this.#readers.values()].map((reader) => reader.digest(db)));
    return lists.flat();
  }

  /**
   * Every item in full, or those of `items` still there: each asked of the feature it came from, or of
   * every feature when its source is not known.
   */
  async read(
    db: Kysely<Database>,
    items?: readonly { id: string; source?: ThemeSource }[],
  ): Promise<SourceItem[]> {
    const readers = [...this.#readers.values()];
    if (!items) return (await Promise.all(readers.map((reader) => reader.read(db)))).flat();
    const ids = new Map<SourceReader, string[]>(readers.map((reader) => [reader, []]));
    for (const item of items)
      for (const reader of item.source ? [this.#readers.get(item.source)] : readers)
        if (reader) ids.get(reader)!.push(item.id);
    const found: SourceItem[] = [];
    for (const [reader, list] of ids)
      for (let start = 0; start < list.length; start += READ_BATCH)
        found.push(...(await reader.read(db, list.slice(start, start + READ_BATCH))));
    return found;
  }
}
