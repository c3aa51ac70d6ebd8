import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The kudos-story port: another feature that collects a thank-you (a handoff rating's kudos alert) hands it
// to the kudos feature, which owns the kudos table and its moderation queue, inside its own transaction.
// The kudos feature provides the writer at start (`app.kudosStories.provide(...)`); nobody else writes kudos.

export interface NewKudosStory {
  departmentId: string;
  story: string;
  moderation: 'pending' | 'published';
  piiFlags: string[];
  /** Seeding only. */
  day?: string;
  reviewed?: boolean;
}

/** Inserts the story in `trx` (the caller's transaction) and answers its id. */
export type KudosStoryWriter = (trx: Kysely<Database>, story: NewKudosStory) => Promise<string>;

export class KudosStories {
  #writer: KudosStoryWriter | null = null;

  provide(writer: KudosStoryWriter): void {
    this.#writer = writer;
  }

  /** A new story in the kudos queue, written in the caller's transaction (it commits with the caller's write). */
  async create(trx: Kysely<Database>, story: NewKudosStory): Promise<string> {
    if (!this.#writer) throw new Error('no kudos feature registered to take kudos stories');
    return this.#writer(trx, story);
  }
}
