import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';

const t = build();

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password }, headers });

const deviceCookie = (response: { headers: Record<string, unknown> }) =>
  String(response.headers['set-cookie'])
    .split(/,(?=\s*\w+=)/)
    .map((cookie) => cookie.trim().split(';')[0]!)
    .find((cookie) => cookie.startsWith('greenroom_device='))!;

test('an outsider guessing cannot lock the real user out of a browser they signed in from before', async () => {
  const staff = await given(t.app).staff('admin');
  const first = await login(staff.username, staff.password);
  expect(first.statusCode).toBe(200);
  const device = deviceCookie(first);
  expect(device).toMatch(/^greenroom_device=[\w-]{22}\.[0-9a-f]{32}$/);
  expect(String(first.headers['set-cookie'])).toMatch(/greenroom_device=[^;]+;.*HttpOnly/);

  const outsider: number[] = [];
  for (let attempt = 0; attempt < 12; attempt++)
    outsider.push((await login(staff.username, `guess-${attempt}-xxxx`)).statusCode);
  expect(outsider).toContain(429);

  const real = await login(staff.username, staff.password, { cookie: device });
  expect(real.statusCode).toBe(200);
  // A device cookie is bound to its username: presented for another user it is an unknown device.
  const other = await given(t.app).staff('moderator');
  for (let attempt = 0; attempt < 6; attempt++) await login(other.username, `guess-${attempt}-yyyy`);
  expect((await login(other.username, other.password, { cookie: device })).statusCode).toBe(429);
});

test('successful sign-ins do not count toward the delay', async () => {
  const staff = await given(t.app).staff('moderator');
  for (let attempt = 0; attempt < 12; attempt++)
    expect((await login(staff.username, staff.password)).statusCode).toBe(200);
  // Four misses after all those successes still answer 401, not 429.
  for (let attempt = 0; attempt < 4; attempt++)
    expect((await login(staff.username, `miss-${attempt}-xxxx`)).statusCode).toBe(401);
});

test('the throttle table holds only keyed hashes: no username, code or device id', async () => {
  const staff = await given(t.app).staff('moderator');
  await login(staff.username, 'wrong-password-123');
  await t.app.inject({ method: 'POST', url: '/api/enrol', payload: { code: 'ABCD-EFGH-JKMN-PQRS' } });
  const rows = await t.app.db.selectFrom('throttle').select(['key']).execute();
  expect(rows.length).toBeGreaterThan(0);
  for (const { key } of rows) expect(key).toMatch(/^[0-9a-f]{32}$/);
  const dump = JSON.stringify(rows);
  expect(dump).not.toContain(staff.username);
  expect(dump).not.toContain('ABCD');
});
