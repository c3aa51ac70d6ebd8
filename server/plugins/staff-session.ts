import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { findSessionStaff, type StaffMember } from '../staff/queries.ts';

export const SESSION_COOKIE = 'greenroom_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffMember | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 without a session, 403 without one of the roles. */
    requireStaff(...roles: StaffRole[]): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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

    app.decorate('requireStaff', (...roles: StaffRole[]) => async (request: FastifyRequest) => {
      if (!request.staff) throw unauthorized('unauthenticated', 'Sign in as staff first.');
      if (roles.length && !roles.includes(request.staff.role)) {
        throw forbidden('forbidden', 'Your role may not do this.');
      }
    });
  },
  { name: 'staff-session', dependencies: ['db'] },
);
