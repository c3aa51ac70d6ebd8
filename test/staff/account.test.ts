import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { verifyPassword } from '../../server/shared/passwords.ts';

// Issue 20's admin tools: own password, an admin's reset, roles, archived departments. All audited.
const t = build();

const post = (url: string, headers: object, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: headers as Record<string, string>, payload: payload ?? {} });
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } });
const hashOf = async (id: string) =>
  (await t.app.db.selectFrom('staff').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow())
    .password_hash;
const actions = async (id: string) =>
  (
    await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'staff_username'])
      .where('target_id', '=', id)
      .orderBy('id')
      .execute()
  ).map((row) => `${row.staff_username} ${row.action}`);

test('a staff member changes their own password with the current one; other sessions end, this one stays', async () => {
  const mod = await given(t.app).staff('moderator');
  const other = await login(mod.username, mod.password);
  const otherCookie = String(other.headers['set-cookie']).split(';')[0]!;
  const changed = await post('/api/staff/password', mod.headers, {
    currentPassword: mod.password,
    newPassword: 'a brand new passphrase',
  });
  expect(changed.statusCode, changed.body).toBe(204);
  expect(await verifyPassword((await hashOf(mod.id))!, 'a brand new passphrase')).toBe(true);
  expect((await t.app.inject({ url: '/api/staff/me', headers: mod.headers })).statusCode).toBe(200);
  // The other session ended: /me answers as for any visitor without a session.
  expect((await t.app.inject({ url: '/api/staff/me', headers: { cookie: otherCookie } })).json()).toEqual({
    staff: null,
  });
  expect((await login(mod.username, mod.password)).statusCode).toBe(401);
  expect((await login(mod.username, 'a brand new passphrase')).statusCode).toBe(200);
  expect(await actions(mod.id)).toEqual([`${mod.username} staff.password-change`]);
});

test('a password change refuses a wrong current password, a short or unchanged one, and no session', async () => {
  const mod = await given(t.app).staff('moderator');
  const before = await hashOf(mod.id);
  const wrong = await post('/api/staff/password', mod.headers, {
    currentPassword: 'not my password',
    newPassword: 'a brand new passphrase',
  });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.json().error).toBe('wrong_password');
  const short = await post('/api/staff/password', mod.headers, {
    currentPassword: mod.password,
    newPassword: 'short',
  });
  expect(short.statusCode).toBe(400);
  const same = await post('/api/staff/password', mod.headers, {
    currentPassword: mod.password,
    newPassword: mod.password,
  });
  expect(same.statusCode).toBe(400);
  const anonymous = await post(
    '/api/staff/password',
    {},
    { currentPassword: 'x', newPassword: 'y'.repeat(12) },
  );
  expect(anonymous.statusCode).toBe(401);
  expect(await hashOf(mod.id)).toBe(before);
});

test('an admin resets a password: a temporary one shown once, sessions end, nothing opens until it is changed', async () => {
  const admin = await given(t.app).staff('admin');
  const mod = await given(t.app).staff('moderator');
  const reset = await post(`/api/admin/staff/${mod.id}/password-reset`, admin.headers);
  expect(reset.statusCode, reset.body).toBe(200);
  const { temporaryPassword } = reset.json();
  expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  expect(JSON.stringify(await t.app.db.selectFrom('audit_log').select('detail').execute())).not.toContain(
    temporaryPassword,
  );
  expect((await t.app.inject({ url: '/api/staff/me', headers: mod.headers })).json()).toEqual({
    staff: null,
  });
  expect((await login(mod.username, mod.password)).statusCode).toBe(401);

  const signedIn = await login(mod.username, temporaryPassword);
  expect(signedIn.json().staff.mustChangePassword).toBe(true);
  const headers = { cookie: String(signedIn.headers['set-cookie']).split(';')[0]! };
  const queue = await t.app.inject({ url: '/api/mod/queue', headers });
  expect(queue.statusCode).toBe(403);
  expect(queue.json().error).toBe('password_change_required');
  expect((await t.app.inject({ url: '/api/staff/me', headers })).statusCode).toBe(200);

  const changed = await post('/api/staff/password', headers, {
    currentPassword: temporaryPassword,
    newPassword: 'my own passphrase again',
  });
  expect(changed.statusCode).toBe(204);
  expect((await t.app.inject({ url: '/api/mod/queue', headers })).statusCode).toBe(200);
  expect(await actions(mod.id)).toEqual([
    `${admin.username} staff.password-reset`,
    `${mod.username} staff.password-change`,
  ]);
});

