import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// OIDC enrolment (issue 21). `member_sso` holds one row per person: a keyed hash (HMAC under the server's
// master secret) of issuer + subject and the member it enrolled. It is identified data, like the member
// row itself: nothing anonymous (a spent token, a suggestion) points at either. Re-enrolment swaps the
// member's credential hash, so the budget already taken stays taken.
// `oidc_login` is a sign-in under way: its state (hashed), nonce and PKCE verifier, for ten minutes.
// Deleted when the provider sends the person back, so a replayed state finds nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_sso')
    .addColumn('subject_hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().unique().references('member.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createTable('oidc_login')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now() + interval '10 minutes'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oidc_login').execute();
  await db.schema.dropTable('member_sso').execute();
}
