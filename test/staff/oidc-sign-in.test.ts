import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, createTestApp } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { claim, signIn, startIdp, type TestIdp } from '../helpers/idp.ts';

// Staff sign-in through a real OpenID provider (oidc-provider, in this process): roles from groups, the
// provider as the authority on them, and the attacks on a sign-in callback written first.
let idp: TestIdp;
const people = {
  'dana-2b71': { groups: ['acme-employees', 'gr-admins'], email: 'dana.kim@acme.example', name: 'Dana Kim' },
  'erin-0c4d': {
    groups: ['acme-employees', 'gr-moderators'],
    email: 'erin.ng@acme.example',
    name: 'Erin Ng',
  },
  'frank-9e21': { groups: ['acme-employees'], email: 'frank.ortiz@acme.example', name: 'Frank Ortiz' },
  'gita-41aa': { groups: ['gr-moderators'], email: 'gita.rao@acme.example', name: 'Gita Rao' },
  'hugo-77d0': { groups: ['gr-admins'], email: 'hugo.berg@acme.example', name: 'Hugo Berg' },
};
beforeAll(async () => {
  idp = await startIdp(people);
});
afterAll(() => idp?.close());

const t = build();
let app: Awaited<ReturnType<typeof createTestApp>>;
let localAdmin: SignedInStaff;
beforeAll(async () => {
  app = await createTestApp(
    idp.env({
      OIDC_SCOPES: 'openid groups email profile',
      GREENROOM_STAFF_OIDC_ADMIN_GROUPS: 'gr-admins',
      GREENROOM_STAFF_OIDC_MODERATOR_GROUPS: 'gr-moderators, gr-helpdesk',
    }),
  );
  localAdmin = await given(app.app).staff('admin');
}, 120_000);
afterAll(() => app?.close());

const START = '/api/staff/oidc/start';
const sessionOf = (cookies: string) => /greenroom_session=([^;]+)/.exec(cookies)?.[1] ?? null;
const me = async (session: string | null) =>
  (await app.app.inject({ url: '/api/staff/me', headers: { cookie: `greenroom_session=${session}` } })).json()
    .staff;

async function staffSignIn(login: string, cookies?: string) {
  const signedIn = await signIn(app.app, idp, login, { start: START, ...(cookies ? { cookies } : {}) });
  return { ...signedIn, session: sessionOf(signedIn.appCookies) };
}
async function signedInAs(login: string) {
  const signedIn = await staffSignIn(login);
  expect(signedIn.landing).toBe('/#/staff/login?sso=done');
  expect(signedIn.session).toBeTruthy();
  return signedIn.session!;
}
const accountOf = (email: string) =>
  app.app.db
    .selectFrom('staff')
    .select(['id', 'username', 'display_name', 'role', 'password_hash', 'idp_subject_hash'])
    .where('username', '=', email)
    .executeTakeFirst();
const auditOf = (staffId: string) =>
  app.app.db
    .selectFrom('audit_log')
    .select(['action', 'staff_username', 'detail'])
    .where('target_id', '=', staffId)
    .orderBy('id')
    .execute();
