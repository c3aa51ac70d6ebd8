import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { HttpError, tooMany, unauthorized } from '../errors.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { BudgetBatcher } from './budget-batcher.ts';
import { FormatError, type TokenRequest } from './crypto.ts';
import { budgetKeyOf, budgetRuleFor, isIssuable, type IssuerKey, type Keyring } from './keys.ts';
import { findMember, refundBudget, takeBudgets } from './queries.ts';
import { parseScope } from './scopes.ts';
import { BlindSigner, SpeculationGuard } from './signer.ts';

export const invalidRequest = (message: string) => new HttpError(422, 'invalid_token_request', message);
export const refusedCredential = () =>
  unauthorized('invalid_credential', 'This membership credential is not valid.');

/**
 * Signs blinded token requests against a member's budget. Owns what issuance holds between requests: the
 * budget batcher (one statement per burst of takes), the signing threads and the speculation guard.
 */
export class TokenIssuer {
  readonly #db: Kysely<Database>;
  readonly #keyring: Keyring;
  readonly #budgets: BudgetBatcher;
  readonly #signer: BlindSigner;
  readonly #speculation = new SpeculationGuard();

  constructor(deps: {
    db: Kysely<Database>;
    database: DatabaseHandle;
    keyring: Keyring;
    signingThreads: number;
  }) {
    this.#db = deps.db;
    this.#keyring = deps.keyring;
    this.#budgets = new BudgetBatcher(deps.database);
    this.#signer = new BlindSigner(deps.signingThreads);
  }

  close(): Promise<void> {
    return this.#signer.close();
  }

  /**
   * The blind signatures for `tokenRequests`, in order, for the member behind `credentialHash`; all or
   * nothing. Refusals are 401 (unknown credential), 403 (another department's key), 422 (no such live key,
   * out of range) and 429 (over budget), and none of them leaves budget taken.
   */
  async issue(credentialHash: string, tokenRequests: TokenRequest[]): Promise<Buffer[]> {
    const db = this.#db;
    // The member itself is read only when a department key asks which department it is in.
    let member: { id: string; departmentId: string | null } | null = null;

    // Every request must name a live key and carry a message below its modulus before budget is taken.
    const now = new Date();
    const keys: IssuerKey[] = [];
    for (const tokenRequest of tokenRequests) {
      const key = await this.#keyring.byTruncatedId(tokenRequest.truncatedTokenKeyId);
      if (!key || !isIssuable(key, now))
        throw invalidRequest('No live issuer key has this truncated_token_key_id.');
      if (Buffer.compare(tokenRequest.blindedMsg, key.modulus) >= 0)
        throw invalidRequest('Blinded message out of range.');
      keys.push(key);
    }
    // A department sibling is issued only to that department's members and spends its base key's
    // budget: one person stays one answer, and proving a department never adds tokens.
    const stored = await this.#keyring.all();
    const counts = new Map<IssuerKey, number>();
    for (const key of keys) {
      const { departmentId } = parseScope(key.scope);
      if (departmentId) {
        member ??= await findMember(db, credentialHash);
        if (!member) throw refusedCredential();
        if (departmentId !== member.departmentId)
          throw new HttpError(403, 'wrong_department', 'This key is for members of another department.');
      }
      const budgetKey = budgetKeyOf(stored, key);
      if (!budgetKey) throw invalidRequest('This key has no base key to share a budget with.');
      counts.set(budgetKey, (counts.get(budgetKey) ?? 0) + 1);
    }

    // One key (every single request, nearly every batch): grouped with other members' takes into one
    // statement and one commit. Several keys: all in one transaction, so a batch is all or nothing.
    const refuse = async (key: IssuerKey, on = db): Promise<never> => {
      if (!(await findMember(on, credentialHash))) throw refusedCredential();
      const retryAfter = Math.max(1, Math.ceil((key.notAfter.getTime() - now.getTime()) / 1000));
      throw tooMany('budget_exhausted', `No tokens left for "${key.scope}" with this key.`, retryAfter);
    };
    // Signing is started before the budget commit when this member's last take here went through:
    // the signature leaves only once the take is committed, and is thrown away if it was refused.
    // Unknown credentials and members refused for this key wait for the commit, so nobody can make
    // the issuer sign for nothing. The guess only ever wastes a signature: the database decides the budget.
    const sign = () =>
      Promise.all(
        tokenRequests.map((tokenRequest, index) => this.#signer.sign(keys[index]!, tokenRequest.blindedMsg)),
      );
    let signing: Promise<Buffer[]> | null = null;
    if (counts.size === 1) {
      const [key, count] = [...counts][0]!;
      if (this.#speculation.allows(credentialHash, key.id)) {
        signing = sign();
        signing.catch(() => {}); // awaited below, or dropped with a refusal
      }
      const taken = await this.#budgets.take(credentialHash, key.id, budgetRuleFor(key), count);
      this.#speculation.record(credentialHash, key.id, taken);
      if (!taken) await refuse(key);
    } else {
      await db.transaction().execute(async (trx) => {
        for (const [key, count] of counts) {
          const taken = await takeBudgets(trx, key.id, budgetRuleFor(key), [{ credentialHash, count }]);
          if (!taken.has(credentialHash)) await refuse(key, trx); // throws: the whole batch rolls back
        }
      });
    }

    try {
      return await (signing ?? sign());
    } catch (error) {
      for (const [key, count] of counts) await refundBudget(db, credentialHash, key.id, count);
      if (error instanceof FormatError) throw invalidRequest(error.message);
      throw error;
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Blind signing against members' budgets (tokens feature). */
    tokenIssuer: TokenIssuer;
  }
}

// The token-issuer service: one per node, its signing threads closed with the app.
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const issuer = new TokenIssuer({
      db: app.db,
      database: app.database,
      keyring: app.tokenKeys,
      signingThreads: config.signingThreads,
    });
    app.decorate('tokenIssuer', issuer);
    app.addHook('onClose', () => issuer.close());
  },
  { name: 'token-issuer', dependencies: ['db', 'private-token'] },
);
