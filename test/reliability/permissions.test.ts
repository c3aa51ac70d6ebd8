import fc from 'fast-check';
import type { RouteOptions } from 'fastify';
import { beforeAll, expect, test } from 'vitest';
import { isStaffGuard } from '../../server/plugins/staff-session.ts';
import { buildWithIdp } from '../helpers/idp.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember, type Member } from '../helpers/members.ts';
import { departmentId } from '../helpers/departments.ts';
import { ensureHandoffKeys } from '../../server/handoffs/keys.ts';
import { valueFor } from './arbitraries.ts';

// The permission matrix is built from the route list itself, so a new route cannot escape it:
// every route × every kind of caller gets exactly the allowed outcome.
const t = buildWithIdp();

type Actor = 'nobody' | 'employee' | 'moderator' | 'admin' | 'disabled' | 'expired';
const ACTORS: Actor[] = ['nobody', 'employee', 'moderator', 'admin', 'disabled', 'expired'];
type Guard = 'admin' | 'staff' | 'token' | 'apiKey' | 'public';

function guardOf(route: RouteOptions): Guard {
  if (route.url.startsWith('/api/admin/')) return 'admin';
  if (route.url.startsWith('/api/mod/')) return 'staff';
  const guard = ([route.preValidation ?? [], route.preHandler ?? []].flat() as unknown[]).find(isStaffGuard);
  if (guard) return guard.staffRoles.length === 1 && guard.staffRoles[0] === 'admin' ? 'admin' : 'staff';
  if ((route.config as { privateToken?: unknown } | undefined)?.privateToken) return 'token';
  // Tools that push customer feedback: only an admin-created API key opens it (test/customer-voice/api.test.ts).
  if ((route.config as { customerVoiceApiKey?: unknown } | undefined)?.customerVoiceApiKey) return 'apiKey';
  return 'public';
}

/** Which actors a guard lets through (an allowed actor may still get 400/404/409 from the route itself). */
const ALLOWED: Record<Guard, Actor[]> = {
  admin: ['admin'],
  staff: ['moderator', 'admin'],
  token: ['employee'],
  apiKey: [],
  public: ACTORS,
};

const skip = (route: RouteOptions) =>
  route.method === 'HEAD' ||
  (route as { websocket?: boolean }).websocket === true ||
  !(route.url.startsWith('/api') || route.url.startsWith('/.well-known')) ||
  route.url.startsWith('/api/docs') ||
  ['/api/staff/logout', '/api/staff/login'].includes(route.url);

let staff: Record<'moderator' | 'admin' | 'disabled' | 'expired', SignedInStaff>;
let member: Member;
/** Real targets for routes whose token scope names one (pulse:<id>, focus-group:<id>). */
const fixtures: Record<string, Record<string, string>> = {};
/** The same for scopes named by a body field (handoff:<department>:<week>). */
const bodyFixtures: Record<string, Record<string, string>> = {};
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  const make = given(t.app);
  staff = {
    moderator: await make.staff('moderator'),
    admin: await make.staff('admin'),
    disabled: await make.staff('admin'),
    expired: await make.staff('admin'),
  };
  await t.app.db.updateTable('staff').set({ disabled: true }).where('id', '=', staff.disabled.id).execute();
  await t.app.db
    .updateTable('staff_session')
    .set({ expires_at: new Date(Date.now() - 60_000) })
    .where('staff_id', '=', staff.expired.id)
    .execute();
  member = await enrolMember(t.app);
  const pulse = await t.app.inject({
    method: 'POST',
    url: '/api/mod/pulses',
    headers: staff.moderator.headers,
    payload: { question: 'How was your week?', scale: '0-10', opensOn: today(), closesOn: today() },
  });
  expect(pulse.statusCode, pulse.body).toBe(201);
  fixtures['/api/pulses/:id/responses'] = { id: pulse.json().id };
  const focusGroup = await t.app.inject({
    method: 'POST',
    url: '/api/mod/focus-groups',
    headers: staff.moderator.headers,
    payload: {
      title: 'Permission matrix room',
      prompts: ['What is broken?'],
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  });
  expect(focusGroup.statusCode, focusGroup.body).toBe(201);
  fixtures['/api/focus-groups/:id/seats'] = { id: focusGroup.json().id };
  const team = await departmentId(t.app, 'Permission matrix team');
  await ensureHandoffKeys(t.app, { departmentIds: [team] });
  bodyFixtures['/api/handoffs/ratings'] = { departmentId: team };
});

