// All SQL of the tokens feature. Functions take `db` or a transaction; callers own transactions.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';
export const isForeignKeyViolation = (error: unknown) =>
  (error as { code?: string } | null)?.code === '23503';

// ---- issuer keys ----

export interface KeyRow {
  id: string;
  truncatedId: number;
  scope: string;
  tokenKey: Uint8Array;
  privateKey: Uint8Array;
  budget: number;
  notBefore: Date;
  notAfter: Date;
}

const KEY_COLUMNS = [
  'id',
  'truncated_id as truncatedId',
  'scope',
  'token_key as tokenKey',
  'private_key as privateKey',
  'budget',
  'not_before as notBefore',
  'not_after as notAfter',
] as const;

export async function listKeys(db: Kysely<Database>): Promise<KeyRow[]> {
  return db.selectFrom('token_key').select(KEY_COLUMNS).orderBy('not_before').orderBy('id').execute();
}

export async function findKey(
  db: Kysely<Database>,
  by: { id: string } | { truncatedId: number } | { scope: string; notBefore: Date },
): Promise<KeyRow | null> {
  let query = db.selectFrom('token_key').select(KEY_COLUMNS);
  if ('id' in by) query = query.where('id', '=', by.id);
  else if ('truncatedId' in by) query = query.where('truncated_id', '=', by.truncatedId);
  else query = query.where('scope', '=', by.scope).where('not_before', '=', by.notBefore);
  return (await query.executeTakeFirst()) ?? null;
}

export async function insertKey(db: Kysely<Database>, row: KeyRow): Promise<void> {
  await db
    .insertInto('token_key')
    .values({
      id: row.id,
      truncated_id: row.truncatedId,
      scope: row.scope,
      token_key: row.tokenKey,
      private_key: row.privateKey,
      budget: row.budget,
      not_before: row.notBefore,
      not_after: row.notAfter,
    })
    .execute();
}

/** Deletes keys that ended before `endedBefore`; their issuance and spent-token rows go with them. */
export async function deleteKeys(
  db: Kysely<Database>,
  endedBefore: Date,
): Promise<{ keyIds: string[]; spentTokens: number }> {
  return db.transaction().execute(async (trx) => {
    const keys = await trx
      .selectFrom('token_key')
      .select('id')
      .where('not_after', '<', endedBefore)
      .forUpdate()
      .execute();
    const keyIds = keys.map((key) => key.id);
    if (keyIds.length === 0) return { keyIds, spentTokens: 0 };
    const spent = await trx.deleteFrom('spent_token').where('key_id', 'in', keyIds).executeTakeFirst();
    await trx.deleteFrom('token_issuance').where('key_id', 'in', keyIds).execute();
    await trx.deleteFrom('token_key').where('id', 'in', keyIds).execute();
    return { keyIds, spentTokens: Number(spent.numDeletedRows) };
  });
}

// ---- enrolment ----

export async function createEnrolmentBatch(
  db: Kysely<Database>,
  staffId: string | null,
  codes: { id: string; secretHash: string }[],
  departmentId: string | null = null,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx
      .insertInto('enrolment_batch')
      .values({ created_by: staffId, count: codes.length, department_id: departmentId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('enrolment_code')
      .values(codes.map((code) => ({ id: code.id, batch_id: batch.id, secret_hash: code.secretHash })))
      .execute();
    return batch.id;
  });
}

