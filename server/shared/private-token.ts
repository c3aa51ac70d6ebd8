// Spending a Privacy Pass token (RFC 9577), as every anonymous action does. The tokens feature's
// redemption plugin (server/tokens/redemption.ts) verifies the Authorization header of a route with
// `config: { privateToken: scope }` before the handler runs; the handler spends the token here, in its
// own transaction.
import type {} from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { unauthorized } from '../errors.ts';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.ts';

/** A token whose signature, key and challenge were verified by the preHandler; not yet spent. */
export interface RedeemedToken {
  scope: string;
  tokenKeyId: string;
  /** SHA-256 of the token input; unique once spent. */
  nullifier: Buffer;
  /** The department the token proves (a `<scope>@<department>` key, issued only to its members), or null. */
  departmentId: string | null;
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

export const tokenInvalid = () =>
  unauthorized('token_invalid', 'A valid PrivateToken for this action is required.');

/**
 * Spends the request's token inside the caller's transaction (the same one that writes the action),
 * so the action and the spend commit or roll back together. Throws 401 token_spent if already spent.
 */
export async function spendToken(trx: Kysely<Database>, token: RedeemedToken | null): Promise<void> {
  if (!token) throw tokenInvalid();
  try {
    // The nullifier's unique constraint is what makes a token spendable once.
    await trx
      .insertInto('spent_token')
      .values({ nullifier: token.nullifier, key_id: token.tokenKeyId })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw unauthorized('token_spent', 'This token was already spent.');
    // The key was retired between verification and spending.
    if (isForeignKeyViolation(error)) throw tokenInvalid();
    throw error;
  }
}
