import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { GENESIS_HASH } from '../../common/key-log.ts';
import { Directory, KeyLog, KeysQuery, TokenKeys } from '../../common/api/tokens.ts';
import { errorResponses } from '../errors.ts';
import { MEDIA_TYPES, TOKEN_TYPE } from './crypto.ts';
import { publishedKeys } from './directory.ts';
import { keyDeps } from './keys.ts';
import { listKeyLog } from './queries.ts';
import { challengeNames } from './redemption.ts';
import { ISSUE_PATH } from './issue-routes.ts';

// The public face of the issuer keys: the RFC 9578 directory, the keys with their scopes and budgets, and
// the hash-chained key log. Nobody signs in for any of them.
const keyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = keyDeps(app);

  app.get(
    '/.well-known/private-token-issuer-directory',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Issuer directory (RFC 9578 §4): every live token key, token type 2',
        response: { 200: Directory },
      },
    },
    async (request, reply) => {
      const keys = await publishedKeys(deps, challengeNames(request));
      const directory = {
        'issuer-request-uri': ISSUE_PATH,
        'token-keys': keys.map((key) => ({
          'token-type': TOKEN_TYPE,
          'token-key': key.tokenKey,
          'not-before': Math.floor(Date.parse(key.notBefore) / 1000),
        })),
      };
      // Fastify serializes JSON media types only; this one is JSON under its RFC 9578 name.
      return reply
        .header('cache-control', 'public, max-age=300')
        .type(MEDIA_TYPES.directory)
        .serializer((payload) => JSON.stringify(payload))
        .send(directory);
    },
  );

  app.get(
    '/api/tokens/keys',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Issuer keys with their scope, budget, window and challenge parameters',
        description:
          'The TokenChallenge for a key is token_type=2, issuer_name=issuerName, ' +
          'redemption_context=SHA-256(utf8(scope)), origin_info=originInfo. issuerName and originInfo are ' +
          'the host the request was sent to (port included), so clients can build challenges themselves.',
        querystring: KeysQuery,
        response: { 200: TokenKeys, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return { keys: await publishedKeys(deps, challengeNames(request), request.query.scope) };
    },
  );

  app.get(
    '/api/tokens/key-log',
    {
      schema: {
        tags: ['tokens'],
        summary: 'The public key log: every issuer key ever published, hash-chained, oldest first',
        description:
          'Append-only. Entry hash = SHA-256 of JSON ["greenroom-key-log/1", seq, scope, tokenKeyId, notBefore, ' +
          'notAfter, prevHash] (common/key-log.ts). Compare the head with colleagues, or run npm run keys:verify.',
        response: { 200: KeyLog },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      const entries = await listKeyLog(app.db);
      const last = entries.at(-1);
      return { entries, head: { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH } };
    },
  );
};

export default keyRoutes;
