import type { Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19: whether a theme is pinned is the engine's own answer (a pin follows the comments it was made on,
// through merges and new ids), stored with the theme, so every view ranks and badges it the same way. Written
// by the next snapshot save; until then no theme reads as pinned.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('theme')
    .addColumn('pinned', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('theme').dropColumn('pinned').execute();
}
