// The promise of DESIGN §2 with enrolment through the company's OpenID provider: holding every table and
// every log line, an operator cannot link a person the provider knows (their subject, email, name,
// groups), nor their member_sso / oidc_login rows, to anything anonymous they wrote. Ten people enrol
// through a real oidc-provider, each submits through real HTTP, one re-enrols on a second device; then
// everything is dumped and searched. (The cheap database checks; the browser timing attack is
// test/attacks/linkability.test.ts.)
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp } from '../helpers/build.ts';
import { claim, signIn, startIdp, type Person, type TestIdp } from '../helpers/idp.ts';
import { obtainTokens } from '../helpers/members.ts';

const PEOPLE = 10;
const people: Record<string, Person> = Object.fromEntries(
  Array.from({ length: PEOPLE }, (_, index) => [
    `subject-${index}-${(index * 7919).toString(16)}`,
    {
      groups: ['acme-employees', index % 2 ? 'acme-finance' : 'acme-it-ops'],
      email: `person${index}.surname@acme.example`,
      name: `Person${index} Surname`,
    },
  ]),
);

let idp: TestIdp;
let t: Awaited<ReturnType<typeof createTestApp>>;
interface Trace {
  subject: string;
  credentials: string[];
  tokens: string[];
  ip: string;
  userAgent: string;
  receipt: string;
}
const traces: Trace[] = [];
const MEMBERSHIP_TABLES = new Set(['member', 'member_sso', 'token_issuance']);

async function enrol(login: string): Promise<string> {
  const signedIn = await signIn(t.app, idp, login);
  expect(signedIn.landing).toBe('/#/enrol?sso=done');
  const claimed = await claim(t.app, signedIn);
  expect(claimed.statusCode, claimed.body).toBe(201);
  return claimed.json().credential;
}

beforeAll(async () => {
  idp = await startIdp(people);
  t = await createTestApp(
    idp.env({
      OIDC_ALLOWED_GROUPS: 'acme-employees',
      OIDC_SCOPES: 'openid groups email profile',
      OIDC_DEPARTMENT_CLAIM: 'groups',
      OIDC_DEPARTMENT_MAP: 'acme-it-ops=IT Operations;acme-finance=Finance',
    }),
  );
  for (const name of ['IT Operations', 'Finance'])
    await t.app.db.insertInto('department').values({ name, kind: 'backstage' }).execute();
  for (const [index, subject] of Object.keys(people).entries()) {
    const credential = await enrol(subject);
    const tokens = await obtainTokens(t.app, credential, 'general', 2);
    const ip = `10.40.50.${index + 1}`;
    const userAgent = `Mozilla/5.0 (Greenroom OIDC linkage probe ${index + 1})`;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      remoteAddress: ip,
      headers: { authorization: tokens[0]!, 'user-agent': userAgent, 'x-forwarded-for': ip },
      payload: { text: `Suggestion ${index + 1}: the expense tool logs everyone out at noon.` },
    });
    expect(response.statusCode, response.body).toBe(201);
    traces.push({
      subject,
      credentials: [credential],
      tokens,
      ip,
      userAgent,
      receipt: response.json().receipt,
    });
  }
  // A new device: the same person again, and a suggestion from the new credential.
  const again = traces[3]!;
  const credential = await enrol(again.subject);
  again.credentials.push(credential);
  const [token] = await obtainTokens(t.app, credential, 'general', 1);
  again.tokens.push(token!);
  const second = await t.app.inject({
    method: 'POST',
    url: '/api/suggestions',
    headers: { authorization: token! },
    payload: { text: 'From my new laptop: the expense tool still logs everyone out at noon.' },
  });
  expect(second.statusCode, second.body).toBe(201);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

