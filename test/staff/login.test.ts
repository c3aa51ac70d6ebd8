import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';

const t = build();

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password }, headers });

test('signs in with the right password and sets a strict HttpOnly session cookie', async () => {
  const staff = await given(t.app).staff('moderator');
  const response = await login(staff.username, staff.password);
  expect(response.statusCode).toBe(200);
  expect(response.json().staff).toMatchObject({ username: staff.username, role: 'moderator' });
  const cookie = String(response.headers['set-cookie']);
  expect(cookie).toMatch(/^greenroom_session=[\w-]{30,}/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  expect(cookie).not.toContain('Secure'); // plain http in tests; Secure is set behind https
});

test('stores the session id only as a hash', async () => {
  const staff = await given(t.app).staff('moderator');
  const sessionId = staff.cookie.split('=')[1]!;
  const rows = await t.app.db
    .selectFrom('staff_session')
    .select('id_hash')
    .where('staff_id', '=', staff.id)
    .execute();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row.id_hash).not.toContain(sessionId);
});

test('stores passwords as argon2id with the OWASP parameters', async () => {
  const staff = await given(t.app).staff('admin');
  const row = await t.app.db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', staff.id)
    .executeTakeFirstOrThrow();
  expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
});

test('a wrong password or unknown user gets 401 invalid_credentials', async () => {
  const staff = await given(t.app).staff('moderator');
  for (const [username, password] of [
    [staff.username, 'wrong-password-123'],
    ['nobody-at-all', 'whatever-password'],
  ] as const) {
    const response = await login(username, password);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: 'invalid_credentials', message: expect.any(String) });
    expect(response.headers['set-cookie']).toBeUndefined();
  }
});

test('guessing on one username from an unknown browser is slowed: 429 with Retry-After, even for the right password', async () => {
  const staff = await given(t.app).staff('moderator');
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 11; attempt++)
    statuses.push((await login(staff.username, `guess-${attempt}-xxxx`)).statusCode);
  expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const blocked = await login(staff.username, staff.password);
  expect(blocked.statusCode).toBe(429);
  expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(blocked.json()).toEqual({ error: 'login_delayed', message: expect.any(String) });
});

test('logout ends the session on the server', async () => {
  const staff = await given(t.app).staff('moderator');
  expect(
    (await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: staff.headers })).statusCode,
  ).toBe(200);
  const out = await t.app.inject({ method: 'POST', url: '/api/staff/logout', headers: staff.headers });
  expect(out.statusCode).toBe(204);
  const after = await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: staff.headers });
  expect(after.statusCode).toBe(200);
  expect(after.json()).toEqual({ staff: null });
});

test('an expired session is refused', async () => {
  const staff = await given(t.app).staff('moderator');
  await t.app.db
    .updateTable('staff_session')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('staff_id', '=', staff.id)
    .execute();
  const response = await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: staff.headers });
  expect(response.json()).toEqual({ staff: null });
});

test('malformed login bodies get 400 with the error shape', async () => {
  for (const payload of ['{"username":', '[]', '{"username":"a"}', '{"username":"x","password":{"a":1}}']) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: expect.stringMatching(/invalid_(json|request)/),
      message: expect.any(String),
    });
  }
});

test('an anonymous visitor asking who is signed in gets 200 and no staff member, not a 401', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/staff/me' });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ staff: null });
  const forged = await t.app.inject({
    method: 'GET',
    url: '/api/staff/me',
    headers: { cookie: 'greenroom_session=not-a-session' },
  });
  expect(forged.json()).toEqual({ staff: null });
});
