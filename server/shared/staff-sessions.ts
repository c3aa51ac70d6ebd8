import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/schema.ts';

// Staff sessions: who is signed in. Read by the staff-session plugin on every request and by the
// focus-group room (the socket's first frame); written by the staff feature's login and logout.

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** After an admin's reset: the account may only change its password (and sign out) until it does. */
  mustChangePassword: boolean;
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const hashSessionId = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

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
    .select([
      'staff.id',
      'staff.username',
      'staff.display_name as displayName',
      'staff.role',
      'staff.must_change_password as mustChangePassword',
    ])
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
