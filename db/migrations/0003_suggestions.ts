import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Anonymous rows: random uuid ids, a calendar day (never a timestamp), nothing that links to a member.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestion')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('text', 'text', (c) => c.notNull().check(sql`char_length(text) between 1 and 4000`))
    .addColumn('concerns_department_id', 'uuid', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('own_department_id', 'uuid', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('moderation', 'text', (c) =>
      c.notNull().check(sql`moderation in ('pending', 'published', 'rejected')`),
    )
    // false until a moderator decided (pre-moderation: pending; post-moderation: published but unreviewed).
    .addColumn('reviewed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'under_review', 'planned', 'in_progress', 'done', 'wont_do')`),
    )
    .addColumn('response', 'text')
    .addColumn('response_day', 'date')
    .addColumn('reject_reason', 'text')
    .addColumn('redacted', 'boolean', (c) => c.notNull().defaultTo(false))
    // Kinds of personal data found ('email', 'phone', …), never the matches themselves.
    .addColumn('pii_flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('votes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`votes >= 0`),
    )
    .addColumn('day', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .execute();
  await db.schema
    .createIndex('suggestion_board_new_idx')
    .on('suggestion')
    .columns(['moderation', 'day'])
    .execute();
  await db.schema
    .createIndex('suggestion_board_top_idx')
    .on('suggestion')
    .columns(['moderation', 'votes'])
    .execute();
  await db.schema
    .createIndex('suggestion_unreviewed_idx')
    .on('suggestion')
    .column('day')
    .where(sql.ref('reviewed'), '=', false)
    .execute();

  // Receipts for suggestions and kudos: only the keyed hash of the 128-bit secret is kept.
  await db.schema
    .createTable('thread_receipt')
    .addColumn('receipt_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('suggestion', 'kudos')`))
    .addColumn('item_id', 'uuid', (c) => c.notNull())
    .addUniqueConstraint('thread_receipt_item', ['kind', 'item_id'])
    .execute();

  // The two-way conversation between moderators and an anonymous author, ordered per thread by seq.
  await db.schema
    .createTable('thread_message')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('suggestion', 'kudos')`))
    .addColumn('item_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull().check(sql`sender in ('moderator', 'author')`))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 4000`))
    .addColumn('day', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .addUniqueConstraint('thread_message_seq', ['kind', 'item_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['thread_message', 'thread_receipt', 'suggestion']) {
    await db.schema.dropTable(table).execute();
  }
}
