import { expect, test } from 'vitest';
import { resetStaffPassword } from '../../server/staff/reset-password.ts';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';

const t = build();
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } });

test('the command-line reset gives a new password, ends sessions, re-enables the account and is audited', async () => {
  const admin = await given(t.app).staff('admin');
  await t.app.db.updateTable('staff').set({ disabled: true }).where('id', '=', admin.id).execute();

  const reset = await resetStaffPassword(t.app.db, admin.username);
  expect(reset).toMatchObject({ username: admin.username, role: 'admin' });
  expect(reset!.password).toMatch(/^[A-Za-z0-9_-]{24}$/);

  expect(
    (await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: admin.headers })).json(),
  ).toEqual({
    staff: null,
  });
  expect((await login(admin.username, admin.password)).statusCode).toBe(401);
  expect((await login(admin.username, reset!.password)).statusCode).toBe(200);

  const entry = await t.app.db
    .selectFrom('audit_log')
    .select(['staff_username', 'action', 'target_id', 'detail'])
    .where('action', '=', 'staff.password_reset')
    .executeTakeFirstOrThrow();
  expect(entry).toMatchObject({ staff_username: '(command line)', target_id: admin.id });
  expect(JSON.stringify(entry.detail)).not.toContain(reset!.password);
  const stored = await t.app.db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', admin.id)
    .executeTakeFirstOrThrow();
  expect(stored.password_hash).toMatch(/^\$argon2id\$/);
});

test('an unknown username changes nothing', async () => {
  expect(await resetStaffPassword(t.app.db, 'nobody-here')).toBeNull();
  const entries = await t.app.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'staff.password_reset')
    .where('target_id', 'is', null)
    .execute();
  expect(entries).toEqual([]);
});
