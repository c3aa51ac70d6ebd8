import type { Kysely } from 'kysely';
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
