import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Anonymous rows: random uuid ids, a calendar day (never a timestamp), nothing that links to a member.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kudos')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addColumn('story', 'text', (c) => c.notNull().check(sql`char_length(story) between 1 and 4000`))
    .addColumn('moderation', 'text', (c) =>
      c.notNull().check(sql`moderation in ('pending', 'published', 'rejected')`),
    )
    .addColumn('reviewed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reject_reason', 'text')
    .addColumn('redacted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('featured', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('pii_flags', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('day', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .execute();
  await db.schema
    .createIndex('kudos_department_idx')
    .on('kudos')
    .columns(['department_id', 'moderation', 'day'])
    .execute();
  await db.schema.createIndex('kudos_moderation_idx').on('kudos').columns(['moderation', 'day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kudos').execute();
}
