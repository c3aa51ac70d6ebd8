import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// A moderator maps an employee theme to a journey stage (issue 18), next to the engine's department and
// the stage's declared touchpoint words. Keyed by stage key, so the mapping carries over to new versions
// that keep the stage. No foreign key to theme: themes keep their ids across recomputes and a retired
// theme simply stops showing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journey_stage_theme')
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id').onDelete('cascade'))
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'uuid', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('journey_stage_theme_pk', ['journey_id', 'stage_key', 'theme_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('journey_stage_theme').execute();
}
