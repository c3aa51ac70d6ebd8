import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThreadKind, ThreadSender } from '../../db/tables/suggestions.ts';
import { badRequest, HttpError } from '../errors.ts';
import type { Secrets } from '../plugins/secrets.ts';
import { newReceipt, normaliseReceipt } from '../../common/receipts.ts';

export { newReceipt, normaliseReceipt };

// Receipts and the two-way threads behind them, shared by suggestions and kudos.
// A receipt is 128 random bits written in Crockford base32 (no I, L, O, U: easy to read back and type),
// grouped for humans. Only its keyed hash is stored, so a stolen table cannot be turned back into receipts.

/** How many messages one thread may hold: a receipt holder cannot grow a thread without bound. */
export const THREAD_LIMIT = 200;

export interface ThreadMessage {
  from: ThreadSender;
  body: string;
  day: string;
}

export const today = () => new Date().toISOString().slice(0, 10);

const receiptHash = (secrets: Secrets, canonical: string) => secrets.hmac('receipt', canonical);

/**
 * Stores the receipt for a new item inside the caller's transaction and returns it. `given` is one the
 * author's browser made (checked with normaliseReceipt before the transaction); else one is made here.
 */
export async function createReceipt(
  trx: Kysely<Database>,
  secrets: Secrets,
  item: { kind: ThreadKind; itemId: string },
  given?: string,
): Promise<string> {
  const receipt = given ?? newReceipt();
  try {
    await trx
      .insertInto('thread_receipt')
      .values({
        receipt_hash: receiptHash(secrets, normaliseReceipt(receipt)!),
        kind: item.kind,
        item_id: item.itemId,
      })
      .execute();
  } catch (error) {
    // 128 random bits never collide by chance: this receipt was sent before. The transaction rolls back.
    if ((error as { code?: string }).code === '23505')
      throw new HttpError(
        409,
        'receipt_taken',
        'This receipt is already in use. Make a new one and send again.',
      );
    throw error;
  }
  return receipt;
}

/** Checks a receipt the author's browser made, before any transaction opens: 400 invalid_receipt. */
export function receiptFromClient(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  if (!normaliseReceipt(input))
    throw badRequest('invalid_receipt', 'A receipt is 26 Crockford base32 symbols (128 random bits).');
  return input;
}

/** The item a receipt opens, or null (unknown or malformed receipts are indistinguishable). */
export async function findReceipt(
  db: Kysely<Database>,
  secrets: Secrets,
  receipt: string,
): Promise<{ kind: ThreadKind; itemId: string } | null> {
  const canonical = normaliseReceipt(receipt);
  if (!canonical) return null;
  const row = await db
    .selectFrom('thread_receipt')
    .select(['kind', 'item_id as itemId'])
    .where('receipt_hash', '=', receiptHash(secrets, canonical))
    .executeTakeFirst();
  return row ?? null;
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
