import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { randomBytes } from 'node:crypto';
import { badRequest, conflict, errorResponses, notFound, unauthorized } from '../errors.ts';
import type { Config } from '../config.ts';
import { SESSION_COOKIE } from '../plugins/staff-session.ts';
import staffOidcRoutes from './oidc-routes.ts';
import { decoy, hashPassword, verifyPassword } from '../shared/passwords.ts';
import { audit } from '../shared/audit.ts';
import {
  createSession,
  deleteSession,
  hashSessionId,
  purgeExpiredSessions,
  SESSION_TTL_MS,
} from '../shared/staff-sessions.ts';
import {
  activeLocalAdminIds,
  createStaff,
  findPasswordHash,
  findRole,
  findStaffForLogin,
  isProviderAccount,
  listStaff,
  setPassword,
  setRole,
  setStaffDisabled,
} from './queries.ts';
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS, loginThrottle, newDevice, readDevice } from './login-throttle.ts';
import {
  LoginBody,
  NewStaffBody,
  PasswordChangeBody,
  PasswordReset,
  RoleBody,
  StaffIdParams,
  StaffListItem,
  StaffMember,
} from '../../common/api/staff.ts';

/** A temporary password an admin reads out once: 20 characters from an alphabet without look-alikes. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
  return [0, 5, 10, 15].map((at) => chars.slice(at, at + 5).join('')).join('-');
}

/** The company provider decides this account's role and sign-in; a change here would be undone at its next sign-in. */
const managedByProvider = () =>
  conflict('managed_by_idp', 'This account signs in through the company provider: change it there.');
/** Provider accounts come and go with the provider's groups; one admin with a password always stays. */
const lastLocalAdmin = () =>
  conflict(
    'last_admin',
    'This is the last admin who signs in with a password: make someone else a password admin first.',
  );

export const SESSION_PURGE_JOB = 'staff-sessions';

const staffRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  await app.register(staffOidcRoutes, { config });

  // Ended sessions are deleted hourly, by one node at a time.
  app.jobs.define({
    name: SESSION_PURGE_JOB,
    everyMs: 60 * 60 * 1000,
    run: async () => {
      const purged = await purgeExpiredSessions(app.db);
      if (purged > 0) app.log.info({ purged }, 'expired staff sessions purged');
    },
  });

  app.post(
    '/staff/login',
    {
      schema: {
        tags: ['staff'],
        summary: 'Sign in as staff; sets an HttpOnly SameSite=Strict session cookie',
        description:
          'Throttled across all nodes: progressive delay per username and device (see README, "Throttles"), ' +
          'and an overall limit across all usernames. A successful sign-in clears its own bucket.',
        body: LoginBody,
        response: { 200: Type.Object({ staff: StaffMember }), ...errorResponses(400, 401, 429, 503) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const device = readDevice(app.secrets, request.cookies[DEVICE_COOKIE], username);
      const { limits, backoff } = loginThrottle(username, device);
      await app.throttle.enforce(limits, { backoff });
      const found = await findStaffForLogin(app.db, username);
      // An account the company provider signs in has no password: it is checked against the decoy too.
      const ok = await verifyPassword(found?.passwordHash ?? (await decoy()), password);
      if (!found?.passwordHash || !ok || found.disabled) {
        throw unauthorized('invalid_credentials', 'Wrong username or password.');
      }
      await app.throttle.forgive({ limits, backoff });
      const sessionId = await createSession(app.db, found.id);
      reply.setCookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      // After the session cookie: clients that read the first Set-Cookie find the session.
      reply.setCookie(DEVICE_COOKIE, device ?? newDevice(app.secrets, username), {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/api/staff/login',
        maxAge: DEVICE_TTL_SECONDS,
      });
      const staff = {
        id: found.id,
        username: found.username,
        displayName: found.displayName,
        role: found.role,
        mustChangePassword: found.mustChangePassword,
      };
      return { staff };
    },
  );

  app.post(
    '/staff/logout',
    { schema: { tags: ['staff'], summary: 'End the staff session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await deleteSession(app.db, sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/staff/me',
    {
      schema: {
        tags: ['staff'],
        summary: 'The signed-in staff member, or null for anyone else',
        description:
          'Every page load asks; a visitor without a staff session is the normal case, so it is a 200 with ' +
          "`staff: null` rather than a 401 in every employee's browser console.",
        response: { 200: Type.Object({ staff: Type.Union([StaffMember, Type.Null()]) }) },
      },
    },
    async (request) => ({ staff: request.staff ?? null }),
  );

  app.post(
    '/staff/password',
    {
      preHandler: app.requireStaff(),
      config: { temporaryPasswordAllowed: true },
      schema: {
        tags: ['staff'],
        summary: 'Change your own password (the current one is required); ends your other sessions',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const staff = request.staff!;
      const { currentPassword, newPassword } = request.body;
      if (await isProviderAccount(app.db, staff.id)) throw managedByProvider();
      // The same throttle as sign-in: a stolen session cannot guess the current password at leisure.
      const { limits, backoff } = loginThrottle(staff.username, null);
      await app.throttle.enforce(limits, { backoff });
      const hash = await findPasswordHash(app.db, staff.id);
      if (!hash || !(await verifyPassword(hash, currentPassword)))
        throw badRequest('wrong_password', 'Your current password is not right.');
      await app.throttle.forgive({ limits, backoff });
      if (newPassword === currentPassword)
        throw badRequest('password_unchanged', 'Choose a password different from the current one.');
      const sessionId = request.cookies[SESSION_COOKIE]!;
      await app.db.transaction().execute(async (trx) => {
        await setPassword(trx, staff.id, {
          passwordHash: await hashPassword(newPassword, 'sign-in'),
          temporary: false,
          keepSessionHash: hashSessionId(sessionId),
        });
        await audit(trx, staff, 'staff.password-change', { type: 'staff', id: staff.id });
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/admin/staff',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'List staff accounts',
        response: { 200: Type.Object({ staff: Type.Array(StaffListItem) }), ...errorResponses(401, 403) },
      },
    },
    async () => {
      const rows = await listStaff(app.db);
      return { staff: rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() })) };
    },
  );

  app.post(
    '/admin/staff',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Create a moderator or admin account',
        body: NewStaffBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { username, displayName, role, password } = request.body;
      const id = await createStaff(app.db, {
        username,
        displayName,
        role,
        passwordHash: await hashPassword(password),
      });
      if (!id) throw conflict('username_taken', `The username "${username}" is already taken.`);
      await audit(app.db, request.staff!, 'staff.create', { type: 'staff', id }, { username, role });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/admin/staff/:id/disabled',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Disable or re-enable a staff account (disabling ends its sessions)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Object({ disabled: Type.Boolean() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (id === request.staff!.id)
        throw conflict('cannot_disable_self', 'You cannot disable your own account.');
      if (request.body.disabled)
        await app.db.transaction().execute(async (trx) => {
          const admins = await activeLocalAdminIds(trx);
          if (admins.length <= 1 && admins.includes(id)) throw lastLocalAdmin();
        });
      if (!(await setStaffDisabled(app.db, id, request.body.disabled)))
        throw notFound('No such staff account.');
      await audit(app.db, request.staff!, request.body.disabled ? 'staff.disable' : 'staff.enable', {
        type: 'staff',
        id,
      });
      return { disabled: request.body.disabled };
    },
  );

  app.post(
    '/admin/staff/:id/password-reset',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: "Reset another staff member's password to a temporary one, shown once",
        description:
          'Ends their sessions; at their next sign-in they can do nothing but choose a new password. ' +
          'Your own password is changed with POST /api/staff/password.',
        params: StaffIdParams,
        response: { 200: PasswordReset, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (id === request.staff!.id)
        throw conflict('reset_self', 'Change your own password from your account page instead.');
      if (await isProviderAccount(app.db, id)) throw managedByProvider();
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      const done = await app.db.transaction().execute(async (trx) => {
        if (!(await setPassword(trx, id, { passwordHash, temporary: true }))) return false;
        await audit(trx, request.staff!, 'staff.password-reset', { type: 'staff', id });
        return true;
      });
      if (!done) throw notFound('No such staff account.');
      return { temporaryPassword: password };
    },
  );

  app.post(
    '/admin/staff/:id/role',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: "Change a staff member's role; the last admin cannot be demoted",
        params: StaffIdParams,
        body: RoleBody,
        response: {
          200: Type.Object({ id: Type.String(), role: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { role } = request.body;
      await app.db.transaction().execute(async (trx) => {
        // Admins are locked first: two admins demoting each other at once cannot both succeed.
        const admins = await activeLocalAdminIds(trx);
        const before = await findRole(trx, id);
        if (!before) throw notFound('No such staff account.');
        if (await isProviderAccount(trx, id)) throw managedByProvider();
        if (before === role) return;
        if (before === 'admin' && admins.length <= 1 && admins.includes(id)) throw lastLocalAdmin();
        await setRole(trx, id, role);
        await audit(trx, request.staff!, 'staff.role', { type: 'staff', id }, { from: before, to: role });
      });
      return { id, role };
    },
  );
};

export default staffRoutes;
