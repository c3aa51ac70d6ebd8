import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 20's moderator and admin tools:
// - saved replies: reasons and replies a moderation team reuses. Shared by the team (not per moderator) so
//   every author hears the same words for the same decision; each row names who wrote it for the audit.
// - staff.must_change_password: set when an admin resets a password to a temporary one; the account can do
//   nothing but change it until then.
// - department.archived_at: an archived department leaves the employee pickers, its history stays.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_reply')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('saved_reply_label_unique', ['label'])
    .execute();
  await db.schema
    .alterTable('staff')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.alterTable('department').addColumn('archived_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('department').dropColumn('archived_at').execute();
  await db.schema.alterTable('staff').dropColumn('must_change_password').execute();
  await db.schema.dropTable('saved_reply').execute();
}