const staffCount = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from staff`.execute(app.app.db)).rows[0]!.n);

describe('staff sign-in with the company provider', () => {
  test('says whether it is offered; a deployment without it answers 404', async () => {
    expect((await app.app.inject({ url: '/api/staff/oidc' })).json()).toEqual({
      enabled: true,
      providerName: 'Acme',
    });
    expect((await t.app.inject({ url: '/api/staff/oidc' })).json()).toEqual({
      enabled: false,
      providerName: null,
    });
    const start = await t.app.inject({ url: START });
    expect(start.statusCode).toBe(404);
    expect(start.json().error).toBe('staff_oidc_disabled');
  });

  test('a moderator group signs in as moderator; the account is keyed by a hash, has no password, and the sign-in is audited', async () => {
    const session = await signedInAs('erin-0c4d');
    expect(await me(session)).toMatchObject({ role: 'moderator', displayName: 'Erin Ng' });
    const account = (await accountOf('erin.ng@acme.example'))!;
    expect(account).toMatchObject({ role: 'moderator', password_hash: null });
    expect(account.idp_subject_hash).toMatch(/^[0-9a-f]{64}$/);
    // Nothing else the provider sent is kept (not the subject, not the groups).
    const row = JSON.stringify(
      (
        await sql`select row_to_json(s)::text as row from staff s where id = ${account.id}`.execute(
          app.app.db,
        )
      ).rows,
    );
    for (const needle of ['erin-0c4d', 'gr-moderators', 'acme-employees']) expect(row).not.toContain(needle);
    expect(await auditOf(account.id)).toEqual([
      {
        action: 'staff.create',
        staff_username: 'erin.ng@acme.example',
        detail: { via: 'idp', role: 'moderator' },
      },
      {
        action: 'staff.sign-in',
        staff_username: 'erin.ng@acme.example',
        detail: { via: 'idp', role: 'moderator' },
      },
    ]);
    const moderator = { cookie: `greenroom_session=${session}` };
    expect((await app.app.inject({ url: '/api/admin/staff', headers: moderator })).statusCode).toBe(403);
  });

  test('an admin group signs in as admin; signing in again uses the same account', async () => {
    const session = await signedInAs('dana-2b71');
    expect(await me(session)).toMatchObject({ role: 'admin' });
    const admin = { cookie: `greenroom_session=${session}` };
    expect((await app.app.inject({ url: '/api/admin/staff', headers: admin })).statusCode).toBe(200);
    const count = await staffCount();
    await signedInAs('dana-2b71');
    expect(await staffCount()).toBe(count);
  });

  test('a person whose groups map to no role is refused with a clear code, and no account is made', async () => {
    const count = await staffCount();
    const signedIn = await staffSignIn('frank-9e21');
    expect(signedIn.landing).toBe('/#/staff/login?sso_error=no_staff_role');
    expect(signedIn.session).toBeNull();
    expect(await staffCount()).toBe(count);
  });

  test('a role change at the provider applies at the next sign-in: a demoted admin loses admin', async () => {
    const first = await signedInAs('hugo-77d0');
    const { id } = (await accountOf('hugo.berg@acme.example'))!;
    idp.people.set('hugo-77d0', { ...people['hugo-77d0'], groups: ['gr-moderators'] });
    try {
      await signedInAs('hugo-77d0');
      // Roles are read per request: the session from before the demotion is no admin either.
      const old = { cookie: `greenroom_session=${first}` };
      expect((await app.app.inject({ url: '/api/admin/staff', headers: old })).statusCode).toBe(403);
      expect((await accountOf('hugo.berg@acme.example'))!.role).toBe('moderator');
      expect(await auditOf(id)).toContainEqual({
        action: 'staff.role',
        staff_username: 'hugo.berg@acme.example',
        detail: { from: 'admin', to: 'moderator', by: 'idp' },
      });
    } finally {
      idp.people.set('hugo-77d0', people['hugo-77d0']);
    }
  });

  test('taken out of every staff group: refused, and the sessions the account had are ended', async () => {
    const session = await signedInAs('gita-41aa');
    const { id } = (await accountOf('gita.rao@acme.example'))!;
    idp.people.set('gita-41aa', { ...people['gita-41aa'], groups: ['acme-employees'] });
    try {
      expect((await staffSignIn('gita-41aa')).landing).toBe('/#/staff/login?sso_error=no_staff_role');
      expect(await me(session)).toBeNull();
      expect((await auditOf(id)).at(-1)).toMatchObject({
        action: 'staff.sign-in-refused',
        detail: { via: 'idp', reason: 'no_staff_role' },
      });
    } finally {
      idp.people.set('gita-41aa', people['gita-41aa']);
    }
  });

  test('an account an admin disabled stays out, whatever the provider says', async () => {
    await signedInAs('gita-41aa');
    const { id } = (await accountOf('gita.rao@acme.example'))!;
    const disabled = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${id}/disabled`,
      headers: localAdmin.headers,
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const signedIn = await staffSignIn('gita-41aa');
    expect(signedIn.landing).toBe('/#/staff/login?sso_error=account_disabled');
    expect(signedIn.session).toBeNull();
  });

  test('a provider account has no password: a local sign-in with its name fails, and it cannot set one', async () => {
    const session = await signedInAs('erin-0c4d');
    const local = await app.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'erin.ng@acme.example', password: 'anything at all' },
    });
    expect(local.statusCode).toBe(401);
    const change = await app.app.inject({
      method: 'POST',
      url: '/api/staff/password',
      headers: { cookie: `greenroom_session=${session}` },
      payload: { currentPassword: 'x', newPassword: 'a long new passphrase' },
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().error).toBe('managed_by_idp');
  });

  test('the provider owns a provider account: its role and password are not changed here', async () => {
    await signedInAs('erin-0c4d');
    const { id } = (await accountOf('erin.ng@acme.example'))!;
    const role = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${id}/role`,
      headers: localAdmin.headers,
      payload: { role: 'admin' },
    });
    expect(role.statusCode).toBe(409);
    expect(role.json().error).toBe('managed_by_idp');
    const reset = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${id}/password-reset`,
      headers: localAdmin.headers,
    });
    expect(reset.statusCode).toBe(409);
    expect((await accountOf('erin.ng@acme.example'))!.role).toBe('moderator');
  });

  test('the last admin with a password can be neither demoted nor disabled, even by a provider admin', async () => {
    const admin = { cookie: `greenroom_session=${await signedInAs('dana-2b71')}` };
    const demote = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${localAdmin.id}/role`,
      headers: admin,
      payload: { role: 'moderator' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toBe('last_admin');
    const disable = await app.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${localAdmin.id}/disabled`,
      headers: admin,
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error).toBe('last_admin');
    const row = await app.app.db
      .selectFrom('staff')
      .select(['role', 'disabled'])
      .where('id', '=', localAdmin.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'admin', disabled: false });
  });

  test('the staff account and the same person’s employee membership hash differently (no link between them)', async () => {
    await signedInAs('erin-0c4d');
    const enrolled = await signIn(app.app, idp, 'erin-0c4d');
    expect(enrolled.landing).toBe('/#/enrol?sso=done');
    expect((await claim(app.app, enrolled)).statusCode).toBe(201);
    const members = await app.app.db.selectFrom('member_sso').select('subject_hash').execute();
    const staff = await app.app.db
      .selectFrom('staff')
      .select('idp_subject_hash')
      .where('idp_subject_hash', 'is not', null)
      .execute();
    expect(members.length).toBeGreaterThan(0);
    for (const { idp_subject_hash } of staff)
      expect(members.map((m) => m.subject_hash)).not.toContain(idp_subject_hash);
  });
});

