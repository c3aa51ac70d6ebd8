import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { CODE_ALPHABET } from '../../server/tokens/codes.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { createCodes, enrolWith } from '../helpers/members.ts';

const t = build();
let admin: SignedInStaff;
beforeAll(async () => {
  admin = await given(t.app).staff('admin');
});

const enrol = (code: unknown) => t.app.inject({ method: 'POST', url: '/api/enrol', payload: { code } });
const CODE = new RegExp(`^[${CODE_ALPHABET}]{4}(-[${CODE_ALPHABET}]{4}){3}$`);

describe('enrolment codes (admin)', () => {
  test('an admin generates codes: shown once, easy to type, stored only as id + argon2id, audited', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/enrolment-codes',
      headers: admin.headers,
      payload: { count: 5 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { codes, batchId } = response.json();
    expect(codes).toHaveLength(5);
    for (const code of codes) expect(code).toMatch(CODE);
    expect(new Set(codes).size).toBe(5);

    const rows = await t.app.db
      .selectFrom('enrolment_code')
      .select(['id', 'secret_hash', 'batch_id'])
      .where('batch_id', '=', batchId)
      .execute();
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.secret_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      const code = codes.find((c: string) => c.replace(/-/g, '').startsWith(row.id))!;
      expect(row.secret_hash).not.toContain(code.replace(/-/g, '').slice(8));
    }
    const entries = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'staff_id', 'target_id', 'detail'])
      .where('action', '=', 'enrolment-codes.create')
      .execute();
    expect(entries).toContainEqual({
      action: 'enrolment-codes.create',
      staff_id: admin.id,
      target_id: batchId,
      detail: { count: 5, departmentId: null },
    });
    expect(JSON.stringify(entries)).not.toContain(codes[0]);
  });

  test('codes minted for a department enrol members of it: the member row carries it, the week is counted', async () => {
    const legal = await departmentId(t.app, 'Legal & Compliance');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/admin/enrolment-codes',
      headers: admin.headers,
      payload: { count: 1, departmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe('unknown_department');
    const [code] = await createCodes(t.app, 1, legal);
    const response = await t.app.inject({ method: 'POST', url: '/api/enrol', payload: { code } });
    expect(response.statusCode).toBe(201);
    expect(response.json().departmentId).toBe(legal);
    const hash = t.app.secrets.hmac('member-credential', response.json().credential);
    const member = await t.app.db
      .selectFrom('member')
      .select('department_id')
      .where('credential_hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect(member.department_id).toBe(legal);
    const tally = await t.app.db.selectFrom('enrolment_week').selectAll().execute();
    expect(tally).toEqual([{ department_id: legal, week: expect.any(String), enrolled: 1 }]);
  });

  test('batches list who generated them and how many were used; unused codes can be revoked', async () => {
    const [used, lost] = await createCodes(t.app, 2);
    await enrolWith(t.app, used!);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/enrolment-codes',
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    const batch = list
      .json()
      .batches.find((b: { count: number; used: number }) => b.count === 2 && b.used === 1);
    expect(batch).toEqual({
      id: expect.any(String),
      createdAt: expect.any(String),
      createdBy: expect.any(String),
      count: 2,
      used: 1,
      unused: 1,
      departmentId: null,
    });

    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/admin/enrolment-codes/batches/${batch.id}/revoke`,
      headers: admin.headers,
    });
    expect(revoke.json()).toEqual({ revoked: 1 });
    expect((await enrol(lost)).json().error).toBe('invalid_code');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/admin/enrolment-codes/batches/00000000-0000-4000-8000-000000000000/revoke',
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('a moderator cannot generate codes (403), nobody signed in cannot (401); nothing is written', async () => {
    const moderator = await given(t.app).staff('moderator');
    const before = await t.app.db.selectFrom('enrolment_code').select('id').execute();
    const asModerator = await t.app.inject({
      method: 'POST',
      url: '/api/admin/enrolment-codes',
      headers: moderator.headers,
      payload: { count: 1 },
    });
    expect(asModerator.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/admin/enrolment-codes',
      payload: { count: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/enrolment-codes', headers: moderator.headers }))
        .statusCode,
    ).toBe(403);
    expect(await t.app.db.selectFrom('enrolment_code').select('id').execute()).toHaveLength(before.length);
  });

  test('a count outside 1..500 is refused', async () => {
    for (const count of [0, 501, 'ten', 2.5]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/admin/enrolment-codes',
        headers: admin.headers,
        payload: { count },
      });
      expect(response.statusCode).toBe(400);
    }
  });
});

describe('enrolling', () => {
  test('a code becomes a 256-bit credential stored only as a keyed hash; the code is burnt', async () => {
    const [code] = await createCodes(t.app, 1);
    const response = await enrol(code);
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { credential } = response.json();
    expect(credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(credential, 'base64url')).toHaveLength(32);

    const members = await t.app.db.selectFrom('member').select(['id', 'credential_hash']).execute();
    const hash = t.app.secrets.hmac('member-credential', credential);
    expect(members.filter((m) => m.credential_hash === hash)).toHaveLength(1);
    expect(JSON.stringify(members)).not.toContain(credential);
    // A used code is gone: no row is left to say which code a member came from.
    const codeRow = await t.app.db
      .selectFrom('enrolment_code')
      .select('id')
      .where('id', '=', code!.replace(/-/g, '').slice(0, 8))
      .executeTakeFirst();
    expect(codeRow).toBeUndefined();
  });

  test('the operator cannot tie a member to its code by transaction: no write of the enrolment shares the member’s xid', async () => {
    const [code] = await createCodes(t.app, 1);
    const batch = await t.app.db
      .selectFrom('enrolment_code')
      .select('batch_id')
      .where('id', '=', code!.replace(/-/g, '').slice(0, 8))
      .executeTakeFirstOrThrow();
    const credential = await enrolWith(t.app, code!);
    const member = await sql<{ xid: string }>`select xmin::text as xid from member
      where credential_hash = ${t.app.secrets.hmac('member-credential', credential)}`.execute(t.app.db);
    const memberXid = member.rows[0]!.xid;
    // Every row of the code's batch and every code still waiting: none was written by the member's transaction.
    const enrolmentRows = await sql<{ xid: string }>`
      select xmin::text as xid from enrolment_batch where id = ${batch.batch_id}
      union all select xmin::text from enrolment_code where batch_id = ${batch.batch_id}`.execute(t.app.db);
    for (const row of enrolmentRows.rows) expect(row.xid).not.toBe(memberXid);
    expect(
      await t.app.db
        .selectFrom('enrolment_code')
        .select('id')
        .where('batch_id', '=', batch.batch_id)
        .execute(),
      'a used code is deleted, not kept',
    ).toHaveLength(0);
  });

  test('typed the way people type: lower case, spaces, no dashes', async () => {
    const [code] = await createCodes(t.app, 1);
    const sloppy = ` ${code!.toLowerCase().replace(/-/g, ' ')} `;
    expect((await enrol(sloppy)).statusCode).toBe(201);
  });

  test('a used code cannot be used again: 400 invalid_code, no second member', async () => {
    const [code] = await createCodes(t.app, 1);
    expect((await enrol(code)).statusCode).toBe(201);
    const members = (await t.app.db.selectFrom('member').select('id').execute()).length;
    const again = await enrol(code);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ error: 'invalid_code', message: expect.any(String) });
    expect((await t.app.db.selectFrom('member').select('id').execute()).length).toBe(members);
  });

  test('the same code used twice at once enrols exactly one member', async () => {
    const [code] = await createCodes(t.app, 1);
    const members = (await t.app.db.selectFrom('member').select('id').execute()).length;
    const responses = await Promise.all([enrol(code), enrol(code), enrol(code)]);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 400)).toHaveLength(2);
    expect((await t.app.db.selectFrom('member').select('id').execute()).length).toBe(members + 1);
  });

  test('unknown, malformed or wrong-secret codes: 400 invalid_code', async () => {
    const [code] = await createCodes(t.app, 1);
    const id = code!.slice(0, 9);
    const wrongSecret = `${id}${code!.slice(10, 14) === '2222' ? '3333' : '2222'}-2222`;
    for (const candidate of [
      '',
      'hello',
      '0000-0000-0000-0000',
      'AAAA-AAAA-AAAA-AAA',
      wrongSecret,
      'ABCD-EFGH-JKMN-PQRS',
    ]) {
      const response = await enrol(candidate);
      expect(response.statusCode, candidate).toBe(400);
      expect(['invalid_code', 'invalid_request']).toContain(response.json().error);
    }
    expect((await enrol(code)).statusCode).toBe(201);
  });

  test('guessing is throttled: after 5 tries on one code, even the right secret waits (429)', async () => {
    const [code] = await createCodes(t.app, 1);
    const id = code!.slice(0, 10);
    for (let i = 0; i < 5; i++) {
      const response = await enrol(`${id}2222-222${CODE_ALPHABET[i]}`);
      expect(response.statusCode).toBe(400);
    }
    const throttled = await enrol(code);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error).toBe('rate_limited');
    const row = await t.app.db
      .selectFrom('enrolment_code')
      .select('id')
      .where('id', '=', code!.replace(/-/g, '').slice(0, 8))
      .executeTakeFirst();
    expect(row, 'the code is still waiting to be used').toBeDefined();
  });
});
