import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ApiKeyScope } from '../../db/tables/customer-voice.ts';
import type { Secrets } from '../plugins/secrets.ts';

// API keys for tools that push customer feedback. A key is shown once; the table keeps its keyed hash
// (HMAC under the master secret, so a stolen table cannot be checked offline), a short prefix for telling
// keys apart, its scopes and whether it was revoked.

type Db = Kysely<Database> | Transaction<Database>;
const PURPOSE = 'customer-voice-api-key';
export const KEY_PREFIX = 'gcv_';

export const newKey = () => `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
export const hashKey = (secrets: Pick<Secrets, 'hmac'>, key: string) => secrets.hmac(PURPOSE, key);

export async function insertApiKey(
  trx: Db,
  secrets: Pick<Secrets, 'hmac'>,
  input: { label: string; scopes: ApiKeyScope[]; staffId: string },
) {
  const key = newKey();
  const row = await trx
    .insertInto('customer_voice_api_key')
    .values({
      label: input.label,
      key_hash: hashKey(secrets, key),
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      scopes: JSON.stringify(input.scopes),
      created_by: input.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

export async function listApiKeys(db: Db) {
  const rows = await db
    .selectFrom('customer_voice_api_key')
    .select(['id', 'label', 'prefix', 'scopes', 'created_at', 'revoked_at', 'last_used_day'])
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    lastUsedDay: row.last_used_day,
  }));
}

export async function revokeApiKey(trx: Db, id: string) {
  const result = await trx
    .updateTable('customer_voice_api_key')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The live key behind a presented secret, or undefined (unknown or revoked). */
export async function findLiveKey(db: Db, secrets: Pick<Secrets, 'hmac'>, key: string) {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return undefined;
  return db
    .selectFrom('customer_voice_api_key')
    .select(['id', 'label', 'scopes'])
    .where('key_hash', '=', hashKey(secrets, key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiKey(db: Db, id: string, day: string) {
  await db
    .updateTable('customer_voice_api_key')
    .set({ last_used_day: day })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_day', 'is', null), eb('last_used_day', '<>', day)]))
    .execute();
}
