import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThreadKind, ThreadSender } from '../../db/tables/suggestions.ts';
import type { Secrets } from '../plugins/secrets.ts';

// Receipts and the two-way threads behind them, shared by suggestions and kudos.
// A receipt is 128 random bits written in Crockford base32 (no I, L, O, U: easy to read back and type),
// grouped for humans. Only its keyed hash is stored, so a stolen table cannot be turned back into receipts.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECEIPT_LENGTH = 26; // ceil(128 / 5)
/** How many messages one thread may hold: a receipt holder cannot grow a thread without bound. */
export const THREAD_LIMIT = 200;

export interface ThreadMessage {
  from: ThreadSender;
  body: string;
  day: string;
}

export const today = () => new Date().toISOString().slice(0, 10);

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** `XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`: 26 symbols carrying 128 random bits. */
export function newReceipt(): string {
  const symbols = encode(randomBytes(16));
  return [0, 5, 10, 15, 20]
    .map((start, i) => symbols.slice(start, i === 4 ? undefined : start + 5))
    .join('-');
}

/**
 * The canonical form that is hashed: upper case, separators dropped, and the look-alikes people
 * type by mistake mapped as Crockford decoding does (O→0, I/L→1). null when it cannot be a receipt.
 */
export function normaliseReceipt(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== RECEIPT_LENGTH) return null;
  for (const symbol of symbols) if (!ALPHABET.includes(symbol)) return null;
  return symbols;
}

const receiptHash = (secrets: Secrets, canonical: string) => secrets.hmac('receipt', canonical);

/** Creates the receipt for a new item inside the caller's transaction; returns it (shown to the author once). */
export async function createReceipt(
  trx: Kysely<Database>,
  secrets: Secrets,
  item: { kind: ThreadKind; itemId: string },
): Promise<string> {
  const receipt = newReceipt();
  await trx
    .insertInto('thread_receipt')
    .values({
      receipt_hash: receiptHash(secrets, normaliseReceipt(receipt)!),
      kind: item.kind,
      item_id: item.itemId,
    })
    .execute();
  return receipt;
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
