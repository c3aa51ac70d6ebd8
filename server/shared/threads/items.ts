import type { Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ThreadKind } from '../../../db/tables/suggestions.ts';
import type { ThreadItem } from '../../../common/api/threads.ts';

// The thread routes' item port: a receipt opens an item of some kind, and the feature that owns that kind
// registers how to show it (`app.threadItems.add(kind, find)`). The thread routes import no feature.

export type ThreadItemView = Static<typeof ThreadItem>;
export type FindThreadItem = (db: Kysely<Database>, id: string) => Promise<ThreadItemView | null>;

export class ThreadItems {
  readonly #finders = new Map<ThreadKind, FindThreadItem>();

  add(kind: ThreadKind, find: FindThreadItem): void {
    if (this.#finders.has(kind)) throw new Error(`thread items of kind ${kind} are registered twice`);
    this.#finders.set(kind, find);
  }

  /** The item a thread belongs to, or null (no such item, or no feature serves that kind). */
  async find(db: Kysely<Database>, kind: ThreadKind, id: string): Promise<ThreadItemView | null> {
    const find = this.#finders.get(kind);
    return find ? find(db, id) : null;
  }
}
