// All SQL of the tokens feature. Functions take `db` or a transaction; callers own transactions.
import { sql, type Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from '../../db/schema.ts';
import { entryHash, GENESIS_HASH, type KeyLogEntry } from '../../common/key-log.ts';

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

/**
 * A cheap version of the stored keys: every key is inserted with a key-log entry in one transaction and
 * retention deletes rows, so (log head, row count) changes whenever the set of keys does.
 */
export async function keysVersion(db: Kysely<Database>): Promise<string> {
  const row = await sql<{ head: number | null; keys: string }>`
    select (select max(seq) from key_log) as head, (select count(*) from token_key) as keys`.execute(db);
  const found = row.rows[0];
  return `${found?.head ?? 0}:${found?.keys ?? 0}`;
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

// ---- the public key log (common/key-log.ts) ----

/**
 * Takes the key log for this transaction: key creation on every node waits here, so two nodes can
 * neither fork the chain nor both pass the overlap check. Plain reads of the log are not blocked.
 */
export async function lockKeyLog(trx: Kysely<Database>): Promise<void> {
  await sql`lock table key_log in exclusive mode`.execute(trx);
}

/** A logged key of `scope` whose window shares an instant with [notBefore, notAfter), if any. */
export async function findOverlappingLoggedKey(
  db: Kysely<Database>,
  window: { scope: string; notBefore: Date; notAfter: Date },
): Promise<{ tokenKeyId: string; notBefore: Date; notAfter: Date } | null> {
  const row = await db
    .selectFrom('key_log')
    .select(['token_key_id as tokenKeyId', 'not_before as notBefore', 'not_after as notAfter'])
    .where('scope', '=', window.scope)
    .where('not_before', '<', window.notAfter)
    .where('not_after', '>', window.notBefore)
    .orderBy('seq')
    .executeTakeFirst();
  return row ?? null;
}

/** Appends a key to the log after the current head. Call with the log locked (lockKeyLog). */
export async function appendKeyLog(
  trx: Kysely<Database>,
  key: { scope: string; tokenKeyId: string; notBefore: Date; notAfter: Date },
): Promise<KeyLogEntry> {
  const head = await trx
    .selectFrom('key_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    scope: key.scope,
    tokenKeyId: key.tokenKeyId,
    notBefore: key.notBefore.toISOString(),
    notAfter: key.notAfter.toISOString(),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const entry = { ...fields, hash: await entryHash(fields) };
  await trx
    .insertInto('key_log')
    .values({
      seq: entry.seq,
      scope: entry.scope,
      token_key_id: entry.tokenKeyId,
      not_before: entry.notBefore,
      not_after: entry.notAfter,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  return entry;
}

/** The whole log, oldest first, in the public shape. */
export async function listKeyLog(db: Kysely<Database>): Promise<KeyLogEntry[]> {
  const rows = await db
    .selectFrom('key_log')
    .select([
      'seq',
      'scope',
      'token_key_id as tokenKeyId',
      'not_before as notBefore',
      'not_after as notAfter',
      'prev_hash as prevHash',
      'hash',
    ])
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    ...row,
    notBefore: new Date(row.notBefore).toISOString(),
    notAfter: new Date(row.notAfter).toISOString(),
  }));
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
    .select(['id', 'batch_id as batchId', 'secret_hash as secretHash'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface UnusedCode {
  id: string;
  batchId: string;
  secretHash: string;
}

/**
 * Burns the code, then creates the member, in two transactions: nothing written with the member
 * (its row, its transaction) names the code. null if the code was used meanwhile. Should the member
 * insert fail, the code is put back so the person can try again.
 */
export async function burnCodeAndEnrol(
  db: Kysely<Database>,
  code: UnusedCode,
  credentialHash: string,
): Promise<{ departmentId: string | null } | null> {
  const burnt = await db.deleteFrom('enrolment_code').where('id', '=', code.id).executeTakeFirst();
  if (Number(burnt.numDeletedRows) !== 1) return null;
  // The member carries its batch's department (the only one it can prove later); the week's public
  // tally counts the use, so a team padded with made-up members shows on the transparency page.
  const batch = await db
    .selectFrom('enrolment_batch')
    .select('department_id as departmentId')
    .where('id', '=', code.batchId)
    .executeTakeFirst();
  const departmentId = batch?.departmentId ?? null;
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('member')
        .values({ credential_hash: credentialHash, department_id: departmentId })
        .execute();
      if (departmentId) await countEnrolment(trx, departmentId);
    });
  } catch (error) {
    await db
      .insertInto('enrolment_code')
      .values({ id: code.id, batch_id: code.batchId, secret_hash: code.secretHash })
      .execute()
      .catch(() => {});
    throw error;
  }
  return { departmentId };
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
      oc
        .columns(['department_id', 'week'])
        .doUpdateSet({ enrolled: sql<number>`enrolment_week.enrolled + 1` }),
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
    .select([
      'department_id as departmentId',
      sql<string>`to_char(week, 'YYYY-MM-DD')`.as('week'),
      'enrolled',
    ])
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
      'b.revoked',
      'b.department_id as departmentId',
      eb
        .selectFrom('enrolment_code as c')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('c.batch_id', '=', 'b.id')
        .as('unused'),
    ])
    .orderBy('b.created_at', 'desc')
    .execute();
}

