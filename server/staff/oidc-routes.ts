import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '../../db/schema.ts';
import type { Config, StaffOidcConfig } from '../config.ts';
import { errorResponses, HttpError } from '../errors.ts';
import { SESSION_COOKIE } from '../plugins/staff-session.ts';
import { audit } from '../shared/audit.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { asList, hashState, OidcClient, OidcError } from '../shared/oidc-client.ts';
import { createSession, deleteSession, SESSION_TTL_MS, type StaffMember } from '../shared/staff-sessions.ts';
import {
  createProviderAccount,
  endSessionsOf,
  findProviderAccount,
  freeUsername,
  saveStaffOidcLogin,
  takeStaffOidcLogin,
  updateProviderAccount,
} from './queries.ts';
import { OidcCallbackQuery, OidcStatus } from '../../common/api/tokens.ts';

/** Not the enrolment's purpose: the same person's staff account and membership hash differently. */
export const STAFF_SUBJECT_PURPOSE = 'staff-oidc-subject';
export const STAFF_CALLBACK_PATH = '/api/staff/oidc/callback';
export const STAFF_STATE_COOKIE = 'greenroom_staff_oidc_state';
const COOKIE_PATH = '/api/staff/oidc';
/** The only place a staff sign-in lands: a fixed page, whatever the request says (no open redirect). */
const loginPage = (query: string) => `/#/staff/login?${query}`;
const redirect = { description: 'To the provider, or back to the staff sign-in page', type: 'null' } as const;

/** Why a staff sign-in through the provider was refused; the sign-in page says each one in words. */
export type StaffSignInFailure =
  | 'idp_unavailable'
  | 'invalid_state'
  | 'sign_in_cancelled'
  | 'id_token_invalid'
  | 'no_staff_role'
  | 'account_disabled';

