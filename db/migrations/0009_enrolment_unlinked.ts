import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// A used enrolment code is deleted, not marked: a kept row (and its `used` flip, written by the same
// transaction that created the member) linked every member to the code it came from. A batch counts its
// revoked codes instead, so used = count − revoked − codes still waiting.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('enrolment_batch')
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Codes missing from a batch today were revoked (deleted unused); used ones are still there.
  await sql`update enrolment_batch b
    set revoked = b.count - (select count(*) from enrolment_code c where c.batch_id = b.id)`.execute(db);
  await sql`delete from enrolment_code where used`.execute(db);
  await db.schema.alterTable('enrolment_code').dropColumn('used').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('enrolment_code')
    .addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.alterTable('enrolment_batch').dropColumn('revoked').execute();
}
