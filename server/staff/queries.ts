import { sql, type Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/schema.ts';

export async function findStaffForLogin(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('staff')
    .select([
      'id',
      'username',
      'display_name as displayName',
      'role',
      'password_hash as passwordHash',
      'disabled',
      'must_change_password as mustChangePassword',
    ])
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function createStaff(
  db: Kysely<Database>,
  input: { username: string; displayName: string; role: StaffRole; passwordHash: string },
): Promise<string> {
  const row = await db
    .insertInto('staff')
    .values({
      username: input.username.toLowerCase(),
      display_name: input.displayName,
      role: input.role,
      password_hash: input.passwordHash,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? '';
}

export async function listStaff(db: Kysely<Database>) {
  return db
    .selectFrom('staff')
    .select([
      'id',
      'username',
      'display_name as displayName',
      'role',
      'disabled',
      'must_change_password as mustChangePassword',
      'created_at as createdAt',
      // The provider signs this account in and sets its role: the admin page changes neither.
      sql<boolean>`idp_subject_hash is not null`.as('managedByIdp'),
    ])
    .orderBy('username')
    .execute();
}

export async function setStaffDisabled(db: Kysely<Database>, id: string, disabled: boolean) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('staff')
      .set({ disabled })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    // Disabling someone ends their sessions at once.
    if (row && disabled) await trx.deleteFrom('staff_session').where('staff_id', '=', id).execute();
    return Boolean(row);
  });
}

export async function countStaff(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findPasswordHash(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('staff').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}

/**
 * A new password hash. `temporary` (an admin's reset) forces a change at the next sign-in and ends every
 * session of the account; a change by its owner keeps `keepSession` and ends the others.
 */
export async function setPassword(
  db: Kysely<Database>,
  id: string,
  change: { passwordHash: string; temporary: boolean; keepSessionHash?: string },
): Promise<boolean> {
  const row = await db
    .updateTable('staff')
    .set({ password_hash: change.passwordHash, must_change_password: change.temporary })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  await db
    .deleteFrom('staff_session')
    .where('staff_id', '=', id)
    .$if(Boolean(change.keepSessionHash), (qb) => qb.where('id_hash', '!=', change.keepSessionHash!))
    .execute();
  return true;
}

export async function setRole(db: Kysely<Database>, id: string, role: StaffRole) {
  const row = await db
    .updateTable('staff')
    .set({ role })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function findRole(db: Kysely<Database>, id: string): Promise<StaffRole | null> {
  const row = await db.selectFrom('staff').select('role').where('id', '=', id).executeTakeFirst();
  return row?.role ?? null;
}

/** Admins with a local password still able to sign in (row-locked): the last one may be neither demoted nor disabled, so no provider outage or group change can lock every admin out. */
export async function activeLocalAdminIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('password_hash', 'is not', null)
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** Whether the company provider manages this account (its role and its sign-in). */
export async function isProviderAccount(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('staff').select('idp_subject_hash').where('id', '=', id).executeTakeFirst();
  return Boolean(row?.idp_subject_hash);
}

export async function saveStaffOidcLogin(
  db: Kysely<Database>,
  login: { stateHash: string; nonce: string; codeVerifier: string },
): Promise<void> {
  await db.deleteFrom('staff_oidc_login').where('expires_at', '<', new Date()).execute();
  await db
    .insertInto('staff_oidc_login')
    .values({ state_hash: login.stateHash, nonce: login.nonce, code_verifier: login.codeVerifier })
    .execute();
}

/** Takes a staff sign-in under way (once: a replayed state finds nothing). */
export async function takeStaffOidcLogin(
  db: Kysely<Database>,
  stateHash: string,
): Promise<{ nonce: string; codeVerifier: string } | null> {
  const row = await db
    .deleteFrom('staff_oidc_login')
    .where('state_hash', '=', stateHash)
    .where('expires_at', '>', new Date())
    .returning(['nonce', 'code_verifier as codeVerifier'])
    .executeTakeFirst();
  return row ?? null;
}

/** The account the provider's person signs in to (row-locked), found by the subject hash only. */
export async function findProviderAccount(db: Kysely<Database>, subjectHash: string) {
  return db
    .selectFrom('staff')
    .select([
      'id',
      'username',
      'display_name as displayName',
      'role',
      'disabled',
      'must_change_password as mustChangePassword',
    ])
    .where('idp_subject_hash', '=', subjectHash)
    .forUpdate()
    .executeTakeFirst();
}

/** A username no other account has: the preferred one, else with a short suffix of the subject hash. */
export async function freeUsername(
  db: Kysely<Database>,
  preferred: string,
  suffix: string,
  ownId: string | null,
): Promise<string> {
  const taken = await db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', preferred)
    .$if(Boolean(ownId), (qb) => qb.where('id', '!=', ownId!))
    .executeTakeFirst();
  return taken ? `${preferred}+${suffix}` : preferred;
}

export async function createProviderAccount(
  db: Kysely<Database>,
  input: { subjectHash: string; username: string; displayName: string; role: StaffRole },
): Promise<string> {
  const row = await db
    .insertInto('staff')
    .values({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: null,
      idp_subject_hash: input.subjectHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProviderAccount(
  db: Kysely<Database>,
  id: string,
  input: { username: string; displayName: string; role: StaffRole },
) {
  await db
    .updateTable('staff')
    .set({ username: input.username, display_name: input.displayName, role: input.role })
    .where('id', '=', id)
    .execute();
}

export async function endSessionsOf(db: Kysely<Database>, staffId: string) {
  await db.deleteFrom('staff_session').where('staff_id', '=', staffId).execute();
}
