import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Budget, MAX_BATCH } from '../../common/api/tokens.ts';
import { errorResponses, HttpError } from '../errors.ts';
import { CREDENTIAL_PATTERN, CREDENTIAL_PURPOSE } from './codes.ts';
import {
  decodeBatchRequest,
  decodeTokenRequest,
  encodeBatchResponse,
  FormatError,
  MEDIA_TYPES,
  TOKEN_REQUEST_LENGTH,
  type TokenRequest,
} from './crypto.ts';
import { invalidRequest, refusedCredential } from './issuer.ts';
import { budgetFor, budgetKeyOf, isIssuable } from './keys.ts';
import { findMember, issuedCounts } from './queries.ts';
import { parseScope } from './scopes.ts';

export const ISSUE_PATH = '/api/tokens/issue';
const binary = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});

// Issuance (RFC 9578 type 2, single or batched) and a member's remaining budget: the routes that take the
// membership credential. The signing itself is the token-issuer service (./issuer.ts).
const issueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Privacy Pass bodies are raw bytes (RFC 9578 §6.1; draft-ietf-privacypass-batched-tokens-06 §5).
  app.addContentTypeParser(
    [MEDIA_TYPES.request, MEDIA_TYPES.batchRequest],
    { parseAs: 'buffer', bodyLimit: 8 + MAX_BATCH * TOKEN_REQUEST_LENGTH },
    (_request, body, done) => done(null, body),
  );

  /** The stored hash of the request's `Authorization: Bearer <credential>`, or 401 invalid_credential. */
  function credentialHashOf(request: FastifyRequest): string {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.authorization ?? '');
    const credential = match?.[1];
    if (!credential || !CREDENTIAL_PATTERN.test(credential)) throw refusedCredential();
    return app.secrets.hmac(CREDENTIAL_PURPOSE, credential);
  }

  /** The member behind `Authorization: Bearer <credential>`, or 401 invalid_credential. */
  async function memberOf(request: FastifyRequest): Promise<{ id: string; departmentId: string | null }> {
    const member = await findMember(app.db, credentialHashOf(request));
    if (!member) throw refusedCredential();
    return member;
  }

  app.post(
    ISSUE_PATH,
    {
      schema: {
        tags: ['tokens'],
        summary: 'Issue blind signatures (RFC 9578 type 2), single or batched',
        description:
          `Authorization: Bearer <membership credential>. Content-Type ${MEDIA_TYPES.request} with one TokenRequest ` +
          `answers ${MEDIA_TYPES.response} (the blind signature). Batch form: Content-Type ` +
          `${MEDIA_TYPES.batchRequest} with a GenericBatchTokenRequest (draft-ietf-privacypass-batched-tokens-06 ` +
          `§5: QUIC varint length, then up to ${MAX_BATCH} TokenRequests) answers ${MEDIA_TYPES.batchResponse}. ` +
          'A batch is all or nothing: if any key would go over budget, nothing is signed (429). ' +
          'Only how many tokens a member obtained per key is stored.',
        response: {
          200: binary(MEDIA_TYPES.response, 'The blind signature, or a GenericBatchTokenResponse'),
          ...errorResponses(401, 403, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // The member is looked up by the budget statement itself (one round trip); the header's form first.
      const credentialHash = credentialHashOf(request);
      const batched = (request.headers['content-type'] ?? '')
        .toLowerCase()
        .startsWith(MEDIA_TYPES.batchRequest);
      if (!Buffer.isBuffer(request.body)) {
        throw new HttpError(
          415,
          'unsupported_media_type',
          `Send ${MEDIA_TYPES.request} or ${MEDIA_TYPES.batchRequest}.`,
        );
      }
      let tokenRequests: TokenRequest[];
      try {
        tokenRequests = batched ? decodeBatchRequest(request.body) : [decodeTokenRequest(request.body)];
      } catch (error) {
        if (error instanceof FormatError) throw invalidRequest(`Malformed TokenRequest: ${error.message}.`);
        throw error;
      }
      if (tokenRequests.length === 0 || tokenRequests.length > MAX_BATCH) {
        throw invalidRequest(`A batch holds 1 to ${MAX_BATCH} TokenRequests.`);
      }

      const signatures = await app.tokenIssuer.issue(credentialHash, tokenRequests);
      if (!batched) return reply.type(MEDIA_TYPES.response).send(signatures[0]);
      return reply.type(MEDIA_TYPES.batchResponse).send(encodeBatchResponse(signatures));
    },
  );

  app.get(
    '/api/tokens/budget',
    {
      schema: {
        tags: ['tokens'],
        summary: 'How many tokens this credential may still obtain, per live key',
        description: 'Authorization: Bearer <membership credential>.',
        response: { 200: Budget, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const member = await memberOf(request);
      const issued = await issuedCounts(app.db, member.id);
      const now = new Date();
      const keys = [];
      // Current, not this node's cache: a key made on another node must show its budget at once (and the
      // directory, read the same way, lists it: the wallet ignores a budgeted key nobody publishes).
      const stored = await app.tokenKeys.current();
      for (const key of stored) {
        if (!isIssuable(key, now)) continue;
        const { departmentId } = parseScope(key.scope);
        if (departmentId && departmentId !== member.departmentId) continue;
        const budget = await budgetFor(app.db, key);
        const count = issued.get(budgetKeyOf(stored, key)?.id ?? key.id) ?? 0;
        keys.push({
          tokenKeyId: key.id,
          scope: key.scope,
          budget,
          issued: count,
          remaining: Math.max(0, budget - count),
        });
      }
      return { keys };
    },
  );
};

export default issueRoutes;
