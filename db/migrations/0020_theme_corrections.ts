import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Moderator corrections to trending themes (issue 19): rename, merge, pin, hide as noise. The engine
// applies them on every recompute. A theme is named by id and by the comments it held when the
// correction was made (the public snapshot has its own ids; a merged-away theme loses its id). No
// foreign key to theme: themes keep their ids across recomputes and are retired, never deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme_correction')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rename', 'merge', 'pin', 'hide')`))
    .addColumn('theme_id', 'uuid', (c) => c.notNull())
    .addColumn('into_theme_id', 'uuid')
    .addColumn('label', 'text')
    .addColumn('anchor_items', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('into_anchor_items', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_correction').execute();
}
