import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19, "create an action": a moderator turns a theme into a public status-board item employees follow.
// - theme_id: the moderators' theme it came from. Themes are retired, not deleted, but the action is a public
//   promise that must outlive its theme, so the link is nullable and a theme row that ever goes lets go of it.
// - title, description, response: only what the moderator wrote is public (a moderators' theme label can carry
//   words from held comments); status follows the suggestions' lifecycle words from `planned` on.
// - day, updated_day: the only times kept (public output carries days, nothing finer).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme_action')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('theme_id', 'uuid', (c) => c.references('theme.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 3 and 120`))
    .addColumn('description', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(description) <= 1000`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'in_progress', 'done', 'wont_do')`),
    )
    .addColumn('response', 'text', (c) => c.check(sql`char_length(response) <= 2000`))
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('updated_day', 'date', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('theme_action_theme_idx').on('theme_action').column('theme_id').execute();
  await db.schema
    .createIndex('theme_action_updated_idx')
    .on('theme_action')
    .columns(['updated_day desc', 'day desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('theme_action').execute();
}
