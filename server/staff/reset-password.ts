import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hashPassword } from '../shared/passwords.ts';

/** A fresh password people can type: 18 random bytes, base64url (24 characters). */
export const newPassword = () => randomBytes(18).toString('base64url');

/**
 * Gives a staff account a new password from the operator's command line (the way back when every admin
 * lost theirs): ends the account's sessions, re-enables it, and writes an audit entry, all in one
 * transaction. Returns null for an unknown username.
 */
export async function resetStaffPassword(
  db: Kysely<Database>,
  username: string,
  password: string = newPassword(),
): Promise<{ username: string; role: string; password: string } | null> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash, disabled: false })
      .where('username', '=', username)
      .returning(['id', 'username', 'role'])
      .executeTakeFirst();
    if (!row) return null;
    await trx.deleteFrom('staff_session').where('staff_id', '=', row.id).execute();
    await trx
      .insertInto('audit_log')
      .values({
        staff_id: null,
        staff_username: '(command line)',
        action: 'staff.password_reset',
        target_type: 'staff',
        target_id: row.id,
        detail: JSON.stringify({ username: row.username, via: 'npm run staff:reset-password' }),
      })
      .execute();
    return { username: row.username, role: row.role, password };
  });
}