export async function existingCodeIds(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('enrolment_code').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function findUnusedCode(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('enrolment_code')
    .select(['id', 'secret_hash as secretHash'])
    .where('id', '=', id)
    .where('used', '=', false)
    .executeTakeFirst();
}

/** Burns the code and creates the member in one transaction; null if the code was used meanwhile. */
export async function burnCodeAndEnrol(
  db: Kysely<Database>,
  codeId: string,
  credentialHash: string,
): Promise<{ departmentId: string | null } | null> {
  return db.transaction().execute(async (trx) => {
    const burnt = await trx
      .updateTable('enrolment_code')
      .set({ used: true })
      .where('id', '=', codeId)
      .where('used', '=', false)
      .returning('id')
      .executeTakeFirst();
    if (!burnt) return null;
    // The member carries its batch's department (the only one it can prove later); the week's public
    // tally counts the use, so a team padded with made-up members shows on the transparency page.
    const batch = await trx
      .selectFrom('enrolment_code as c')
      .innerJoin('enrolment_batch as b', 'b.id', 'c.batch_id')
      .select('b.department_id as departmentId')
      .where('c.id', '=', codeId)
      .executeTakeFirst();
    const departmentId = batch?.departmentId ?? null;
    await trx.insertInto('member').values({ credential_hash: credentialHash, department_id: departmentId }).execute();
    if (departmentId) await countEnrolment(trx, departmentId);
    return { departmentId };
  });
}

/** Monday of the ISO week of `day` ('YYYY-MM-DD'), UTC. */
export function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export async function countEnrolment(db: Kysely<Database>, departmentId: string, at = new Date()) {
  await db
    .insertInto('enrolment_week')
    .values({ department_id: departmentId, week: weekOf(at), enrolled: 1 })
    .onConflict((oc) =>
      oc.columns(['department_id', 'week']).doUpdateSet({ enrolled: sql<number>`enrolment_week.enrolled + 1` }),
    )
    .execute();
}

/** Public: codes minted per department and week (from the batches), and codes used per week. */
export async function enrolmentTransparency(db: Kysely<Database>) {
  const minted = await db
    .selectFrom('enrolment_batch')
    .select([
      'department_id as departmentId',
      sql<string>`to_char(date_trunc('week', created_at at time zone 'UTC'), 'YYYY-MM-DD')`.as('week'),
      (eb) => eb.fn.sum<number>('count').as('minted'),
    ])
    .groupBy(['department_id', 'week'])
    .execute();
  const enrolled = await db
    .selectFrom('enrolment_week')
    .select(['department_id as departmentId', sql<string>`to_char(week, 'YYYY-MM-DD')`.as('week'), 'enrolled'])
    .execute();
  const members = await db
    .selectFrom('member')
    .select(['department_id as departmentId', (eb) => eb.fn.countAll<number>().as('members')])
    .groupBy('department_id')
    .execute();
  return {
    minted: minted.map((row) => ({ ...row, minted: Number(row.minted) })),
    enrolled: enrolled.map((row) => ({ ...row, enrolled: Number(row.enrolled) })),
    members: members.map((row) => ({ ...row, members: Number(row.members) })),
  };
}

export async function listEnrolmentBatches(db: Kysely<Database>) {
  return db
    .selectFrom('enrolment_batch as b')
    .leftJoin('staff as s', 's.id', 'b.created_by')
    .select((eb) => [
      'b.id',
      'b.created_at as createdAt',
      's.username as createdBy',
      'b.count',
      'b.department_id as departmentId',
      eb
        .selectFrom('enrolment_code as c')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('c.batch_id', '=', 'b.id')
        .where('c.used', '=', true)
        .as('used'),
      eb
        .selectFrom('enrolment_code as c')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('c.batch_id', '=', 'b.id')
        .where('c.used', '=', false)
        .as('unused'),
    ])
    .orderBy('b.created_at', 'desc')
    .execute();
}

/** Deletes a batch's unused codes (a lost sheet); used ones stay counted. Returns how many. */
export async function revokeUnusedCodes(db: Kysely<Database>, batchId: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('enrolment_batch')
      .select('id')
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (!batch) return null;
    const result = await trx
      .deleteFrom('enrolment_code')
      .where('batch_id', '=', batchId)
      .where('used', '=', false)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

// ---- members and issuance ----

export async function findMember(
  db: Kysely<Database>,
  credentialHash: string,
): Promise<{ id: string; departmentId: string | null } | null> {
  const row = await db
    .selectFrom('member')
    .select(['id', 'department_id as departmentId'])
    .where('credential_hash', '=', credentialHash)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Takes `count` tokens from the member's budget for a key in one conditional statement: it inserts
 * or adds only while the total stays within the budget, so concurrent requests cannot overspend.
 */
export async function consumeBudget(
  db: Kysely<Database>,
  memberId: string,
  keyId: string,
  count: number,
  budget: number,
): Promise<boolean> {
  if (count > budget) return false;
  const row = await db
    .insertInto('token_issuance')
    .values({ member_id: memberId, key_id: keyId, issued: count })
    .onConflict((oc) =>
      oc
        .columns(['member_id', 'key_id'])
        .doUpdateSet({ issued: sql<number>`token_issuance.issued + ${count}` })
        .where(sql<boolean>`token_issuance.issued + ${count} <= ${budget}`),
    )
    .returning('issued')
    .executeTakeFirst();
  return Boolean(row);
}

/** Gives tokens back when signing failed after the budget was taken. */
export async function refundBudget(
  db: Kysely<Database>,
  memberId: string,
  keyId: string,
  count: number,
): Promise<void> {
  await db
    .updateTable('token_issuance')
    .set({ issued: sql<number>`greatest(issued - ${count}, 0)` })
    .where('member_id', '=', memberId)
    .where('key_id', '=', keyId)
    .execute();
}

export async function issuedCounts(db: Kysely<Database>, memberId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('token_issuance')
    .select(['key_id', 'issued'])
    .where('member_id', '=', memberId)
    .execute();
  return new Map(rows.map((row) => [row.key_id, row.issued]));
}

// ---- redemption ----

/** Inserts the nullifier; a unique violation means the token was spent before. */
export async function insertNullifier(
  db: Kysely<Database>,
  nullifier: Uint8Array,
  keyId: string,
): Promise<void> {
  await db.insertInto('spent_token').values({ nullifier, key_id: keyId }).execute();
}
