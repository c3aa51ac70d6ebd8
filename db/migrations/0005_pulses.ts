import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pulse')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('question', 'text', (c) => c.notNull().check(sql`char_length(question) between 1 and 500`))
    .addColumn('scale', 'text', (c) => c.notNull().check(sql`scale in ('0-10', '1-5')`))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('pulse_dates', sql`closes_on >= opens_on`)
    .execute();
  await db.schema.createIndex('pulse_dates_idx').on('pulse').columns(['opens_on', 'closes_on']).execute();

  // Anonymous answers: random uuid ids, a calendar day, nothing that links to a member.
  await db.schema
    .createTable('pulse_response')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('pulse_id', 'uuid', (c) => c.notNull().references('pulse.id').onDelete('cascade'))
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 10`))
    .addColumn('comment', 'text', (c) => c.check(sql`char_length(comment) between 1 and 2000`))
    .addColumn('own_department_id', 'uuid', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('day', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .execute();
  await db.schema.createIndex('pulse_response_pulse_idx').on('pulse_response').column('pulse_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pulse_response').execute();
  await db.schema.dropTable('pulse').execute();
}
