import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Voice of the customer to the backstage (issue 16): customer feedback imported from survey tools (files
// or a push API), redacted of customer personal data before it is stored, mapped to departments, themed,
// and shared as moderator-curated stories and aggregates on department pages.
// - customer_feedback: one redacted customer comment. `external_id` makes imports idempotent. The raw
//   text is never stored; `pii_kinds` names what was redacted, never the matches.
// - customer_feedback_department: which departments a comment concerns, by rule or by hand.
// - customer_voice_rule: stage / channel / keyword → department (every given field must match).
// - customer_story: a moderator-curated story shown to employees on a department page.
// - customer_import: one upload or push, its counts and its rejected rows (line + reason).
// - customer_voice_api_key: admin-created keys for the ingestion API, stored as keyed hashes.
// - theme_item.source gains 'customer'.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer_import')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('upload', 'api')`))
    .addColumn('label', 'text', (c) => c.notNull().check(sql`char_length(label) between 1 and 200`))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'jsonl', 'json')`))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_already_imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('staff_id', 'uuid', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('api_key_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('customer_feedback')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('external_id', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`char_length(external_id) between 1 and 200`),
    )
    .addColumn('import_id', 'uuid', (c) => c.references('customer_import.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull().check(sql`char_length(text) between 1 and 4000`))
    .addColumn('pii_kinds', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('score_kind', 'text', (c) => c.check(sql`score_kind in ('nps', 'csat', 'ces')`))
    .addColumn('score', 'smallint')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.check(sql`char_length(channel) <= 80`))
    .addColumn('stage', 'text', (c) => c.check(sql`char_length(stage) <= 80`))
    .addColumn('product', 'text', (c) => c.check(sql`char_length(product) <= 80`))
    .addColumn('story_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('candidate')
        .check(sql`story_status in ('candidate', 'dismissed', 'shared')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'customer_feedback_score_range',
      sql`(score is null and score_kind is null) or
          (score_kind = 'nps' and score between 0 and 10) or
          (score_kind = 'csat' and score between 1 and 5) or
          (score_kind = 'ces' and score between 1 and 7)`,
    )
    .execute();
  await db.schema.createIndex('customer_feedback_day_idx').on('customer_feedback').column('day').execute();

  await db.schema
    .createTable('customer_voice_rule')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('stage', 'text')
    .addColumn('channel', 'text')
    .addColumn('keyword', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('customer_voice_rule_something', sql`coalesce(stage, channel, keyword) is not null`)
    .execute();

  await db.schema
    .createTable('customer_feedback_department')
    .addColumn('feedback_id', 'uuid', (c) =>
      c.notNull().references('customer_feedback.id').onDelete('cascade'),
    )
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('mapped_by', 'text', (c) => c.notNull().check(sql`mapped_by in ('rule', 'hand')`))
    .addPrimaryKeyConstraint('customer_feedback_department_pk', ['feedback_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('customer_feedback_department_dept_idx')
    .on('customer_feedback_department')
    .column('department_id')
    .execute();

  await db.schema
    .createTable('customer_story')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('feedback_id', 'uuid', (c) =>
      c.notNull().references('customer_feedback.id').onDelete('cascade'),
    )
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 1 and 120`))
    .addColumn('text', 'text', (c) => c.notNull().check(sql`char_length(text) between 1 and 4000`))
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('customer_story_once', ['feedback_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('customer_voice_api_key')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('label', 'text', (c) => c.notNull().check(sql`char_length(label) between 1 and 80`))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('scopes', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('last_used_day', 'date')
    .execute();

  await sql`alter table theme_item drop constraint theme_item_source_check`.execute(db);
  await sql`alter table theme_item add constraint theme_item_source_check
    check (source in ('suggestion', 'kudos', 'pulse', 'focus-group', 'handoff', 'customer'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from theme_item where source = 'customer'`.execute(db);
  await sql`alter table theme_item drop constraint theme_item_source_check`.execute(db);
  await sql`alter table theme_item add constraint theme_item_source_check
    check (source in ('suggestion', 'kudos', 'pulse', 'focus-group', 'handoff'))`.execute(db);
  for (const table of [
    'customer_voice_api_key',
    'customer_story',
    'customer_feedback_department',
    'customer_voice_rule',
    'customer_feedback',
    'customer_import',
  ])
    await db.schema.dropTable(table).execute();
}
