import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Theme snapshots are derived data (rebuilt by the recompute job); theme_item copies day-level,
// anonymous fields only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('public', 'all')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('keywords', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('signature', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('trend', 'text', (c) =>
      c.notNull().check(sql`trend in ('emerging', 'rising', 'steady', 'fading')`),
    )
    .addColumn('trend_test', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('sentiment', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('daily', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('quotes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('rank', 'integer')
    .addColumn('first_seen', 'date', (c) => c.notNull())
    .addColumn('last_seen', 'date', (c) => c.notNull())
    .addColumn('retired', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('theme_scope_idx').on('theme').columns(['scope', 'retired', 'rank']).execute();

  await db.schema
    .createTable('theme_item')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('public', 'all')`))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('theme.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('suggestion', 'kudos', 'pulse', 'focus-group')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('published', 'boolean', (c) => c.notNull())
    .addColumn('department_id', 'uuid')
    .addColumn('status', 'text')
    .addColumn('sentiment', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('centrality', 'double precision', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('theme_item_pk', ['scope', 'item_id'])
    .execute();
  await db.schema.createIndex('theme_item_theme_idx').on('theme_item').columns(['theme_id', 'day']).execute();

  await db.schema
    .createTable('theme_run')
    .addColumn('scope', 'text', (c) => c.primaryKey().check(sql`scope in ('public', 'all')`))
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('first_day', 'date')
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('theme_count', 'integer', (c) => c.notNull())
    .addColumn('unclustered', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('incremental', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_item').execute();
  await db.schema.dropTable('theme_run').execute();
  await db.schema.dropTable('theme').execute();
}
