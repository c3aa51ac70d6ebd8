import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/schema.ts';

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const hashSessionId = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

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
    .select(['id', 'username', 'display_name as displayName', 'role', 'disabled', 'created_at as createdAt'])
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

/** Returns the raw session id for the cookie; only its SHA-256 is stored. */
export async function createSession(db: Kysely<Database>, staffId: string): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url');
  await db
    .insertInto('staff_session')
    .values({
      id_hash: hashSessionId(sessionId),
      staff_id: staffId,
      expires_at: new Date(Date.now() + SESSION_TTL_MS),
    })
    .execute();
  return sessionId;
}

export async function findSessionStaff(db: Kysely<Database>, sessionId: string): Promise<StaffMember | null> {
  const row = await db
    .selectFrom('staff_session')
    .innerJoin('staff', 'staff.id', 'staff_session.staff_id')
    .select(['staff.id', 'staff.username', 'staff.display_name as displayName', 'staff.role'])
    .where('staff_session.id_hash', '=', hashSessionId(sessionId))
    .where('staff_session.expires_at', '>', new Date())
    .where('staff.disabled', '=', false)
    .executeTakeFirst();
  return row ?? null;
}

export async function deleteSession(db: Kysely<Database>, sessionId: string) {
  await db.deleteFrom('staff_session').where('id_hash', '=', hashSessionId(sessionId)).execute();
}

/** Deletes ended sessions (the leased `staff-sessions` job runs it hourly); returns how many. */
export async function purgeExpiredSessions(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom('staff_session')
    .where('expires_at', '<=', new Date())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function audit(
  db: Kysely<Database>,
  staff: StaffMember,
  action: string,
  target: { type: string; id: string } | null,
  detail: Record<string, unknown> = {},
) {
  await db
    .insertInto('audit_log')
    .values({
      staff_id: staff.id,
      staff_username: staff.username,
      action,
      target_type: target?.type ?? null,
      target_id: target?.id ?? null,
      detail: JSON.stringify(detail),
    })
    .execute();
}