/** Deletes a batch's unused codes (a lost sheet) and counts them as revoked. Returns how many. */
export async function revokeUnusedCodes(db: Kysely<Database>, batchId: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx
      .selectFrom('enrolment_batch')
      .select('id')
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (!batch) return null;
    const result = await trx.deleteFrom('enrolment_code').where('batch_id', '=', batchId).executeTakeFirst();
    const revoked = Number(result.numDeletedRows);
    await trx
      .updateTable('enrolment_batch')
      .set((eb) => ({ revoked: eb('revoked', '+', revoked) }))
      .where('id', '=', batchId)
      .execute();
    return revoked;
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

/** A key's per-member budget: fixed with the key, or the admin's `generalBudget` setting (default `fallback`). */
export type BudgetRule = { fixed: number } | { setting: 'generalBudget'; fallback: number };

export interface BudgetTake {
  /** Stored hash of the membership credential (member.credential_hash). */
  credentialHash: string;
  count: number;
}

/**
 * Takes tokens from the budgets of several members for one key in ONE statement (one round trip,
 * one commit): each member is looked up by credential, the budget (the admin setting for `general`)
 * is read in the same statement, and each member's insert-or-add goes through only while their total
 * stays within it, so concurrent requests, here or on another node, cannot overspend. Rows are taken
 * in member id order, so two such statements never deadlock. Credential hashes must be distinct.
 * Returns the hashes whose take went through; the others are unknown or over budget (findMemberId
 * tells them apart).
 */
export async function takeBudgets(
  db: Kysely<Database>,
  keyId: string,
  rule: BudgetRule,
  takes: BudgetTake[],
  /** On Postgres outside a transaction: run as a named statement, planned once per connection. */
  pool: Pool | null = null,
): Promise<Set<string>> {
  const fixed = 'fixed' in rule ? rule.fixed : null;
  const fallback = 'fixed' in rule ? rule.fixed : rule.fallback;
  const query = sql<{ credentialHash: string }>`
    with budget as (
      select coalesce(${fixed}::int, (select (value #>> '{}')::int from setting where key = 'generalBudget'),
        ${fallback}::int) as n
    ),
    taken as (
      insert into token_issuance (member_id, key_id, issued)
      select m.id, ${keyId}::text, t.issued
      from unnest(${takes.map((take) => take.credentialHash)}::text[], ${takes.map((take) => take.count)}::int[])
        as t(credential_hash, issued)
      join member m on m.credential_hash = t.credential_hash
      where t.issued <= (select n from budget)
      order by m.id
      on conflict (member_id, key_id) do update set issued = token_issuance.issued + excluded.issued
      where token_issuance.issued + excluded.issued <= (select n from budget)
      returning member_id
    )
    select m.credential_hash as "credentialHash" from taken join member m on m.id = taken.member_id`.compile(
    db,
  );
  const rows = pool
    ? (
        await pool.query<{ credentialHash: string }>({
          name: 'token-take-budgets',
          text: query.sql,
          values: [...query.parameters],
        })
      ).rows
    : (await db.executeQuery(query)).rows;
  return new Set(rows.map((row) => row.credentialHash));
}

/** Gives tokens back when signing failed after the budget was taken. */
export async function refundBudget(
  db: Kysely<Database>,
  credentialHash: string,
  keyId: string,
  count: number,
): Promise<void> {
  await db
    .updateTable('token_issuance')
    .set({ issued: sql<number>`greatest(issued - ${count}, 0)` })
    .where('member_id', '=', (eb) =>
      eb.selectFrom('member').select('id').where('credential_hash', '=', credentialHash),
    )
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

// ---- OIDC enrolment ----

/** Keeps a sign-in under way for ten minutes; expired ones are cleared on the way. */
export async function saveOidcLogin(
  db: Kysely<Database>,
  login: { stateHash: string; nonce: string; codeVerifier: string },
): Promise<void> {
  await db
    .deleteFrom('oidc_login')
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
  await db
    .insertInto('oidc_login')
    .values({ state_hash: login.stateHash, nonce: login.nonce, code_verifier: login.codeVerifier })
    .execute();
}

/** Takes a sign-in under way (once: a replayed state finds nothing). */
export async function takeOidcLogin(
  db: Kysely<Database>,
  stateHash: string,
): Promise<{ nonce: string; codeVerifier: string } | null> {
  const row = await db
    .deleteFrom('oidc_login')
    .where('state_hash', '=', stateHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['nonce', 'code_verifier as codeVerifier'])
    .executeTakeFirst();
  return row ?? null;
}

/**
 * One membership per person: the first sign-in creates the member (and counts the week's enrolment);
 * a later one — a new device — gives the same member a new credential, which revokes the old one and
 * keeps every token_issuance row, so the budget already taken stays taken.
 */
export async function enrolSubject(
  db: Kysely<Database>,
  subjectHash: string,
  credentialHash: string,
  departmentId: string | null,
): Promise<{ renewed: boolean }> {
  const attempt = () =>
    db.transaction().execute(async (trx) => {
      const known = await trx
        .selectFrom('member_sso')
        .select('member_id')
        .where('subject_hash', '=', subjectHash)
        .forUpdate()
        .executeTakeFirst();
      if (known) {
        await trx
          .updateTable('member')
          .set({ credential_hash: credentialHash, department_id: departmentId })
          .where('id', '=', known.member_id)
          .execute();
        return { renewed: true };
      }
      const member = await trx
        .insertInto('member')
        .values({ credential_hash: credentialHash, department_id: departmentId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('member_sso')
        .values({ subject_hash: subjectHash, member_id: member.id })
        .execute();
      if (departmentId) await countEnrolment(trx, departmentId);
      return { renewed: false };
    });
  try {
    return await attempt();
  } catch (error) {
    // The same person finishing two sign-ins at once: the second finds the first's row.
    if ((error as { code?: string }).code === '23505') return attempt();
    throw error;
  }
}

export async function departmentIdByName(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db
    .selectFrom('department')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.trim().toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}
