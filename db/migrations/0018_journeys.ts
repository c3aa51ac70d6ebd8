import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Customer journeys and the service blueprint (issue 18). Staff content, not anonymous.
// - journey: one customer journey (its identity; the content lives in versions).
// - journey_version: every edit inserts a new version, numbered 1, 2, …; a version is never updated,
//   so the past of a journey can always be read back exactly as it was.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journey')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .createTable('journey_version')
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 120`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('journey_version_pk', ['journey_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('journey_version').execute();
  await db.schema.dropTable('journey').execute();
}
