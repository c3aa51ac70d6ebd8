import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// k counts people: a member carries the department of the enrolment code it used (codes are minted
// in per-department batches), and a department shown on an anonymous item is proven by the token
// that paid for it (a `<scope>@<department id>` key issued only to that department's members).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('enrolment_batch')
    .addColumn('department_id', 'uuid', (c) => c.references('department.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('member')
    .addColumn('department_id', 'uuid', (c) => c.references('department.id').onDelete('set null'))
    .execute();
  // Public: how many codes of each department were used per ISO week (Monday). Bumped when a code is
  // burnt, so padding a team with made-up members shows on the transparency page. No member id.
  await db.schema
    .createTable('enrolment_week')
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('week', 'date', (c) => c.notNull())
    .addColumn('enrolled', 'integer', (c) => c.notNull().check(sql`enrolled >= 0`))
    .addPrimaryKeyConstraint('enrolment_week_pk', ['department_id', 'week'])
    .execute();
  // Self-declared departments could be claimed by anyone (one person as five, four sybils as "Legal"):
  // they are unproven, so they are forgotten rather than shown under the new rule.
  await sql`update suggestion set own_department_id = null`.execute(db);
  await sql`update pulse_response set own_department_id = null`.execute(db);

  // Pulse comments are moderated like suggestions: 'pending' until a moderator looks (pre-moderation),
  // 'published', or 'hidden' with a reason. Comments written before this migration stay published.
  await db.schema
    .alterTable('pulse_response')
    .addColumn('comment_moderation', 'text', (c) =>
      c
        .notNull()
        .defaultTo('published')
        .check(sql`comment_moderation in ('pending', 'published', 'hidden')`),
    )
    .addColumn('comment_reviewed', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('comment_hide_reason', 'text', (c) => c.check(sql`char_length(comment_hide_reason) <= 500`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pulse_response')
    .dropColumn('comment_moderation')
    .dropColumn('comment_reviewed')
    .dropColumn('comment_hide_reason')
    .execute();
  await db.schema.dropTable('enrolment_week').execute();
  await db.schema.alterTable('member').dropColumn('department_id').execute();
  await db.schema.alterTable('enrolment_batch').dropColumn('department_id').execute();
}
