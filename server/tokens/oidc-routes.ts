import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { badRequest, errorResponses, HttpError } from '../errors.ts';
import { departmentName } from '../shared/departments.ts';
import { CREDENTIAL_PURPOSE, newCredential } from './codes.ts';
import {
  CALLBACK_PATH,
  COOKIE_PATH,
  departmentNameFrom,
  HANDOFF_COOKIE,
  hashState,
  isAllowed,
  enrolmentClient,
  OidcError,
  STATE_COOKIE,
  SUBJECT_PURPOSE,
} from './oidc.ts';
import { departmentIdByName, enrolSubject, saveOidcLogin, takeOidcLogin } from './queries.ts';
import { Enrolled, OidcCallbackQuery, OidcStatus } from '../../common/api/tokens.ts';

const HANDOFF_PURPOSE = 'oidc-handoff';
const HANDOFF_SECONDS = 300;
const enrolPage = (query: string) => `/#/enrol?${query}`;
const redirect = { description: 'To the provider, or back to the enrol page', type: 'null' } as const;

// "Enrol with <company>": the browser goes to the company's provider and comes back with a code; the
// server checks the ID token, keeps one keyed hash of the person and hands the new credential to the
// enrol page through a sealed, short-lived, HttpOnly cookie (never in a URL, never in a row).
const oidcRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const settings = config.oidc;
  const oidc = settings ? enrolmentClient(settings) : null;
  const cookieOptions = (secure: boolean, maxAge: number) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    path: COOKIE_PATH,
    maxAge,
  });

  app.get(
    '/api/enrol/oidc',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Whether enrolment through the company sign-in is offered',
        response: { 200: OidcStatus },
      },
    },
    async () => ({ enabled: Boolean(settings), providerName: settings?.providerName ?? null }),
  );

  app.get(
    '/api/enrol/oidc/start',
    {
      schema: {
        tags: ['tokens'],
        summary:
          "Sends the browser to the company's sign-in (303); back to the enrol page if it does not answer",
        response: { 303: redirect, ...errorResponses(404, 429) },
      },
    },
    async (request, reply) => {
      if (!oidc)
        throw new HttpError(404, 'oidc_disabled', 'Enrolment through the company sign-in is not set up.');
      reply.header('cache-control', 'no-store');
      await app.throttle.enforce([{ key: 'oidc-start:*', max: 600, windowMs: 60_000 }]);
      const redirectUri = settings!.redirectUri ?? `${request.protocol}://${request.host}${CALLBACK_PATH}`;
      try {
        const login = await oidc.begin(redirectUri);
        await saveOidcLogin(app.db, {
          stateHash: hashState(login.state),
          nonce: login.nonce,
          codeVerifier: login.codeVerifier,
        });
        reply.setCookie(STATE_COOKIE, login.state, cookieOptions(request.protocol === 'https', 600));
        return reply.redirect(login.url, 303);
      } catch (error) {
        if (!(error instanceof OidcError)) throw error;
        request.log.warn({ oidc: error.code }, 'oidc sign-in could not start');
        return reply.redirect(enrolPage(`sso_error=${error.code}`), 303);
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags: ['tokens'],
        summary: 'Where the provider sends the browser back; answers 303 to the enrol page',
        querystring: OidcCallbackQuery,
        response: { 303: redirect, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      if (!oidc || !settings)
        throw new HttpError(404, 'oidc_disabled', 'Enrolment through the company sign-in is not set up.');
      reply.header('cache-control', 'no-store');
      reply.clearCookie(STATE_COOKIE, { path: COOKIE_PATH });
      const fail = (code: string) => reply.redirect(enrolPage(`sso_error=${code}`), 303);
      const state = request.query.state;
      // The state must be the one this browser was given (login CSRF), and unused (replay).
      if (!state || request.cookies[STATE_COOKIE] !== state) return fail('invalid_state');
      const login = await takeOidcLogin(app.db, hashState(state));
      if (!login) return fail('invalid_state');
      const redirectUri = settings.redirectUri ?? `${request.protocol}://${request.host}${CALLBACK_PATH}`;
      const callbackUrl = new URL(redirectUri);
      for (const [name, value] of Object.entries(request.query))
        callbackUrl.searchParams.set(name, String(value));
      let claims: Record<string, unknown>;
      try {
        claims = await oidc.finish(callbackUrl, { state, ...login });
      } catch (error) {
        if (!(error instanceof OidcError)) throw error;
        request.log.warn({ oidc: error.code, reason: error.message }, 'oidc sign-in refused');
        return fail(error.code);
      }
      if (!isAllowed(settings, claims)) return fail('not_allowed');
      const mapped = departmentNameFrom(settings, claims);
      const departmentId = mapped ? await departmentIdByName(app.db, mapped) : null;
      const credential = newCredential();
      await enrolSubject(
        app.db,
        app.secrets.hmac(SUBJECT_PURPOSE, `${String(claims.iss)}\n${String(claims.sub)}`),
        app.secrets.hmac(CREDENTIAL_PURPOSE, credential),
        departmentId,
      );
      const sealed = app.secrets.encrypt(
        HANDOFF_PURPOSE,
        Buffer.from(JSON.stringify({ credential, departmentId, until: Date.now() + HANDOFF_SECONDS * 1000 })),
      );
      reply.setCookie(
        HANDOFF_COOKIE,
        sealed.toString('base64url'),
        cookieOptions(request.protocol === 'https', HANDOFF_SECONDS),
      );
      return reply.redirect(enrolPage('sso=done'), 303);
    },
  );

  app.post(
    '/api/enrol/oidc/claim',
    {
      schema: {
        tags: ['tokens'],
        summary: 'The enrol page collects the credential of a finished company sign-in (once)',
        response: { 201: Enrolled, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const sealed = request.cookies[HANDOFF_COOKIE];
      reply.clearCookie(HANDOFF_COOKIE, { path: COOKIE_PATH });
      const refused = () =>
        badRequest('no_pending_enrolment', 'No company sign-in is waiting to be collected.');
      if (!sealed) throw refused();
      let handoff: { credential: string; departmentId: string | null; until: number };
      try {
        handoff = JSON.parse(
          app.secrets.decrypt(HANDOFF_PURPOSE, Buffer.from(sealed, 'base64url')).toString('utf8'),
        );
      } catch {
        throw refused();
      }
      if (!(handoff.until > Date.now())) throw refused();
      const name = handoff.departmentId ? await departmentName(app.db, handoff.departmentId) : null;
      return reply
        .code(201)
        .send({ credential: handoff.credential, departmentId: handoff.departmentId, departmentName: name });
    },
  );
};

export default oidcRoutes;