/** The role the person's groups map to: admin wins over moderator; none means no staff access. */
export function roleFrom(settings: StaffOidcConfig, groups: string[]): StaffRole | null {
  if (settings.adminGroups.some((group) => groups.includes(group))) return 'admin';
  if (settings.moderatorGroups.some((group) => groups.includes(group))) return 'moderator';
  return null;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** What is kept of the person: a name to show and one to audit by (an email cannot be a local username). */
function identity(claims: Record<string, unknown>, subjectHash: string) {
  const username = (
    text(claims.email) ?? `${text(claims.preferred_username) ?? `staff-${subjectHash.slice(0, 8)}`}@idp`
  )
    .toLowerCase()
    .slice(0, 120);
  const displayName = (text(claims.name) ?? text(claims.preferred_username) ?? username).slice(0, 80);
  return { username, displayName };
}

type SignInResult = { staff: StaffMember } | { refused: StaffSignInFailure };

/**
 * The account of the provider's person, in one transaction: created at the first sign-in, its role
 * and names taken from the provider at every sign-in (a demotion there is a demotion here). A person
 * whose groups map to no role is refused, and an account they had loses its sessions.
 */
async function signInAccount(
  db: Kysely<Database>,
  subjectHash: string,
  role: StaffRole | null,
  claims: Record<string, unknown>,
): Promise<SignInResult> {
  // Two first sign-ins of one person at once (two tabs, two nodes) both find no account and both create
  // one; the unique index refuses the later. Its transaction is gone, so it starts again and finds the
  // account the other made. A username taken meanwhile by someone else is picked again the same way.
  for (let attempt = 1; ; attempt++) {
    try {
      return await signInAccountOnce(db, subjectHash, role, claims);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function signInAccountOnce(
  db: Kysely<Database>,
  subjectHash: string,
  role: StaffRole | null,
  claims: Record<string, unknown>,
): Promise<SignInResult> {
  return db.transaction().execute(async (trx): Promise<SignInResult> => {
    const found = await findProviderAccount(trx, subjectHash);
    const refuse = async (reason: StaffSignInFailure): Promise<SignInResult> => {
      if (found) {
        await endSessionsOf(trx, found.id);
        await audit(
          trx,
          found,
          'staff.sign-in-refused',
          { type: 'staff', id: found.id },
          { via: 'idp', reason },
        );
      }
      return { refused: reason };
    };
    if (!role) return refuse('no_staff_role');
    if (found?.disabled) return refuse('account_disabled');
    const names = identity(claims, subjectHash);
    const username = await freeUsername(trx, names.username, subjectHash.slice(0, 8), found?.id ?? null);
    const account = { username, displayName: names.displayName, role };
    let staff: StaffMember;
    if (found) {
      await updateProviderAccount(trx, found.id, account);
      staff = { ...account, id: found.id, mustChangePassword: false };
      if (found.role !== role)
        await audit(
          trx,
          staff,
          'staff.role',
          { type: 'staff', id: staff.id },
          { from: found.role, to: role, by: 'idp' },
        );
    } else {
      const id = await createProviderAccount(trx, { ...account, subjectHash });
      staff = { ...account, id, mustChangePassword: false };
      await audit(trx, staff, 'staff.create', { type: 'staff', id }, { via: 'idp', role });
    }
    await audit(trx, staff, 'staff.sign-in', { type: 'staff', id: staff.id }, { via: 'idp', role });
    return { staff };
  });
}

// "Sign in with <company>" for moderators and admins: the same provider as enrolment, a callback of its
// own, roles from the provider's groups. Local password accounts stay (the first admin is one).
const staffOidcRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const settings = config.oidc && config.staffOidc ? { ...config.oidc, ...config.staffOidc } : null;
  const oidc = settings ? new OidcClient(settings, [settings.groupsClaim]) : null;
  const redirectUri = (request: { protocol: string; host: string }) =>
    settings?.redirectUri ??
    (config.oidc?.redirectUri
      ? new URL(STAFF_CALLBACK_PATH, config.oidc.redirectUri).href
      : `${request.protocol}://${request.host}${STAFF_CALLBACK_PATH}`);
  const disabled = () =>
    new HttpError(404, 'staff_oidc_disabled', 'Staff sign-in through the company provider is not set up.');

  app.get(
    '/staff/oidc',
    {
      schema: {
        tags: ['staff'],
        summary: 'Whether staff may sign in through the company provider',
        response: { 200: OidcStatus },
      },
    },
    async () => ({ enabled: Boolean(settings), providerName: settings?.providerName ?? null }),
  );

  app.get(
    '/staff/oidc/start',
    {
      schema: {
        tags: ['staff'],
        summary:
          "Sends the browser to the company's sign-in (303); back to the staff sign-in page if it does not answer",
        response: { 303: redirect, ...errorResponses(404, 429) },
      },
    },
    async (request, reply) => {
      if (!oidc) throw disabled();
      reply.header('cache-control', 'no-store');
      await app.throttle.enforce([{ key: 'staff-oidc-start:*', max: 300, windowMs: 60_000 }]);
      try {
        const login = await oidc.begin(redirectUri(request));
        await saveStaffOidcLogin(app.db, {
          stateHash: hashState(login.state),
          nonce: login.nonce,
          codeVerifier: login.codeVerifier,
        });
        reply.setCookie(STAFF_STATE_COOKIE, login.state, {
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          path: COOKIE_PATH,
          maxAge: 600,
        });
        return reply.redirect(login.url, 303);
      } catch (error) {
        if (!(error instanceof OidcError)) throw error;
        request.log.warn({ oidc: error.code }, 'staff oidc sign-in could not start');
        return reply.redirect(loginPage(`sso_error=${error.code}`), 303);
      }
    },
  );

  app.get(
    '/staff/oidc/callback',
    {
      schema: {
        tags: ['staff'],
        summary: 'Where the provider sends a staff member back; answers 303 to the staff pages',
        querystring: OidcCallbackQuery,
        response: { 303: redirect, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      if (!oidc || !settings) throw disabled();
      reply.header('cache-control', 'no-store');
      reply.clearCookie(STAFF_STATE_COOKIE, { path: COOKIE_PATH });
      const fail = (code: StaffSignInFailure) => reply.redirect(loginPage(`sso_error=${code}`), 303);
      const state = request.query.state;
      // The state must be the one this browser was given (login CSRF), and unused (replay).
      if (!state || request.cookies[STAFF_STATE_COOKIE] !== state) return fail('invalid_state');
      const login = await takeStaffOidcLogin(app.db, hashState(state));
      if (!login) return fail('invalid_state');
      const callbackUrl = new URL(redirectUri(request));
      for (const [name, value] of Object.entries(request.query))
        callbackUrl.searchParams.set(name, String(value));
      let claims: Record<string, unknown>;
      try {
        claims = await oidc.finish(callbackUrl, { state, ...login });
      } catch (error) {
        if (!(error instanceof OidcError)) throw error;
        request.log.warn({ oidc: error.code, reason: error.message }, 'staff oidc sign-in refused');
        return fail(error.code as StaffSignInFailure);
      }
      const subjectHash = app.secrets.hmac(
        STAFF_SUBJECT_PURPOSE,
        `${String(claims.iss)}\n${String(claims.sub)}`,
      );
      const role = roleFrom(settings, asList(claims[settings.groupsClaim]));
      const result = await signInAccount(app.db, subjectHash, role, claims);
      if ('refused' in result) {
        request.log.warn({ oidc: result.refused }, 'staff oidc sign-in refused');
        return fail(result.refused);
      }
      // A new session id whatever the browser brought (no session fixation); the old one is ended.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(app.db, previous);
      const sessionId = await createSession(app.db, result.staff.id);
      reply.setCookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return reply.redirect(loginPage('sso=done'), 303);
    },
  );
};

export default staffOidcRoutes;
