import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp } from '../helpers/build.ts';
import { finishSignIn, signInUntilCallback, startIdp, type TestIdp } from '../helpers/idp.ts';

// Two browsers of the same person finish their first staff sign-in through the provider at the same
// moment (two tabs, a double-clicked link, two nodes): neither transaction sees an account yet, both
// create one, and the unique index on the subject hash refuses the second. Both sign-ins must succeed,
// onto one account. Real Postgres: the race needs two connections that truly wait on each other.
let idp: TestIdp;
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  idp = await startIdp({
    'ines-5f10': { groups: ['gr-moderators'], email: 'ines.alvarez@acme.example', name: 'Ines Alvarez' },
  });
  app = await createTestApp(
    idp.env({
      OIDC_SCOPES: 'openid groups email profile',
      GREENROOM_STAFF_OIDC_ADMIN_GROUPS: 'gr-admins',
      GREENROOM_STAFF_OIDC_MODERATOR_GROUPS: 'gr-moderators',
    }),
  );
}, 120_000);
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

const START = '/api/staff/oidc/start';
const sessionOf = (cookies: string) => /greenroom_session=([^;]+)/.exec(cookies)?.[1] ?? null;

test('two first sign-ins of one person at once both succeed, onto one staff account', async () => {
  expect(app.config.databaseUrl).toBeTruthy();
  const first = await signInUntilCallback(app.app, idp, 'ines-5f10', { start: START });
  const second = await signInUntilCallback(app.app, idp, 'ines-5f10', { start: START });
  // Hold both callbacks at the account lookup until both are there, then let them go together: the
  // lookup's row lock finds no row to lock, so nothing else orders them.
  const blocker = new pg.Client({ connectionString: app.config.databaseUrl! });
  await blocker.connect();
  let results: PromiseSettledResult<Awaited<ReturnType<typeof finishSignIn>>>[];
  try {
    await blocker.query('begin');
    await blocker.query('lock table staff in exclusive mode');
    const racing = Promise.allSettled([finishSignIn(app.app, first), finishSignIn(app.app, second)]);
    for (let waited = 0; ; waited++) {
      const { rows } = await blocker.query<{ n: string }>(
        `select count(*) as n from pg_locks where relation = 'staff'::regclass and not granted`,
      );
      if (Number(rows[0]!.n) >= 2) break;
      if (waited > 600) throw new Error('the two callbacks never reached the account lookup');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await blocker.query('commit');
    results = await racing;
  } finally {
    await blocker.end();
  }
  expect(
    results.map((result) => (result.status === 'fulfilled' ? result.value.landing : String(result.reason))),
  ).toEqual(['/#/staff/login?sso=done', '/#/staff/login?sso=done']);
  const accounts = await app.app.db
    .selectFrom('staff')
    .select(['id', 'username', 'role', 'idp_subject_hash'])
    .where('idp_subject_hash', 'is not', null)
    .execute();
  expect(accounts).toEqual([
    expect.objectContaining({ username: 'ines.alvarez@acme.example', role: 'moderator' }),
  ]);
  const sessions = results.map((result) =>
    sessionOf((result as PromiseFulfilledResult<{ appCookies: string }>).value.appCookies),
  );
  for (const session of sessions) {
    const me = await app.app.inject({
      url: '/api/staff/me',
      headers: { cookie: `greenroom_session=${session}` },
    });
    expect(me.json().staff).toMatchObject({ id: accounts[0]!.id, role: 'moderator' });
  }
  const created = await app.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', accounts[0]!.id)
    .where('action', '=', 'staff.create')
    .execute();
  expect(created).toHaveLength(1);
});
