// A real OpenID provider for tests: panva's oidc-provider, in this process, on a random port.
// People sign in through its own (development) login form; nothing about the protocol is faked.
// `tamper` makes it misbehave like a broken or hostile provider would: the ID token it returns from
// the token endpoint is re-signed with its own key after a claim is changed.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './build.ts';

export interface Person {
  groups?: string[];
  department?: string;
  email?: string;
  name?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  people: Map<string, Person>;
  /** Callbacks the client registration allows; add to it before the first request (an e2e app's real port). */
  redirectUris: string[];
  tamper: ((claims: Record<string, unknown>) => void) | null;
  /** With `tamper`: re-sign with this key instead of the provider's (a forger without the provider's key). */
  forgerKey: KeyObject | null;
  /** Env for createTestApp / build. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

export const REDIRECT_URI = 'http://greenroom.test/api/enrol/oidc/callback';
export const STAFF_REDIRECT_URI = 'http://greenroom.test/api/staff/oidc/callback';
/** Where the provider's redirects stop being the provider's: the app's callbacks. */
const APP_ORIGIN = 'http://greenroom.test/';

function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject) {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part(header)}.${part(claims)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

/** `redirectUris`: more callbacks to register (an e2e test's real app origin). */
export async function startIdp(
  people: Record<string, Person> = {},
  options: { redirectUris?: string[] } = {},
): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const idp: TestIdp = {
    issuer,
    clientId: 'greenroom',
    clientSecret: 'greenroom-test-client-secret-0123456789',
    redirectUri: REDIRECT_URI,
    people: new Map(Object.entries(people)),
    redirectUris: [REDIRECT_URI, STAFF_REDIRECT_URI, ...(options.redirectUris ?? [])],
    tamper: null,
    forgerKey: null,
    env: (extra = {}) => ({
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_ALLOW_HTTP: 'true',
      OIDC_SCOPES: 'openid groups',
      OIDC_PROVIDER_NAME: 'Acme',
      ...extra,
    }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  // Built at the first request, so a test can register callbacks it only knows after starting its app.
  const makeProvider = () => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: idp.clientId,
          client_secret: idp.clientSecret,
          redirect_uris: idp.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [jwk as never] },
      cookies: { keys: ['test-idp-cookie-key'] },
      claims: { openid: ['sub'], groups: ['groups', 'department'], email: ['email'], profile: ['name'] },
      findAccount: async (_ctx: unknown, id: string) => {
        const person = idp.people.get(id);
        if (!person) return undefined;
        return { accountId: id, claims: async () => ({ sub: id, ...person }) };
      },
      // A company provider that already knows the app asks no consent question.
      loadExistingGrant: async (ctx: any) => {
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client!.clientId,
          accountId: ctx.oidc.session!.accountId!,
        });
        grant.addOIDCScope('openid groups email profile');
        await grant.save();
        return grant;
      },
      features: { devInteractions: { enabled: true } },
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && idp.tamper && body?.id_token) {
        const [header, payload] = body.id_token
          .split('.')
          .slice(0, 2)
          .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
        idp.tamper(payload);
        body.id_token = signJwt(header, payload, idp.forgerKey ?? privateKey);
      }
    });
    return provider;
  };
  let handle: ReturnType<Provider['callback']> | null = null;
  server.on('request', (request, response) => {
    handle ??= makeProvider().callback();
    void handle(request, response);
  });
  return idp;
}

