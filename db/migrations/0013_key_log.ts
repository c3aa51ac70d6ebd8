import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// The public key log: every issuer key ever published, append-only and hash-chained so a browser or
// an auditor can tell when the operator adds, changes or drops a key (DESIGN §2.9). Entries outlive
// their keys. The hash below is version 1 of common/key-log.ts `entryHash`, copied here on purpose:
// a migration must not change when the app's code does.
const GENESIS_HASH = '0'.repeat(64);
const hashV1 = (fields: [number, string, string, string, string, string]) =>
  createHash('sha256')
    .update(JSON.stringify(['greenroom-key-log/1', ...fields]))
    .digest('hex');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('key_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().check(sql`seq >= 1`))
    .addColumn('scope', 'text', (c) => c.notNull())
    // token_key_id, hex SHA-256 of the SPKI. No foreign key: the entry stays when the key is retired.
    .addColumn('token_key_id', 'text', (c) => c.notNull().unique())
    .addColumn('not_before', 'timestamptz', (c) => c.notNull())
    .addColumn('not_after', 'timestamptz', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addCheckConstraint('key_log_window', sql`not_after > not_before`)
    .execute();
  // Each entry names its predecessor: a second entry with the same prev_hash (a fork) cannot be stored.
  await db.schema.createIndex('key_log_prev_hash').on('key_log').column('prev_hash').unique().execute();

  // Append-only against accidents (a stray UPDATE or DELETE); the defence against a malicious operator
  // is that people and auditors compare the head from outside.
  await sql`create function key_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'key_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger key_log_no_update_or_delete before update or delete on key_log
    for each row execute function key_log_append_only()`.execute(db);
  await sql`create trigger key_log_no_truncate before truncate on key_log
    for each statement execute function key_log_append_only()`.execute(db);

  // Backfill the keys that exist already, oldest first.
  const keys = await db
    .selectFrom('token_key')
    .select(['id', 'scope', 'not_before', 'not_after'])
    .orderBy('not_before')
    .orderBy('id')
    .execute();
  let prevHash = GENESIS_HASH;
  for (const [index, key] of keys.entries()) {
    const seq = index + 1;
    const notBefore = new Date(key.not_before).toISOString();
    const notAfter = new Date(key.not_after).toISOString();
    const hash = hashV1([seq, key.scope, key.id, notBefore, notAfter, prevHash]);
    await db
      .insertInto('key_log')
      .values({
        seq,
        scope: key.scope,
        token_key_id: key.id,
        not_before: notBefore,
        not_after: notAfter,
        prev_hash: prevHash,
        hash,
      })
      .execute();
    prevHash = hash;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('key_log').execute();
  await sql`drop function key_log_append_only()`.execute(db);
}
