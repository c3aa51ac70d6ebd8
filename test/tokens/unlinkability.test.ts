// The promise of DESIGN §2: holding every table and every log line, an operator cannot tell which
// member wrote which item. 20 members enrol and each submits through real HTTP; then everything is
// dumped and searched for anything that would link an anonymous row to a member or a code.
import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { createCodes, enrolWith, obtainTokens } from '../helpers/members.ts';

const t = build();
const MEMBERS = 20;

interface Trace {
  code: string;
  credential: string;
  tokens: string[];
  ip: string;
  userAgent: string;
  created: { id: string; receipt: string };
}
const traces: Trace[] = [];
let window: { from: number; to: number };
/** Row counts before the submissions: tables that gain a row per submission hold the anonymous rows. */
let countsBefore: Record<string, number> = {};

// Tables that legitimately name a member or a code (membership itself is not secret; actions are).
const MEMBERSHIP_TABLES = new Set(['member', 'token_issuance', 'enrolment_code', 'enrolment_batch']);
const STAFF_TABLES = new Set([
  'staff',
  'staff_session',
  'audit_log',
  'setting',
  'department',
  'token_key',
  'key_log',
]);

beforeAll(async () => {
  const codes = await createCodes(t.app, MEMBERS);
  const departments = await t.app.db.selectFrom('department').select('id').execute();
  countsBefore = Object.fromEntries(Object.entries(await dump()).map(([name, rows]) => [name, rows.length]));
  window = { from: Date.now(), to: 0 };
  for (const [index, code] of codes.entries()) {
    const ip = `10.20.30.${index + 1}`;
    const userAgent = `Mozilla/5.0 (Greenroom linkage probe ${index + 1})`;
    const credential = await enrolWith(t.app, code);
    const tokens = await obtainTokens(t.app, credential, 'general', 2);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      remoteAddress: ip,
      headers: { authorization: tokens[0]!, 'user-agent': userAgent, 'x-forwarded-for': ip },
      payload: {
        text: `Suggestion number ${index + 1}: the branch printers keep jamming on Monday mornings.`,
        ...(departments[0] ? { concernsDepartmentId: departments[0].id } : {}),
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    traces.push({ code, credential, tokens, ip, userAgent, created: response.json() });
  }
  window.to = Date.now();
});

async function dump(): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(
    t.app.db,
  );
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const { name } of tables.rows) {
    out[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.app.db)).rows;
  }
  return out;
}

const cellText = (value: unknown): string => {
  if (value instanceof Uint8Array)
    return Buffer.from(value).toString('hex') + ' ' + Buffer.from(value).toString('base64url');
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
};

test('nothing in any table or log line links an anonymous row to a member or a code', async () => {
  const tables = await dump();
  const memberIds = (tables.member ?? []).map((row) => String(row.id));
  const credentialHashes = (tables.member ?? []).map((row) => String(row.credential_hash));
  expect(memberIds).toHaveLength(MEMBERS + 0);
  const codeIds = traces.map((trace) => trace.code.replace(/-/g, '').slice(0, 8));

  // Secrets a member holds: never stored or logged anywhere, in any form we can think of.
  const secrets = traces.flatMap((trace) => [
    trace.credential,
    trace.code,
    trace.code.replace(/-/g, ''),
    ...trace.tokens.map((header) => /token="([^"]+)"/.exec(header)![1]!),
    trace.created.receipt,
  ]);
  // What the network says about a person: never stored or logged.
  const network = traces.flatMap((trace) => [trace.ip, trace.userAgent]);
  // Membership identifiers: only in the membership tables.
  const membership = [...memberIds, ...credentialHashes, ...codeIds];

  const failures: string[] = [];
  for (const [table, rows] of Object.entries(tables)) {
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = cellText(value);
        for (const secret of [...secrets, ...network])
          if (text.includes(secret)) failures.push(`${table}.${column} holds "${secret.slice(0, 20)}…"`);
        if (!MEMBERSHIP_TABLES.has(table)) {
          for (const id of membership)
            if (text.includes(id))
              failures.push(`${table}.${column} names a member or code (${id.slice(0, 12)}…)`);
        }
      }
    }
  }
  for (const line of t.rawLogs) {
    for (const secret of [...secrets, ...network, ...memberIds, ...credentialHashes]) {
      if (line.includes(secret))
        failures.push(`a log line holds "${secret.slice(0, 20)}…": ${line.slice(0, 120)}`);
    }
    if (/remoteAddress|user-agent|userAgent|x-forwarded-for/i.test(line))
      failures.push(`a log line names the client: ${line.slice(0, 160)}`);
  }
  expect(failures).toEqual([]);
});

test('no foreign key reaches a member or a code from outside the membership tables', async () => {
  const foreignKeys = await sql<{ from_table: string; to_table: string }>`
    select distinct tc.table_name as from_table, ccu.table_name as to_table
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`.execute(t.app.db);
  const reaching = foreignKeys.rows.filter((fk) => ['member', 'enrolment_code'].includes(fk.to_table));
  // member_sso (OIDC enrolment: a keyed hash of the IdP subject → its member) is identified data, like
  // the member row; nothing anonymous points at either.
  expect(reaching.sort((a, b) => a.from_table.localeCompare(b.from_table))).toEqual([
    { from_table: 'member_sso', to_table: 'member' },
    { from_table: 'token_issuance', to_table: 'member' },
  ]);
  // And the membership tables carry no time at all: an enrolment cannot be matched to a first action.
  const times = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and table_name in ('member', 'member_sso', 'token_issuance', 'enrolment_code', 'spent_token')
      and data_type in ('timestamp with time zone', 'timestamp without time zone', 'date', 'time without time zone')`.execute(
    t.app.db,
  );
  expect(times.rows).toEqual([]);
});

test('anonymous rows written by the submissions carry no time finer than a day and no sequential id', async () => {
  const tables = await dump();
  const failures: string[] = [];
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    column_default: string | null;
  }>`
    select table_name, column_name, data_type, column_default from information_schema.columns where table_schema = 'public'`.execute(
    t.app.db,
  );
  // Tables that gained a row per submission (the items, their spent tokens): the anonymous rows.
  // Derived bookkeeping (a themes recompute, say) is not tied to one person's row.
  const anonymousTables = Object.keys(tables).filter(
    (name) =>
      !MEMBERSHIP_TABLES.has(name) &&
      !STAFF_TABLES.has(name) &&
      tables[name]!.length - (countsBefore[name] ?? 0) >= MEMBERS,
  );
  expect(anonymousTables.length).toBeGreaterThanOrEqual(2);
  for (const table of anonymousTables) {
    for (const column of columns.rows.filter((c) => c.table_name === table)) {
      if (column.column_default?.startsWith('nextval'))
        failures.push(`${table}.${column.column_name} is a sequence`);
      if (!column.data_type.startsWith('timestamp')) continue;
      for (const row of tables[table]!) {
        const value = row[column.column_name];
        if (!(value instanceof Date)) continue;
        // A submission-time instant would let an operator line rows up with issuance or access logs.
        if (value.getTime() >= window.from - 1000 && value.getTime() <= window.to + 1000) {
          failures.push(
            `${table}.${column.column_name} records the moment of a submission (${value.toISOString()})`,
          );
        }
      }
    }
  }
  expect(failures).toEqual([]);
  // Issuance records are identical for everyone: how many, never when or which.
  const issued = (tables.token_issuance ?? []).map((row) => row.issued);
  expect(new Set(issued)).toEqual(new Set([2]));
});
