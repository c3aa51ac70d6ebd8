import type { Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19: whether a theme is pinned is the engine's own answer (a pin follows the comments it was made on,
// through merges and new ids), stored with the theme, so every view ranks and badges it the same way. Written
// by every snapshot save; until the first, the themes a pin correction was made on read as pinned (as the
// moderators' page showed them before).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('theme')
    .addColumn('pinned', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
  await db
    .updateTable('theme')
    .set({ pinned: true })
    .where('id', 'in', db.selectFrom('theme_correction').select('theme_id').where('kind', '=', 'pin'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('theme').dropColumn('pinned').execute();
}
