import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '../../db/schema.ts';
import { hashPassword } from '../../server/shared/passwords.ts';
import { createStaff } from '../../server/staff/queries.ts';

export interface SignedInStaff {
  id: string;
  username: string;
  password: string;
  cookie: string;
  headers: { cookie: string };
}

/** Factories that create data through the same code the app uses. */
export function given(app: FastifyInstance) {
  return {
    async staff(
      role: StaffRole = 'moderator',
      overrides: { username?: string } = {},
    ): Promise<SignedInStaff> {
      const username = overrides.username ?? `${role}-${randomBytes(4).toString('hex')}`;
      const password = `pw-${randomBytes(9).toString('base64url')}`;
      const id = await createStaff(app.db, {
        username,
        displayName: `${role} ${username}`,
        role,
        passwordHash: await hashPassword(password),
      });
      const response = await app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
      const setCookie = String(response.headers['set-cookie']);
      const cookie = setCookie.split(';')[0]!;
      return { id, username, password, cookie, headers: { cookie } };
    },
  };
}