function sampleRequest(route: RouteOptions) {
  const schema = (route.schema ?? {}) as Record<string, any>;
  const [params, query, body] = fc.sample(
    fc.tuple(
      valueFor(schema.params, 0, true),
      valueFor(schema.querystring, 0, true),
      valueFor(schema.body, 0, true),
    ),
    { numRuns: 1, seed: 7 },
  )[0]!;
  const fixed = fixtures[route.url] ?? {};
  const url = route.url.replace(/:(\w+)\??/g, (_m, name: string) =>
    encodeURIComponent(
      String(
        fixed[name] ??
          (params as Record<string, unknown> | undefined)?.[name] ??
          '00000000-0000-4000-8000-000000000000',
      ),
    ),
  );
  const fixedBody = bodyFixtures[route.url];
  return {
    url,
    query: (query ?? {}) as Record<string, string>,
    body: fixedBody ? { ...(body as object), ...fixedBody } : body,
  };
}

test('every route × every caller gets exactly the allowed outcome', async () => {
  const routes = t.routes.filter((route) => !skip(route));
  expect(routes.length).toBeGreaterThan(10);
  const failures: string[] = [];
  for (const route of routes) {
    const guard = guardOf(route);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      for (const actor of ACTORS) {
        const request = sampleRequest(route);
        const headers: Record<string, string> = {};
        if (actor === 'employee') {
          const privateToken = (route.config as any)?.privateToken;
          const scope =
            typeof privateToken === 'function'
              ? privateToken({ params: fixtures[route.url] ?? {}, body: bodyFixtures[route.url] ?? {} })
              : typeof privateToken === 'string'
                ? privateToken
                : 'general';
          if (typeof privateToken === 'function' && !fixtures[route.url] && !bodyFixtures[route.url])
            throw new Error(`no fixture for ${route.url}`);
          // Budget 1 per scoped key: a scoped route is tried by the employee once.
          [headers.authorization] = await member.tokens(scope, 1);
        } else if (actor !== 'nobody') {
          Object.assign(headers, staff[actor].headers);
        }
        const hasBody = !['GET', 'DELETE'].includes(method);
        const response = await t.app.inject({
          method: method as 'GET',
          url: request.url,
          query: Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, String(v)])),
          headers,
          ...(hasBody ? { payload: (request.body ?? {}) as object } : {}),
        });
        const status = response.statusCode;
        const code = status >= 400 ? response.json().error : null;
        const where = `${method} ${route.url} as ${actor} → ${status} ${code ?? ''}`;
        const refusedForAuth =
          (status === 401 &&
            ['unauthenticated', 'token_invalid', 'token_spent', 'api_key_invalid'].includes(code)) ||
          (status === 403 && code === 'forbidden');
        const allowed = ALLOWED[guard].includes(actor);
        if (status >= 500) failures.push(`${where} (5xx)`);
        else if (allowed && refusedForAuth) failures.push(`${where} (should be let through)`);
        else if (!allowed && !refusedForAuth) failures.push(`${where} (should be refused)`);
        else if (!allowed && guard === 'admin' && actor === 'moderator' && status !== 403)
          failures.push(`${where} (wrong role must be 403)`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('the company provider is on: its routes are in the matrix and send the browser to it', async () => {
  const urls = t.routes.filter((route) => !skip(route)).map((route) => route.url);
  expect(urls).toEqual(
    expect.arrayContaining(['/api/staff/oidc/start', '/api/staff/oidc/callback', '/api/enrol/oidc/start']),
  );
  for (const url of ['/api/staff/oidc/start', '/api/enrol/oidc/start']) {
    const start = await t.app.inject({ url });
    expect(start.statusCode, url).toBe(303);
    expect(String(start.headers.location).startsWith(`${t.idp.issuer}/`), url).toBe(true);
  }
});
