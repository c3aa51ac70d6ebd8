import type { Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19: a theme hidden as noise keeps the ids of the comments it held, so that when the hide is undone
// the next computation starts them together again under its id (known by its name alone, its comments
// joined a neighbouring theme and an action made from it lost its card). Null on every shown theme.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('theme').addColumn('hidden_items', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('theme').dropColumn('hidden_items').execute();
}
