import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, createTestApp } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { claim, signIn, startIdp, type TestIdp } from '../helpers/idp.ts';
import { createCodes, enrolWith, obtainTokens } from '../helpers/members.ts';

// Enrolment through a real OpenID provider (oidc-provider, in this process), and every way it must fail.
let idp: TestIdp;
const people = {
  'alice-7f3a': {
    groups: ['acme-employees', 'acme-it-ops'],
    department: 'acme-it-ops',
    email: 'alice.wong@acme.example',
    name: 'Alice Wong',
  },
  'bob-19cc': { groups: ['acme-employees'], email: 'bob.lee@acme.example', name: 'Bob Lee' },
  'carol-55e0': { groups: ['acme-contractors'], email: 'carol.diaz@acme.example', name: 'Carol Diaz' },
};
beforeAll(async () => {
  idp = await startIdp(people);
});
afterAll(() => idp?.close());

const t = build();
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp(
    idp.env({
      OIDC_ALLOWED_GROUPS: 'acme-employees',
      OIDC_DEPARTMENT_CLAIM: 'groups',
      OIDC_DEPARTMENT_MAP: 'acme-it-ops=IT Operations;acme-finance=Finance',
    }),
  );
  await departmentId(app.app, 'IT Operations');
}, 120_000);
afterAll(() => app?.close());

const budget = (credential: string) =>
  app.app.inject({
    method: 'GET',
    url: '/api/tokens/budget',
    headers: { authorization: `Bearer ${credential}` },
  });

async function enrolAs(login: string): Promise<string> {
  const signedIn = await signIn(app.app, idp, login);
  expect(signedIn.landing).toBe('/#/enrol?sso=done');
  const claimed = await claim(app.app, signedIn);
  expect(claimed.statusCode, claimed.body).toBe(201);
  return claimed.json().credential;
}

