import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';

const t = build();

test('an admin creates a moderator who can then sign in; the action is audited', async () => {
  const admin = await given(t.app).staff('admin');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/admin/staff',
    headers: admin.headers,
    payload: {
      username: 'new-mod',
      displayName: 'New Moderator',
      role: 'moderator',
      password: 'a-long-password-1',
    },
  });
  expect(response.statusCode).toBe(201);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username: 'new-mod', password: 'a-long-password-1' },
  });
  expect(login.statusCode).toBe(200);
  const audit = await t.app.db
    .selectFrom('audit_log')
    .select(['action', 'staff_username', 'target_id'])
    .execute();
  expect(audit).toContainEqual({
    action: 'staff.create',
    staff_username: admin.username,
    target_id: response.json().id,
  });
});

test('a duplicate username gets 409 and no second row', async () => {
  const admin = await given(t.app).staff('admin');
  const payload = {
    username: 'twice',
    displayName: 'Twice',
    role: 'moderator',
    password: 'a-long-password-1',
  };
  expect(
    (await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: admin.headers, payload }))
      .statusCode,
  ).toBe(201);
  const again = await t.app.inject({
    method: 'POST',
    url: '/api/admin/staff',
    headers: admin.headers,
    payload,
  });
  expect(again.statusCode).toBe(409);
  const rows = await t.app.db.selectFrom('staff').select('id').where('username', '=', 'twice').execute();
  expect(rows).toHaveLength(1);
});

test('without a session admin routes answer 401; a moderator gets 403', async () => {
  const moderator = await given(t.app).staff('moderator');
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/staff' });
  expect(anonymous.statusCode).toBe(401);
  const wrongRole = await t.app.inject({
    method: 'GET',
    url: '/api/admin/staff',
    headers: moderator.headers,
  });
  expect(wrongRole.statusCode).toBe(403);
  expect(wrongRole.json()).toEqual({ error: 'forbidden', message: expect.any(String) });
});

test('a disabled account cannot sign in and its open sessions stop working', async () => {
  const admin = await given(t.app).staff('admin');
  const moderator = await given(t.app).staff('moderator');
  const disable = await t.app.inject({
    method: 'POST',
    url: `/api/admin/staff/${moderator.id}/disabled`,
    headers: admin.headers,
    payload: { disabled: true },
  });
  expect(disable.statusCode).toBe(200);
  expect(
    (await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: moderator.headers })).json(),
  ).toEqual({ staff: null });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username: moderator.username, password: moderator.password },
  });
  expect(login.statusCode).toBe(401);
});

test('a cross-origin state-changing request with a staff cookie is refused and writes nothing', async () => {
  const admin = await given(t.app).staff('admin');
  const before = await t.app.db.selectFrom('department').select('id').execute();
  for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/departments',
      headers: { ...admin.headers, ...headers },
      payload: { name: 'Evil Dept', kind: 'backstage' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toBe('bad_origin');
  }
  expect(await t.app.db.selectFrom('department').select('id').execute()).toHaveLength(before.length);
});

test('settings: k can never go below 3', async () => {
  const admin = await given(t.app).staff('admin');
  const low = await t.app.inject({
    method: 'PUT',
    url: '/api/admin/settings',
    headers: admin.headers,
    payload: { minimumGroupSize: 2 },
  });
  expect(low.statusCode).toBe(400);
  const ok = await t.app.inject({
    method: 'PUT',
    url: '/api/admin/settings',
    headers: admin.headers,
    payload: { minimumGroupSize: 7 },
  });
  expect(ok.statusCode).toBe(200);
  expect(ok.json().minimumGroupSize).toBe(7);
});