/** Cookies as a browser keeps them, by name (one host each). */
class Jar {
  #cookies = new Map<string, string>();
  take(setCookie: string | string[] | undefined | null) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line))
        this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header = () => [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

export interface SignIn {
  /** Where the app's callback sent the browser (`/#/enrol?sso=done` or `?sso_error=…`). */
  landing: string;
  /** The callback URL the provider sent the browser to (to replay it). */
  callback: string;
  appCookies: string;
}

/** A browser's sign-in up to (not including) the app's callback: what it would send there. */
export interface PendingCallback {
  /** Set when the app's start sent the browser straight back (the provider is not reached). */
  landing: string | null;
  callback: string;
  /** Cookies the browser holds for the app at that moment. */
  appCookies: string;
}

/** The app's start and the provider's login form; the callback is left to the caller (to race two). */
export async function signInUntilCallback(
  app: FastifyInstance,
  idp: TestIdp,
  login: string,
  options: { start?: string; cookies?: string } = {},
): Promise<PendingCallback> {
  const appJar = new Jar();
  appJar.take(options.cookies?.split('; '));
  const idpJar = new Jar();
  const start = await app.inject({
    method: 'GET',
    url: options.start ?? '/api/enrol/oidc/start',
    headers: { cookie: appJar.header() },
  });
  if (start.statusCode !== 303) throw new Error(`start: ${start.statusCode} ${start.body}`);
  appJar.take(start.headers['set-cookie']);
  let location = String(start.headers.location);
  if (location.startsWith('/#/')) return { landing: location, callback: '', appCookies: appJar.header() };
  let form: { action: string; body: string } | null = null;
  for (let hop = 0; hop < 20 && !location.startsWith(APP_ORIGIN); hop++) {
    const response: Response = await fetch(new URL(location, idp.issuer), {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: idpJar.header(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.body } : {}),
    });
    form = null;
    idpJar.take(response.headers.getSetCookie());
    if (response.status >= 300 && response.status < 400) {
      location = response.headers.get('location')!;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"'))
      throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
    form = { action, body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString() };
    location = action;
  }
  return { landing: null, callback: location, appCookies: appJar.header() };
}

/** The browser arriving at the app's callback with what the provider gave it. */
export async function finishSignIn(app: FastifyInstance, pending: PendingCallback): Promise<SignIn> {
  if (pending.landing !== null) return { ...pending, landing: pending.landing };
  const appJar = new Jar();
  appJar.take(pending.appCookies ? pending.appCookies.split('; ') : []);
  const url = new URL(pending.callback);
  const back = await app.inject({
    method: 'GET',
    url: url.pathname + url.search,
    headers: { cookie: appJar.header() },
  });
  if (back.statusCode !== 303) throw new Error(`callback: ${back.statusCode} ${back.body}`);
  appJar.take(back.headers['set-cookie']);
  return { landing: String(back.headers.location), callback: pending.callback, appCookies: appJar.header() };
}

/** A browser's sign-in: the app's start, the provider's login form, the app's callback. */
export async function signIn(
  app: FastifyInstance,
  idp: TestIdp,
  login: string,
  options: { start?: string; cookies?: string } = {},
): Promise<SignIn> {
  return finishSignIn(app, await signInUntilCallback(app, idp, login, options));
}

/** The enrol page collecting the credential after a sign-in that landed on `sso=done`. */
export async function claim(app: FastifyInstance, signedIn: SignIn) {
  return app.inject({
    method: 'POST',
    url: '/api/enrol/oidc/claim',
    headers: { cookie: signedIn.appCookies },
  });
}

/** Staff sign-in through the provider on top of enrolment: the groups that map to the two roles. */
export const STAFF_OIDC_ENV = {
  OIDC_SCOPES: 'openid groups email profile',
  GREENROOM_STAFF_OIDC_ADMIN_GROUPS: 'gr-admins',
  GREENROOM_STAFF_OIDC_MODERATOR_GROUPS: 'gr-moderators',
};

/**
 * `build()` with the company provider on: one local provider per test file, started before the app,
 * with OIDC enrolment and staff sign-in configured, so tests generated from the route list (permission
 * matrix, fuzzers) reach the OIDC routes working rather than answering "not set up".
 */
export function buildWithIdp(env: Record<string, string> = {}): TestApp & { idp: TestIdp } {
  const handle = {} as TestApp & { idp: TestIdp };
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const idp = await startIdp({
      'ada-0001': { groups: ['gr-admins'], email: 'ada@acme.example', name: 'Ada' },
    });
    const created = await createTestApp(idp.env({ ...STAFF_OIDC_ENV, ...env }));
    Object.assign(handle, created, { idp });
    close = async () => {
      await created.close();
      await idp.close();
    };
  }, 120_000);
  afterAll(() => close());
  return handle;
}