describe('attacks on the staff sign-in', () => {
  test('a replayed callback (the same code and state twice) signs no one in', async () => {
    const signedIn = await staffSignIn('dana-2b71');
    expect(signedIn.landing).toBe('/#/staff/login?sso=done');
    const url = new URL(signedIn.callback);
    const again = await app.app.inject({
      url: url.pathname + url.search,
      headers: { cookie: `greenroom_staff_oidc_state=${url.searchParams.get('state')}` },
    });
    expect(again.headers.location).toBe('/#/staff/login?sso_error=invalid_state');
    expect(again.headers['set-cookie'] ?? '').not.toMatch(/greenroom_session=[^;]/);
  });

  test('a forged callback without this browser’s state cookie (login CSRF) is refused', async () => {
    const start = await app.app.inject({ url: START });
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const forged = await app.app.inject({ url: `/api/staff/oidc/callback?code=abc&state=${state}` });
    expect(forged.headers.location).toBe('/#/staff/login?sso_error=invalid_state');
    const noState = await app.app.inject({ url: '/api/staff/oidc/callback?code=abc' });
    expect(noState.headers.location).toBe('/#/staff/login?sso_error=invalid_state');
  });

  test('a state begun for employee enrolment cannot finish a staff sign-in', async () => {
    const start = await app.app.inject({ url: '/api/enrol/oidc/start' });
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const crossed = await app.app.inject({
      url: `/api/staff/oidc/callback?code=abc&state=${state}`,
      headers: { cookie: `greenroom_staff_oidc_state=${state}` },
    });
    expect(crossed.headers.location).toBe('/#/staff/login?sso_error=invalid_state');
  });

  test('a forged code with a real state is refused by the provider, and the state is spent', async () => {
    const start = await app.app.inject({ url: START });
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const headers = { cookie: `greenroom_staff_oidc_state=${state}` };
    const forged = await app.app.inject({
      url: `/api/staff/oidc/callback?code=forged&state=${state}`,
      headers,
    });
    expect(forged.headers.location).toBe('/#/staff/login?sso_error=id_token_invalid');
    const again = await app.app.inject({
      url: `/api/staff/oidc/callback?code=forged&state=${state}`,
      headers,
    });
    expect(again.headers.location).toBe('/#/staff/login?sso_error=invalid_state');
  });

  const tampered = async (change: (claims: Record<string, unknown>) => void) => {
    idp.tamper = change;
    try {
      const signedIn = await staffSignIn('dana-2b71');
      expect(signedIn.landing).toBe('/#/staff/login?sso_error=id_token_invalid');
      expect(signedIn.session).toBeNull();
    } finally {
      idp.tamper = null;
    }
  };
  test('an ID token with another nonce (a replayed ID token) is refused', () =>
    tampered((claims) => (claims.nonce = 'an-old-nonce')));
  test('an ID token for another audience is refused', () =>
    tampered((claims) => (claims.aud = 'some-other-app')));
  test('an expired ID token is refused', () =>
    tampered((claims) => {
      claims.iat = Math.floor(Date.now() / 1000) - 7200;
      claims.exp = Math.floor(Date.now() / 1000) - 3600;
    }));
  test('an ID token giving someone admin groups, signed without the provider’s key, is refused', async () => {
    idp.tamper = (claims) => (claims.groups = ['gr-admins']);
    idp.forgerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    try {
      const signedIn = await staffSignIn('frank-9e21');
      expect(signedIn.landing).toBe('/#/staff/login?sso_error=id_token_invalid');
      expect(signedIn.session).toBeNull();
    } finally {
      idp.tamper = null;
      idp.forgerKey = null;
    }
    expect(await accountOf('frank.ortiz@acme.example')).toBeUndefined();
  });

  test('session fixation: a session id planted before the sign-in is ended, a new one is issued', async () => {
    const planted = await signedInAs('erin-0c4d');
    const signedIn = await staffSignIn('dana-2b71', `greenroom_session=${planted}`);
    expect(signedIn.landing).toBe('/#/staff/login?sso=done');
    expect(signedIn.session).toBeTruthy();
    expect(signedIn.session).not.toBe(planted);
    expect(await me(planted)).toBeNull();
    expect(await me(signedIn.session)).toMatchObject({ role: 'admin' });
  });

  test('no open redirect: the sign-in lands on the staff page whatever the request asks, and the callback sent to the provider is the configured one', async () => {
    const start = await app.app.inject({
      url: `${START}?return_to=https://evil.example/&redirect_uri=https://evil.example/cb`,
      headers: { host: 'evil.example' },
    });
    const authorize = new URL(String(start.headers.location));
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://greenroom.test/api/staff/oidc/callback');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const back = await app.app.inject({
      url: '/api/staff/oidc/callback?error=access_denied&state=x&redirect=https://evil.example/',
    });
    expect(back.headers.location).toBe('/#/staff/login?sso_error=invalid_state');
  });

  test('the provider sends the person back with an error', async () => {
    const start = await app.app.inject({ url: START });
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const back = await app.app.inject({
      url: `/api/staff/oidc/callback?error=access_denied&state=${state}`,
      headers: { cookie: `greenroom_staff_oidc_state=${state}` },
    });
    expect(back.headers.location).toBe('/#/staff/login?sso_error=sign_in_cancelled');
  });

  test('nothing the provider sent about a person reaches the logs', () => {
    const logs = app.rawLogs.join('\n');
    for (const [sub, person] of Object.entries(people))
      for (const needle of [sub, person.email, person.name]) expect(logs).not.toContain(needle);
  });
});

describe('the provider is down', () => {
  let down: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    const gone = await startIdp();
    await gone.close();
    down = await createTestApp(
      gone.env({ OIDC_TIMEOUT_MS: '2000', GREENROOM_STAFF_OIDC_ADMIN_GROUPS: 'gr-admins' }),
    );
  }, 120_000);
  afterAll(() => down?.close());

  test('a clear error on the sign-in page, and local passwords still work', async () => {
    const start = await down.app.inject({ url: START });
    expect(start.headers.location).toBe('/#/staff/login?sso_error=idp_unavailable');
    const admin = await given(down.app).staff('admin');
    expect(admin.cookie).toMatch(/^greenroom_session=/);
  });
});

test('staff sign-in needs the provider configured', async () => {
  const { loadConfig } = await import('../../server/config.ts');
  expect(() => loadConfig({ GREENROOM_STAFF_OIDC_ADMIN_GROUPS: 'gr-admins' })).toThrow(/OIDC_ISSUER_URL/);
});
