import type { Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19, third part: pulse comments answer different questions, so a theme's pulse comments are charted
// one line per question, not one line across them. Each theme item keeps the question it answers:
// - prompt: the question's text (a repeated question is one line);
// - prompt_asked_on: the day that asking opened (one point per asking: a pulse takes one answer per person,
//   so a point's count is a count of people and the minimum group size applies to it as it stands).
// Both null for text that answers no question (suggestions, kudos, …). Derived data, like the rest of the row.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('theme_item')
    .addColumn('prompt', 'text')
    .addColumn('prompt_asked_on', 'date')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('theme_item').dropColumn('prompt_asked_on').dropColumn('prompt').execute();
}
