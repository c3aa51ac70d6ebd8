// OWNER: tokens feature (issue 3). Interface below is the contract other features code against.
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Config } from '../config.ts';

/** A token whose signature, key and challenge were verified by the preHandler; not yet spent. */
export interface RedeemedToken {
  scope: string;
  tokenKeyId: string;
  /** SHA-256 of the token input; unique once spent. */
  nullifier: Buffer;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The token scope this route spends: 'general', or a function of the request (e.g. `pulse:<id>`). */
    privateToken?: string | ((request: FastifyRequest) => string);
  }
  interface FastifyRequest {
    privateToken: RedeemedToken | null;
  }
}

/**
 * Spends the request's token inside the caller's transaction (the same one that writes the action),
 * so the action and the spend commit or roll back together. Throws 401 token_spent if already spent.
 */
export async function spendToken(_trx: Kysely<Database>, _token: RedeemedToken | null): Promise<void> {
  throw new Error('not implemented yet');
}

export default fp<{ config: Config }>(async () => {}, { name: 'private-token', dependencies: ['db', 'secrets'] });
