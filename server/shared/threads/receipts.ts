import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ThreadKind } from '../../../db/tables/suggestions.ts';
import { badRequest, HttpError } from '../../errors.ts';
import { newReceipt, normaliseReceipt } from '../../../common/receipts.ts';
import { isUniqueViolation } from '../db-errors.ts';

export { newReceipt, normaliseReceipt };

// Receipts: the anonymous author's only way back to an item, shared by every feature that replies to one.
// A receipt is 128 random bits written in Crockford base32 (no I, L, O, U: easy to read back and type),
// grouped for humans. Only its keyed hash is stored, so a stolen table cannot be turned back into receipts.

/** What receipts need of the app's secrets (server/plugins/secrets.ts): a keyed hash. */
export interface ReceiptKey {
  hmac(purpose: string, value: string): string;
}

const receiptHash = (secrets: ReceiptKey, canonical: string) => secrets.hmac('receipt', canonical);

/**
 * Stores the receipt for a new item inside the caller's transaction and returns it. `given` is one the
 * author's browser made (checked with normaliseReceipt before the transaction); else one is made here.
 */
export async function createReceipt(
  trx: Kysely<Database>,
  secrets: ReceiptKey,
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
    if (isUniqueViolation(error))
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
  secrets: ReceiptKey,
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
