import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { signIn, startIdp, type TestIdp } from '../helpers/idp.ts';

// An account the company provider signs in is the provider's: its role comes from the provider's groups
// at every sign-in and it has no password here. The staff list says which accounts those are (the admin
// page marks them and offers neither a role change nor a password reset), and the server refuses both.
let idp: TestIdp;
let app: Awaited<ReturnType<typeof createTestApp>>;
let admin: SignedInStaff;
beforeAll(async () => {
  idp = await startIdp({
    'kai-7d02': { groups: ['gr-moderators'], email: 'kai.okafor@acme.example', name: 'Kai Okafor' },
  });
  app = await createTestApp(
    idp.env({
      OIDC_SCOPES: 'openid groups email profile',
      GREENROOM_STAFF_OIDC_ADMIN_GROUPS: 'gr-admins',
      GREENROOM_STAFF_OIDC_MODERATOR_GROUPS: 'gr-moderators',
    }),
  );
  admin = await given(app.app).staff('admin');
  const signedIn = await signIn(app.app, idp, 'kai-7d02', { start: '/api/staff/oidc/start' });
  expect(signedIn.landing).toBe('/#/staff/login?sso=done');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

const list = async () => {
  const response = await app.app.inject({ url: '/api/admin/staff', headers: admin.headers });
  expect(response.statusCode).toBe(200);
  return response.json().staff as { id: string; username: string; managedByIdp: boolean; role: string }[];
};
const provider = async () => (await list()).find((member) => member.username === 'kai.okafor@acme.example')!;
const row = (id: string) =>
  app.app.db
    .selectFrom('staff')
    .select(['role', 'password_hash', 'must_change_password'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('accounts the company provider manages', () => {
  test('the staff list marks them, and only them', async () => {
    const members = await list();
    expect(members).toHaveLength(2);
    expect(members.find((member) => member.id === admin.id)).toMatchObject({ managedByIdp: false });
    expect(await provider()).toMatchObject({ managedByIdp: true, role: 'moderator' });
  });

  test('an admin cannot change their role here: 409 with a reason, nothing written', async () => {
    const { id } = await provider();
    const response = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${id}/role`,
      headers: admin.headers,
      payload: { role: 'admin' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'managed_by_idp', message: expect.stringMatching(/provider/) });
    expect(await row(id)).toEqual({ role: 'moderator', password_hash: null, must_change_password: false });
  });

  test('an admin cannot reset their password: 409 with a reason, no password appears', async () => {
    const { id } = await provider();
    const response = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${id}/password-reset`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'managed_by_idp', message: expect.stringMatching(/provider/) });
    expect(await row(id)).toEqual({ role: 'moderator', password_hash: null, must_change_password: false });
    const audited = await app.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .where('action', 'in', ['staff.role', 'staff.password-reset'])
      .execute();
    expect(audited).toEqual([]);
  });

  test('a local account keeps both: its role changes, its password resets', async () => {
    const local = await given(app.app).staff('moderator');
    const role = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${local.id}/role`,
      headers: admin.headers,
      payload: { role: 'admin' },
    });
    expect(role.statusCode).toBe(200);
    const reset = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${local.id}/password-reset`,
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    expect((await list()).find((member) => member.id === local.id)).toMatchObject({
      managedByIdp: false,
      role: 'admin',
    });
  });
});
