import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ThreadKind, ThreadSender } from '../../../db/tables/suggestions.ts';
import { today } from '../days.ts';

// The two-way thread behind a receipt: moderators and the anonymous author, in order, with days only.

/** How many messages one thread may hold: a receipt holder cannot grow a thread without bound. */
export const THREAD_LIMIT = 200;

export interface ThreadMessage {
  from: ThreadSender;
  body: string;
  day: string;
}

export class ThreadFullError extends Error {}

/**
 * Appends a message to a thread. The per-thread position is taken under a transaction-scoped advisory
 * lock so two replies at once cannot collide; ids stay random and only the day is kept.
 */
export async function addThreadMessage(
  trx: Kysely<Database>,
  message: {
    kind: ThreadKind;
    itemId: string;
    from: ThreadSender;
    body: string;
    /** seeding only */ day?: string;
  },
): Promise<ThreadMessage> {
  const lockKey = `thread:${message.kind}:${message.itemId}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`.execute(trx);
  const { last, count } = await trx
    .selectFrom('thread_message')
    .select((eb) => [eb.fn.max('seq').as('last'), eb.fn.countAll<number>().as('count')])
    .where('kind', '=', message.kind)
    .where('item_id', '=', message.itemId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= THREAD_LIMIT)
    throw new ThreadFullError('This conversation has reached its length limit.');
  const row = await trx
    .insertInto('thread_message')
    .values({
      kind: message.kind,
      item_id: message.itemId,
      seq: Number(last ?? 0) + 1,
      sender: message.from,
      body: message.body,
      day: message.day ?? today(),
    })
    .returning(['sender as from', 'body', 'day'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function listThreadMessages(
  db: Kysely<Database>,
  thread: { kind: ThreadKind; itemId: string },
): Promise<ThreadMessage[]> {
  return db
    .selectFrom('thread_message')
    .select(['sender as from', 'body', 'day'])
    .where('kind', '=', thread.kind)
    .where('item_id', '=', thread.itemId)
    .orderBy('seq')
    .execute();
}
