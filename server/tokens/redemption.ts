// Redemption (RFC 9577), the tokens feature's own plugin: a route with `config: { privateToken: scope }`
// gets its Authorization header verified before the handler runs; the handler spends the token in its
// own transaction with spendToken (server/shared/private-token.ts).
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { HttpError } from '../errors.ts';
import { tokenInvalid, type RedeemedToken } from '../shared/private-token.ts';
import {
  challengeDigestFor,
  encodeTokenChallenge,
  nullifierOf,
  parseAuthorization,
  redemptionContextFor,
  verifyAuthenticator,
} from './crypto.ts';
import { isRedeemable, Keyring } from './keys.ts';
import { parseScope, paysFor } from './scopes.ts';

/**
 * The TokenChallenge a client builds for this server: issuer_name is the host the browser talks to
 * (the Host header as received, port included), origin_info the same host, so a token is bound to
 * this deployment; redemption_context is SHA-256(scope). Issuance and redemption use this one function.
 */
export function challengeNames(request: FastifyRequest): { issuerName: string; originInfo: string } {
  const host = (request.host || 'localhost').toLowerCase();
  return { issuerName: host, originInfo: host };
}

const digests = new Map<string, Buffer>();
function expectedDigest(request: FastifyRequest, scope: string): Buffer {
  const { issuerName, originInfo } = challengeNames(request);
  const cacheKey = `${issuerName}\n${originInfo}\n${scope}`;
  let digest = digests.get(cacheKey);
  if (!digest) {
    if (digests.size > 10_000) digests.clear();
    digest = challengeDigestFor(issuerName, originInfo, scope);
    digests.set(cacheKey, digest);
  }
  return digest;
}

/**
 * RFC 9577 §2.1: a refused request is told which token would do — the challenge and the scope's
 * current token key — so any Privacy Pass client can obtain one.
 */
async function invalidWithChallenge(
  app: FastifyInstance,
  request: FastifyRequest,
  scope: string,
): Promise<HttpError> {
  const error = tokenInvalid();
  const key = (await app.tokenKeys.all()).find(
    (candidate) => candidate.scope === scope && isRedeemable(candidate),
  );
  if (!key) return error;
  const { issuerName, originInfo } = challengeNames(request);
  const challenge = encodeTokenChallenge({
    issuerName,
    redemptionContext: redemptionContextFor(scope),
    originInfo: originInfo ? [originInfo] : [],
  });
  const value = `PrivateToken challenge="${challenge.toString('base64url')}", token-key="${key.tokenKey.toString('base64url')}"`;
  return new HttpError(error.statusCode, error.code, error.message, { 'www-authenticate': value });
}

/** Verifies the request's token for `scope`: format, key, scope, time window, challenge and signature. */
export async function verifyToken(
  app: FastifyInstance,
  request: FastifyRequest,
  scope: string,
): Promise<RedeemedToken> {
  const token = parseAuthorization(request.headers.authorization);
  if (!token) throw await invalidWithChallenge(app, request, scope);
  const key = await app.tokenKeys.byId(token.tokenKeyId.toString('hex'));
  // A department sibling (`general@<dept>`) pays for its base scope; its challenge names its own scope.
  const valid =
    key !== null &&
    paysFor(key.scope, scope) &&
    isRedeemable(key) &&
    token.challengeDigest.equals(expectedDigest(request, key.scope)) &&
    verifyAuthenticator(key.keyPair.publicKey, token.tokenInput, token.authenticator);
  if (!valid) throw await invalidWithChallenge(app, request, scope);
  return {
    scope: key.scope,
    tokenKeyId: key.id,
    nullifier: nullifierOf(token),
    departmentId: parseScope(key.scope).departmentId,
  };
}

export default fp<{ config: Config }>(
  async (app) => {
    app.decorate('tokenKeys', new Keyring(app));
    app.decorateRequest('privateToken', null);
    // Runs after schema validation, so a malformed body never costs a token.
    app.addHook('preHandler', async (request) => {
      const configured = request.routeOptions.config.privateToken;
      if (!configured) return;
      const scope = typeof configured === 'function' ? configured(request) : configured;
      request.privateToken = await verifyToken(app, request, scope);
    });
  },
  { name: 'private-token', dependencies: ['db', 'secrets'] },
);
