import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('token_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Unique among stored keys: a TokenRequest carries only this byte to name its key.
    .addColumn('truncated_id', 'integer', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`truncated_id between 0 and 255`),
    )
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('token_key', 'bytea', (c) => c.notNull())
    .addColumn('private_key', 'bytea', (c) => c.notNull())
    .addColumn('budget', 'integer', (c) => c.notNull().check(sql`budget >= 1`))
    .addColumn('not_before', 'timestamptz', (c) => c.notNull())
    .addColumn('not_after', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('token_key_window', sql`not_after > not_before`)
    .execute();
  // Two nodes racing to create the same epoch's key: one wins, the other reads it.
  await db.schema
    .createIndex('token_key_scope_start')
    .on('token_key')
    .columns(['scope', 'not_before'])
    .unique()
    .execute();

  await db.schema
    .createTable('enrolment_batch')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('enrolment_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'uuid', (c) => c.notNull().references('enrolment_batch.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('used', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('enrolment_code_batch').on('enrolment_code').column('batch_id').execute();

  await db.schema
    .createTable('member')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('token_issuance')
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('member.id').onDelete('cascade'))
    .addColumn('key_id', 'text', (c) => c.notNull().references('token_key.id').onDelete('cascade'))
    .addColumn('issued', 'integer', (c) => c.notNull().check(sql`issued >= 0`))
    .addPrimaryKeyConstraint('token_issuance_pk', ['member_id', 'key_id'])
    .execute();
  await db.schema.createIndex('token_issuance_key').on('token_issuance').column('key_id').execute();

  await db.schema
    .createTable('spent_token')
    .addColumn('nullifier', 'bytea', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull().references('token_key.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('spent_token_key').on('spent_token').column('key_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'spent_token',
    'token_issuance',
    'member',
    'enrolment_code',
    'enrolment_batch',
    'token_key',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
