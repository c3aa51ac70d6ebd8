import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { findSessionStaff, type StaffMember } from '../shared/staff-sessions.ts';

export const SESSION_COOKIE = 'greenroom_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffMember | null;
  }
  interface FastifyContextConfig {
    /** The route stays open to a staff member who signed in with a temporary password (to replace it). */
    temporaryPasswordAllowed?: boolean;
  }
  interface FastifyInstance {
    /** preHandler: 401 without a session, 403 without one of the roles. */
    requireStaff(
      ...roles: StaffRole[]
    ): ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & { staffRoles: StaffRole[] };
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The roles a route's guard admits, if the function is a staff guard (tests read it to build the permission matrix). */
export const isStaffGuard = (fn: unknown): fn is { staffRoles: StaffRole[] } =>
  typeof fn === 'function' && Array.isArray((fn as { staffRoles?: unknown }).staffRoles);

export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(cookie);
    app.decorateRequest('staff', null);

    const allowed = new Set(config.allowedOrigins);
    // A state-changing request that carries the staff cookie must come from our own pages.
    const sameOrigin = (request: FastifyRequest) => {
      const origin = request.headers.origin;
      if (request.headers['sec-fetch-site'] === 'cross-site') return false;
      if (!origin) return true; // non-browser clients send none; SameSite=Strict already keeps browsers honest
      if (allowed.has(origin)) return true;
      return origin === `${request.protocol}://${request.host}`;
    };

    app.addHook('onRequest', async (request) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (!sessionId) return;
      request.staff = await findSessionStaff(app.db, sessionId);
      if (request.staff && !SAFE_METHODS.has(request.method) && !sameOrigin(request)) {
        throw forbidden('bad_origin', 'Cross-origin staff requests are not allowed.');
      }
    });

    app.decorate('requireStaff', (...roles: StaffRole[]) => {
      const guard = async (request: FastifyRequest) => {
        if (!request.staff) throw unauthorized('unauthenticated', 'Sign in as staff first.');
        if (roles.length && !roles.includes(request.staff.role)) {
          throw forbidden('forbidden', 'Your role may not do this.');
        }
        // A temporary password (an admin's reset) opens nothing but the page that replaces it.
        if (request.staff.mustChangePassword && !request.routeOptions.config.temporaryPasswordAllowed) {
          throw forbidden('password_change_required', 'Choose a new password first.');
        }
      };
      return Object.assign(guard, { staffRoles: roles });
    });

    // Routes list the guard as a preHandler; it is moved to preValidation so a caller without the
    // right session learns nothing about a route's input rules (401/403 comes before any 400).
    app.addHook('onRoute', (route) => {
      const handlers = [route.preHandler ?? []].flat();
      const guards = handlers.filter((handler) => isStaffGuard(handler));
      if (!guards.length) return;
      route.preHandler = handlers.filter((handler) => !isStaffGuard(handler)) as typeof route.preHandler;
      route.preValidation = [...guards, ...[route.preValidation ?? []].flat()] as typeof route.preValidation;
    });
  },
  { name: 'staff-session', dependencies: ['db'] },
);