test('an admin cannot reset their own password this way or an unknown account', async () => {
  const admin = await given(t.app).staff('admin');
  expect((await post(`/api/admin/staff/${admin.id}/password-reset`, admin.headers)).statusCode).toBe(409);
  const missing = '00000000-0000-4000-8000-000000000000';
  expect((await post(`/api/admin/staff/${missing}/password-reset`, admin.headers)).statusCode).toBe(404);
  expect((await post('/api/admin/staff/nope/password-reset', admin.headers)).statusCode).toBe(400);
});

test('roles change, audited; the last admin cannot be demoted', async () => {
  // Only admins created in this test exist as active admins after the others are disabled.
  await t.app.db.updateTable('staff').set({ disabled: true }).where('role', '=', 'admin').execute();
  const admin = await given(t.app).staff('admin');
  const mod = await given(t.app).staff('moderator');
  const promoted = await post(`/api/admin/staff/${mod.id}/role`, admin.headers, { role: 'admin' });
  expect(promoted.statusCode, promoted.body).toBe(200);
  const demoted = await post(`/api/admin/staff/${admin.id}/role`, mod.headers, { role: 'moderator' });
  expect(demoted.statusCode).toBe(200);
  const last = await post(`/api/admin/staff/${mod.id}/role`, mod.headers, { role: 'moderator' });
  expect(last.statusCode).toBe(409);
  expect(last.json().error).toBe('last_admin');
  const role = await t.app.db
    .selectFrom('staff')
    .select('role')
    .where('id', '=', mod.id)
    .executeTakeFirstOrThrow();
  expect(role.role).toBe('admin');
  expect(await actions(mod.id)).toEqual([`${admin.username} staff.role`]);
  expect((await post(`/api/admin/staff/${mod.id}/role`, mod.headers, { role: 'owner' })).statusCode).toBe(
    400,
  );
  // The demoted admin is a moderator now: the admin routes close.
  expect((await post(`/api/admin/staff/${mod.id}/role`, admin.headers, { role: 'admin' })).statusCode).toBe(
    403,
  );
});

test('an archived department leaves the public list, stays for admins, keeps its history, and comes back', async () => {
  const admin = await given(t.app).staff('admin');
  const id = await departmentId(t.app, 'Old Print Room');
  const archived = await post(`/api/admin/departments/${id}/archived`, admin.headers, { archived: true });
  expect(archived.statusCode, archived.body).toBe(200);
  const publicList = (await t.app.inject({ url: '/api/departments' })).json().departments;
  expect(publicList.map((d: { id: string }) => d.id)).not.toContain(id);
  const adminList = (await t.app.inject({ url: '/api/admin/departments', headers: admin.headers })).json();
  expect(adminList.departments).toContainEqual(expect.objectContaining({ id, archived: true }));
  // History: its page still answers.
  expect((await t.app.inject({ url: `/api/departments/${id}/kudos-summary` })).statusCode).toBe(200);
  const edited = await t.app.inject({
    method: 'PATCH',
    url: `/api/admin/departments/${id}`,
    headers: admin.headers,
    payload: { name: 'Former Print Room' },
  });
  expect(edited.statusCode).toBe(200);
  await post(`/api/admin/departments/${id}/archived`, admin.headers, { archived: false });
  expect((await t.app.inject({ url: '/api/departments' })).json().departments).toContainEqual(
    expect.objectContaining({ id, name: 'Former Print Room' }),
  );
  expect(await actions(id)).toEqual([
    `${admin.username} department.archive`,
    `${admin.username} department.update`,
    `${admin.username} department.restore`,
  ]);
  expect(
    (await post(`/api/admin/departments/${id}/archived`, admin.headers, { archived: 'yes' })).statusCode,
  ).toBe(400);
  const missing = '00000000-0000-4000-8000-000000000000';
  expect(
    (await post(`/api/admin/departments/${missing}/archived`, admin.headers, { archived: true })).statusCode,
  ).toBe(404);
});
