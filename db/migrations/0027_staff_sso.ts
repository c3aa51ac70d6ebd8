import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Staff sign-in through the company's OpenID provider (issue 21).
// - staff.idp_subject_hash: a keyed hash (HMAC under the server's master secret, a purpose of its own, so
//   it never equals the employee enrolment's member_sso hash of the same person) of issuer + subject. Set
//   for accounts the provider signs in, null for local (password) accounts. The account is found by it,
//   never by a username or an email the provider sends.
// - staff.password_hash becomes nullable: a provider account has no password.
// - staff_oidc_login: a staff sign-in under way (state hashed, nonce, PKCE verifier) for ten minutes,
//   deleted when the provider sends the browser back, so a replayed state finds nothing. Apart from the
//   employees' oidc_login so a state begun for one flow can never finish the other.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('idp_subject_hash', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .alterTable('staff')
    .alterColumn('password_hash', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .createTable('staff_oidc_login')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now() + interval '10 minutes'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_oidc_login').execute();
  await db.deleteFrom('staff').where('password_hash', 'is', null).execute();
  await db.schema
    .alterTable('staff')
    .alterColumn('password_hash', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('staff').dropColumn('idp_subject_hash').execute();
}
