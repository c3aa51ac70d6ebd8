import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Voice of the Internal Customer (issue 17): a frontline employee rates a handoff with a backstage team.
// - handoff_request_type: what a handoff can be about, defined by admins per department (staff content).
// - handoff_rating: one anonymous rating. Random uuid id, a calendar day (never a time), nothing that links
//   to a member: the `handoff:<department>:<ISO week>` token (budget 1) it spent is not stored with it.
// - theme_item.source gains 'handoff': rating comments feed the themes engine.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('handoff_request_type')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull().check(sql`char_length(label) between 1 and 80`))
    .addColumn('retired', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('handoff_request_type_label_unique', ['department_id', 'label'])
    .execute();

  await db.schema
    .createTable('handoff_rating')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('request_type_id', 'uuid', (c) => c.references('handoff_request_type.id').onDelete('set null'))
    // Customer Effort Score: "how easy was it to get what you needed", 1 (very hard) … 7 (very easy).
    .addColumn('effort', 'smallint', (c) => c.notNull().check(sql`effort between 1 and 7`))
    // "How did it turn out for the customer", 1 (badly) … 5 (very well).
    .addColumn('outcome', 'smallint', (c) => c.notNull().check(sql`outcome between 1 and 5`))
    .addColumn('comment', 'text', (c) => c.check(sql`char_length(comment) between 1 and 2000`))
    .addColumn('comment_moderation', 'text', (c) =>
      c
        .notNull()
        .defaultTo('published')
        .check(sql`comment_moderation in ('pending', 'published', 'hidden')`),
    )
    .addColumn('comment_reviewed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('comment_hide_reason', 'text')
    .addColumn('pii_flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('kudos_alert', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('day', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .execute();
  await db.schema
    .createIndex('handoff_rating_department_idx')
    .on('handoff_rating')
    .columns(['department_id', 'day'])
    .execute();
  await db.schema
    .createIndex('handoff_rating_comment_idx')
    .on('handoff_rating')
    .columns(['comment_moderation', 'day'])
    .execute();

  await sql`alter table theme_item drop constraint theme_item_source_check`.execute(db);
  await sql`alter table theme_item add constraint theme_item_source_check
    check (source in ('suggestion', 'kudos', 'pulse', 'focus-group', 'handoff'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from theme_item where source = 'handoff'`.execute(db);
  await sql`alter table theme_item drop constraint theme_item_source_check`.execute(db);
  await sql`alter table theme_item add constraint theme_item_source_check
    check (source in ('suggestion', 'kudos', 'pulse', 'focus-group'))`.execute(db);
  await db.schema.dropTable('handoff_rating').execute();
  await db.schema.dropTable('handoff_request_type').execute();
}
