import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19, second part:
// - theme.fingerprint, theme_item.fingerprint: a hash of everything a snapshot writes for the row, so a
//   snapshot save writes only the rows that changed (diff against the stored assignment) instead of
//   deleting and re-inserting every row on the main connection. '' (existing rows) never matches, so each
//   old row is rewritten once.
// - theme_correction: two more kinds, 'move' (comments to another theme) and 'split' (comments out of a
//   theme into a new one), and item_ids (the comments a move or split names).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('theme')
    .addColumn('fingerprint', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('theme_item')
    .addColumn('fingerprint', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`alter table theme_correction drop constraint if exists theme_correction_kind_check`.execute(db);
  await sql`alter table theme_correction add constraint theme_correction_kind_check
    check (kind in ('rename', 'merge', 'pin', 'hide', 'move', 'split'))`.execute(db);
  await db.schema
    .alterTable('theme_correction')
    .addColumn('item_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('theme_correction').dropColumn('item_ids').execute();
  await sql`delete from theme_correction where kind in ('move', 'split')`.execute(db);
  await sql`alter table theme_correction drop constraint if exists theme_correction_kind_check`.execute(db);
  await sql`alter table theme_correction add constraint theme_correction_kind_check
    check (kind in ('rename', 'merge', 'pin', 'hide'))`.execute(db);
  await db.schema.alterTable('theme_item').dropColumn('fingerprint').execute();
  await db.schema.alterTable('theme').dropColumn('fingerprint').execute();
}
