import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// State every node must share once several nodes run on one database:
// - throttle: rate-limit counters, login back-off and budgets. Keys are keyed hashes (never a username,
//   code or address in clear); rows are short-lived and purged when their window ends.
// - job_lease: one writer per background job. A node holds a job's lease while it works and renews it;
//   a node that crashes stops renewing, the lease expires and another node takes the job over.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('resets_at', 'timestamptz', (c) => c.notNull())
    .addColumn('blocked_until', 'timestamptz')
    .execute();
  await db.schema.createIndex('throttle_resets_at_idx').on('throttle').column('resets_at').execute();
  await db.schema
    .createTable('job_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('requested_at', 'timestamptz')
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_lease').execute();
  await db.schema.dropTable('throttle').execute();
}