async function dump(): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(
    t.app.db,
  );
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const { name } of tables.rows)
    out[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.app.db)).rows;
  return out;
}
const cellText = (value: unknown): string => {
  if (value instanceof Uint8Array)
    return Buffer.from(value).toString('hex') + ' ' + Buffer.from(value).toString('base64url');
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('nothing the provider knows, and no membership row, reaches any other table or a log line', async () => {
  const tables = await dump();
  expect(tables.member).toHaveLength(PEOPLE);
  expect(tables.member_sso).toHaveLength(PEOPLE);
  // Every sign-in under way was taken when the provider sent the browser back.
  expect(tables.oidc_login).toEqual([]);

  const identity = Object.entries(people).flatMap(([subject, person]) => [
    subject,
    person.email!,
    person.name!,
    // An operator holding a directory of subjects cannot recompute the stored hash without the master secret.
    sha256(`${idp.issuer}\n${subject}`),
    sha256(subject),
  ]);
  const secrets = traces.flatMap((trace) => [
    ...trace.credentials,
    ...trace.tokens.map((header) => /token="([^"]+)"/.exec(header)![1]!),
    trace.receipt,
    trace.ip,
    trace.userAgent,
  ]);
  const membership = [
    ...tables.member!.map((row) => String(row.id)),
    ...tables.member!.map((row) => String(row.credential_hash)),
    ...tables.member_sso!.map((row) => String(row.subject_hash)),
  ];
  const failures: string[] = [];
  for (const [table, rows] of Object.entries(tables))
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) {
        const text = cellText(value);
        for (const needle of [...identity, ...secrets])
          if (text.includes(needle)) failures.push(`${table}.${column} holds "${needle.slice(0, 24)}…"`);
        // The provider's group names are kept nowhere either (they map to a department id).
        for (const group of ['acme-employees', 'acme-finance', 'acme-it-ops'])
          if (text.includes(group)) failures.push(`${table}.${column} holds the group ${group}`);
        if (!MEMBERSHIP_TABLES.has(table))
          for (const id of membership)
            if (text.includes(id)) failures.push(`${table}.${column} names a member (${id.slice(0, 12)}…)`);
      }
  for (const line of t.rawLogs)
    for (const needle of [...identity, ...secrets, ...membership])
      if (line.includes(needle))
        failures.push(`a log line holds "${needle.slice(0, 24)}…": ${line.slice(0, 120)}`);
  expect(failures).toEqual([]);
});

test('member_sso and oidc_login hold only what they must: no time, no link outward, nothing anonymous points at them', async () => {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' and table_name in ('member', 'member_sso', 'oidc_login')
    order by table_name, ordinal_position`.execute(t.app.db);
  const of = (table: string) =>
    columns.rows.filter((c) => c.table_name === table).map((c) => `${c.column_name}:${c.data_type}`);
  expect(of('member_sso')).toEqual(['subject_hash:text', 'member_id:uuid']);
  // The one time here is a sign-in's expiry (ten minutes), on a row deleted when the browser returns.
  expect(of('oidc_login')).toEqual([
    'state_hash:text',
    'nonce:text',
    'code_verifier:text',
    'expires_at:timestamp with time zone',
  ]);
  expect(of('member').filter((c) => /time|date/.test(c))).toEqual([]);

  const foreignKeys = await sql<{ from_table: string; to_table: string }>`
    select distinct tc.table_name as from_table, ccu.table_name as to_table
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`.execute(t.app.db);
  const touching = foreignKeys.rows.filter((fk) =>
    ['member', 'member_sso', 'oidc_login'].some((name) => fk.from_table === name || fk.to_table === name),
  );
  // A member's department is membership data (per-department enrolment makes k count people).
  expect(touching.sort((a, b) => a.from_table.localeCompare(b.from_table))).toEqual([
    { from_table: 'member', to_table: 'department' },
    { from_table: 'member_sso', to_table: 'member' },
    { from_table: 'token_issuance', to_table: 'member' },
  ]);
});

test('re-enrolment on a new device adds no row and no time: the operator sees one membership, its count unchanged', async () => {
  const rows = await t.app.db.selectFrom('member_sso').select(['subject_hash', 'member_id']).execute();
  expect(new Set(rows.map((row) => row.member_id)).size).toBe(PEOPLE);
  const issued = await t.app.db.selectFrom('token_issuance').select(['member_id', 'issued']).execute();
  // Every member's issuance row says how many, never when: the re-enrolled one took 2 then 1 more.
  expect(issued.map((row) => row.issued).sort()).toEqual([...Array(PEOPLE - 1).fill(2), 3].sort());
  const suggestions = await t.app.db.selectFrom('suggestion').select('id').execute();
  expect(suggestions).toHaveLength(PEOPLE + 1);
});
