import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19: a theme's sentiment is the distribution of its comments, not one number. Each theme keeps the
// shares of its comments read as positive, neutral and negative (each comment's own sentiment), written with
// the rest of the theme by the next snapshot save; until then an existing theme reads as all neutral.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('theme')
    .addColumn('tone', 'jsonb', (column) =>
      column.notNull().defaultTo(sql`'{"positive":0,"neutral":1,"negative":0}'::jsonb`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('theme').dropColumn('tone').execute();
}