const members = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from member`.execute(app.app.db)).rows[0]!.n);

describe('enrolment with the company sign-in', () => {
  test('says whether it is offered, with the provider name for the button', async () => {
    const on = await app.app.inject({ method: 'GET', url: '/api/enrol/oidc' });
    expect(on.json()).toEqual({ enabled: true, providerName: 'Acme' });
    const off = await t.app.inject({ method: 'GET', url: '/api/enrol/oidc' });
    expect(off.json()).toEqual({ enabled: false, providerName: null });
    const start = await t.app.inject({ method: 'GET', url: '/api/enrol/oidc/start' });
    expect(start.statusCode).toBe(404);
    expect(start.json().error).toBe('oidc_disabled');
  });

  test('sign-in gives the same membership credential a code gives, with the mapped department', async () => {
    const signedIn = await signIn(app.app, idp, 'alice-7f3a');
    expect(signedIn.landing).toBe('/#/enrol?sso=done');
    // The credential never travels in a URL.
    expect(signedIn.landing + signedIn.callback).not.toMatch(/credential/);
    const claimed = await claim(app.app, signedIn);
    expect(claimed.statusCode, claimed.body).toBe(201);
    const { credential, departmentName } = claimed.json();
    expect(credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(departmentName).toBe('IT Operations');
    expect((await budget(credential)).statusCode).toBe(200);
    const tokens = await obtainTokens(app.app, credential, 'general', 2);
    expect(tokens).toHaveLength(2);
  });

  test('the collected credential is not handed out again without the cookie', async () => {
    const refused = await app.app.inject({ method: 'POST', url: '/api/enrol/oidc/claim' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ error: 'no_pending_enrolment', message: expect.any(String) });
    const forged = await app.app.inject({
      method: 'POST',
      url: '/api/enrol/oidc/claim',
      headers: { cookie: 'greenroom_oidc_handoff=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(forged.statusCode).toBe(400);
  });

  test('a new device: the old credential is revoked and the spent budget carries over', async () => {
    const first = await enrolAs('bob-19cc');
    await obtainTokens(app.app, first, 'general', 3);
    const before = (await budget(first)).json().keys.find((k: { scope: string }) => k.scope === 'general');
    expect(before.issued).toBe(3);
    const count = await members();

    const second = await enrolAs('bob-19cc');
    expect(second).not.toBe(first);
    const old = await budget(first);
    expect(old.statusCode).toBe(401);
    expect(old.json().error).toBe('invalid_credential');
    const after = (await budget(second)).json().keys.find((k: { scope: string }) => k.scope === 'general');
    expect(after.issued).toBe(3);
    expect(after.remaining).toBe(before.remaining);
    expect(await members()).toBe(count);
  });

  test('the person is kept only as a keyed hash, and nothing from the provider reaches any other table or the logs', async () => {
    const credential = await enrolAs('alice-7f3a');
    const [token] = await obtainTokens(app.app, credential, 'general', 1);
    const posted = await app.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers: { authorization: token! },
      payload: { text: 'The VPN drops every afternoon at three; please look at the concentrator.' },
    });
    expect(posted.statusCode, posted.body).toBe(201);

    const hashes = await app.app.db.selectFrom('member_sso').select('subject_hash').execute();
    expect(hashes.length).toBeGreaterThan(0);
    expect(new Set(hashes.map((row) => row.subject_hash)).size).toBe(hashes.length);
    for (const { subject_hash } of hashes) expect(subject_hash).toMatch(/^[0-9a-f]{64}$/);
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(app.app.db);
    const needles = Object.entries(people).flatMap(([sub, person]) => [
      sub,
      person.email,
      person.name,
      ...person.groups,
    ]);
    for (const { name } of tables.rows) {
      const dump = JSON.stringify(
        (await sql.raw(`select row_to_json(t)::text as row from "${name}" t`).execute(app.app.db)).rows,
      );
      for (const needle of needles) expect(dump.includes(needle), `${needle} in ${name}`).toBe(false);
      if (name !== 'member_sso')
        for (const { subject_hash } of hashes)
          expect(dump.includes(subject_hash), `subject hash in ${name}`).toBe(false);
    }
    const logs = app.rawLogs.join('\n');
    for (const needle of [...needles.filter((n) => n.length > 6), credential])
      expect(logs).not.toContain(needle);
  });
});

describe('a sign-in that must not enrol anyone', () => {
  const refusedWith = async (login: string, code: string) => {
    const count = await members();
    const signedIn = await signIn(app.app, idp, login);
    expect(signedIn.landing).toBe(`/#/enrol?sso_error=${code}`);
    expect((await claim(app.app, signedIn)).statusCode).toBe(400);
    expect(await members()).toBe(count);
  };
  const tampered = async (change: (claims: Record<string, unknown>) => void) => {
    idp.tamper = change;
    try {
      await refusedWith('alice-7f3a', 'id_token_invalid');
      // Refused by the ID token check itself (openid-client's code in the log), not by anything else.
      const last = app.logs.filter((line) => line.oidc === 'id_token_invalid').at(-1);
      expect(String(last?.reason)).toMatch(
        /OAUTH_JWT_CLAIM_COMPARISON_FAILED|OAUTH_JWT_TIMESTAMP_CHECK_FAILED|OAUTH_INVALID_RESPONSE|ERR_JWS_SIGNATURE_VERIFICATION_FAILED|OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED|JWS/,
      );
    } finally {
      idp.tamper = null;
    }
  };

  test('(control) an ID token re-signed unchanged by the provider still enrols', async () => {
    idp.tamper = () => {};
    try {
      expect(await enrolAs('alice-7f3a')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      idp.tamper = null;
    }
  });
  test('an ID token for another audience', () => tampered((claims) => (claims.aud = 'some-other-app')));
  test('an expired ID token', () =>
    tampered((claims) => {
      claims.iat = Math.floor(Date.now() / 1000) - 7200;
      claims.exp = Math.floor(Date.now() / 1000) - 3600;
    }));
  test('a nonce that is not the one this sign-in sent', () =>
    tampered((claims) => (claims.nonce = 'replayed-nonce')));
  test('an ID token from another issuer', () => tampered((claims) => (claims.iss = 'https://evil.example')));
  test('an ID token signed by someone without the provider’s key', async () => {
    idp.forgerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    try {
      await tampered(() => {});
    } finally {
      idp.forgerKey = null;
    }
  });
  test('a person outside the allowed groups', () => refusedWith('carol-55e0', 'not_allowed'));

  test('a replayed state (the same callback twice)', async () => {
    const signedIn = await signIn(app.app, idp, 'alice-7f3a');
    expect(signedIn.landing).toBe('/#/enrol?sso=done');
    const url = new URL(signedIn.callback);
    const again = await app.app.inject({
      method: 'GET',
      url: url.pathname + url.search,
      headers: {
        cookie:
          signedIn.appCookies.replace(/greenroom_oidc_handoff=[^;]*;? ?/, '') +
          '; greenroom_oidc_state=' +
          url.searchParams.get('state'),
      },
    });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/#/enrol?sso_error=invalid_state');
  });

  test('a callback without this browser’s state cookie (login CSRF)', async () => {
    const start = await app.app.inject({ method: 'GET', url: '/api/enrol/oidc/start' });
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const forged = await app.app.inject({
      method: 'GET',
      url: `/api/enrol/oidc/callback?code=abc&state=${state}`,
    });
    expect(forged.headers.location).toBe('/#/enrol?sso_error=invalid_state');
  });

  test('the provider sends the person back with an error', async () => {
    const start = await app.app.inject({ method: 'GET', url: '/api/enrol/oidc/start' });
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const back = await app.app.inject({
      method: 'GET',
      url: `/api/enrol/oidc/callback?error=access_denied&state=${state}`,
      headers: { cookie: `greenroom_oidc_state=${state}` },
    });
    expect(back.headers.location).toBe('/#/enrol?sso_error=sign_in_cancelled');
  });
});

describe('the provider is down', () => {
  let down: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    const gone = await startIdp();
    await gone.close();
    down = await createTestApp(gone.env({ OIDC_TIMEOUT_MS: '2000' }));
  }, 120_000);
  afterAll(() => down?.close());

  test('a clear error on the enrol page, and codes still work', async () => {
    const start = await down.app.inject({ method: 'GET', url: '/api/enrol/oidc/start' });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/#/enrol?sso_error=idp_unavailable');
    const [code] = await createCodes(down.app, 1);
    const credential = await enrolWith(down.app, code!);
    expect(credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
