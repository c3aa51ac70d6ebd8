import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { GENESIS_HASH } from '../../common/key-log.ts';
import type { Config } from '../config.ts';
import { badRequest, errorResponses, HttpError, tooMany, unauthorized } from '../errors.ts';
import { challengeNames } from './redemption.ts';
import { audit } from '../shared/audit.ts';
import { departmentExists, departmentName } from '../shared/departments.ts';
import { parseScope } from './scopes.ts';
import transparencyRoutes from './transparency.ts';
import oidcRoutes from './oidc-routes.ts';
import {
  CREDENTIAL_PATTERN,
  CREDENTIAL_PURPOSE,
  CODE_BUDGET,
  decoyCodeHash,
  hashCodeSecret,
  newCredential,
  newEnrolmentCode,
  parseEnrolmentCode,
  verifyCodeSecret,
  type EnrolmentCode,
} from './codes.ts';
import {
  decodeBatchRequest,
  decodeTokenRequest,
  encodeBatchResponse,
  FormatError,
  MEDIA_TYPES,
  TOKEN_REQUEST_LENGTH,
  TOKEN_TYPE,
  type TokenRequest,
} from './crypto.ts';
import { BudgetBatcher } from './budget-batcher.ts';
import { BlindSigner, SpeculationGuard } from './signer.ts';
import {
  budgetFor,
  budgetKeyOf,
  createScopeKey,
  ensureDepartmentKeys,
  KeyOverlapError,
  budgetRuleFor,
  ensureGeneralKeys,
  isIssuable,
  retireKeys,
  KEY_MAINTENANCE_JOB,
  maintainKeys,
  type IssuerKey,
} from './keys.ts';
import {
  burnCodeAndEnrol,
  createEnrolmentBatch,
  existingCodeIds,
  findMember,
  findUnusedCode,
  issuedCounts,
  listEnrolmentBatches,
  listKeyLog,
  refundBudget,
  takeBudgets,
  revokeUnusedCodes,
} from './queries.ts';
import {
  BatchParams,
  Budget,
  CodeBatches,
  Directory,
  EnrolBody,
  Enrolled,
  KeyLog,
  KeysQuery,
  CODES_PER_WINDOW,
  MAX_BATCH,
  MAX_CODES_PER_BATCH,
  NewCodes,
  NewCodesBody,
  Revoked,
  TokenKeys,
} from '../../common/api/tokens.ts';

const ISSUE_PATH = '/api/tokens/issue';
const binary = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});

const invalidRequest = (message: string) => new HttpError(422, 'invalid_token_request', message);

// Routes declare full paths (/api/..., /.well-known/...); registered without a prefix.
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, options) => {
  // Keys for this epoch and the next exist before the first request; ended ones are destroyed.
  app.addHook('onReady', async () => {
    await ensureGeneralKeys(app);
    await retireKeys(app);
  });
  app.jobs.define({ name: KEY_MAINTENANCE_JOB, everyMs: 60 * 60 * 1000, run: () => maintainKeys(app) });
  // Keys for scopes other features define (handoff ratings): the port in server/shared/scope-keys.ts.
  app.scopeKeys.provide(async (request) => {
    try {
      return await createScopeKey(app, request);
    } catch (error) {
      if (error instanceof KeyOverlapError) return null;
      throw error;
    }
  });
  await app.register(transparencyRoutes);
  await app.register(oidcRoutes, { config: options.config });

  // Privacy Pass bodies are raw bytes (RFC 9578 §6.1; draft-ietf-privacypass-batched-tokens-06 §5).
  app.addContentTypeParser(
    [MEDIA_TYPES.request, MEDIA_TYPES.batchRequest],
    { parseAs: 'buffer', bodyLimit: 8 + MAX_BATCH * TOKEN_REQUEST_LENGTH },
    (_request, body, done) => done(null, body),
  );

  const budgets = new BudgetBatcher(app.database);
  const signer = new BlindSigner(options.config.signingThreads);
  app.addHook('onClose', () => signer.close());
  const speculation = new SpeculationGuard();
  const refusedCredential = () =>
    unauthorized('invalid_credential', 'This membership credential is not valid.');

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

  /** Live keys in the shape of DESIGN §6, for this request's issuer name and origin. */
  async function publishedKeys(request: FastifyRequest, scope?: string) {
    const now = new Date();
    let keys = (await app.tokenKeys.all()).filter((key) => isIssuable(key, now));
    if (!keys.some((key) => key.scope === 'general' && key.notBefore <= now)) {
      await ensureGeneralKeys(app, now);
      keys = (await app.tokenKeys.all(0)).filter((key) => isIssuable(key, now));
    }
    if (scope && parseScope(scope).departmentId && !keys.some((key) => key.scope === scope)) {
      await ensureDepartmentKeys(app, scope, (id) => departmentExists(app.db, id), now);
    }
    // A scope's key may have been made a moment ago on another node (a new pulse or focus group):
    // a miss re-reads the table instead of waiting for this node's cache to age.
    if (scope && !keys.some((key) => key.scope === scope))
      keys = (await app.tokenKeys.all(0)).filter((key) => isIssuable(key, now));
    const names = challengeNames(request);
    const out = [];
    for (const key of keys) {
      if (scope && key.scope !== scope) continue;
      out.push({
        tokenKey: key.tokenKey.toString('base64url'),
        tokenKeyId: key.id,
        scope: key.scope,
        budget: await budgetFor(app.db, key),
        notBefore: key.notBefore.toISOString(),
        notAfter: key.notAfter.toISOString(),
        ...names,
      });
    }
    return out;
  }

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
      const keys = await publishedKeys(request);
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
      return { keys: await publishedKeys(request, request.query.scope) };
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
      // The member itself is read only when a department key asks which department it is in.
      let member: { id: string; departmentId: string | null } | null = null;
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

      // Every request must name a live key and carry a message below its modulus before budget is taken.
      const now = new Date();
      const keys: IssuerKey[] = [];
      for (const tokenRequest of tokenRequests) {
        const key = await app.tokenKeys.byTruncatedId(tokenRequest.truncatedTokenKeyId);
        if (!key || !isIssuable(key, now))
          throw invalidRequest('No live issuer key has this truncated_token_key_id.');
        if (Buffer.compare(tokenRequest.blindedMsg, key.modulus) >= 0)
          throw invalidRequest('Blinded message out of range.');
        keys.push(key);
      }
      // A department sibling is issued only to that department's members and spends its base key's
      // budget: one person stays one answer, and proving a department never adds tokens.
      const stored = await app.tokenKeys.all();
      const counts = new Map<IssuerKey, number>();
      for (const key of keys) {
        const { departmentId } = parseScope(key.scope);
        if (departmentId) {
          member ??= await findMember(app.db, credentialHash);
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
      const refuse = async (key: IssuerKey, db = app.db): Promise<never> => {
        if (!(await findMember(db, credentialHash))) throw refusedCredential();
        const retryAfter = Math.max(1, Math.ceil((key.notAfter.getTime() - now.getTime()) / 1000));
        throw tooMany('budget_exhausted', `No tokens left for "${key.scope}" with this key.`, retryAfter);
      };
      // Signing is started before the budget commit when this member's last take here went through:
      // the signature leaves only once the take is committed, and is thrown away if it was refused.
      // Unknown credentials and members refused for this key wait for the commit, so nobody can make
      // the issuer sign for nothing. The guess only ever wastes a signature: the database decides the budget.
      const sign = () =>
        Promise.all(
          tokenRequests.map((tokenRequest, index) => signer.sign(keys[index]!, tokenRequest.blindedMsg)),
        );
      let signing: Promise<Buffer[]> | null = null;
      if (counts.size === 1) {
        const [key, count] = [...counts][0]!;
        if (speculation.allows(credentialHash, key.id)) {
          signing = sign();
          signing.catch(() => {}); // awaited below, or dropped with a refusal
        }
        const taken = await budgets.take(credentialHash, key.id, budgetRuleFor(key), count);
        speculation.record(credentialHash, key.id, taken);
        if (!taken) await refuse(key);
      } else {
        await app.db.transaction().execute(async (trx) => {
          for (const [key, count] of counts) {
            const taken = await takeBudgets(trx, key.id, budgetRuleFor(key), [{ credentialHash, count }]);
            if (!taken.has(credentialHash)) await refuse(key, trx); // throws: the whole batch rolls back
          }
        });
      }

      let signatures: Buffer[];
      try {
        signatures = await (signing ?? sign());
      } catch (error) {
        for (const [key, count] of counts) await refundBudget(app.db, credentialHash, key.id, count);
        if (error instanceof FormatError) throw invalidRequest(error.message);
        throw error;
      }
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
      // Fresh, not this node's cache: a key made on another node must show its budget at once.
      const stored = await app.tokenKeys.all(0);
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

  // ---- enrolment ----

  // Guessing is slowed per code and across all codes together, in one check that holds across nodes
  // (server/plugins/throttle.ts); keys never involve the client address.
  const enrolLimits = (code: string) => [
    { key: `enrol:${code.toUpperCase().replace(/[\s-]/g, '').slice(0, 8)}`, max: 5, windowMs: 15 * 60_000 },
    { key: 'enrol:*', max: 120, windowMs: 60_000 },
  ];

  app.post(
    '/api/enrol',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Trade a single-use enrolment code for a membership credential',
        description:
          'The code is deleted in its own transaction before the member is created: nothing links the credential to the code.',
        body: EnrolBody,
        response: { 201: Enrolled, ...errorResponses(400, 429, 503) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      await app.throttle.enforce(enrolLimits(request.body.code));
      const refused = () =>
        badRequest('invalid_code', 'This enrolment code is not valid or was already used.');
      const parsed = parseEnrolmentCode(request.body.code);
      if (!parsed) throw refused();
      const row = await findUnusedCode(app.db, parsed.id);
      const matches = await verifyCodeSecret(row?.secretHash ?? (await decoyCodeHash()), parsed.secret);
      if (!row || !matches) throw refused();
      const credential = newCredential();
      const enrolled = await burnCodeAndEnrol(app.db, row, app.secrets.hmac(CREDENTIAL_PURPOSE, credential));
      if (!enrolled) throw refused();
      const name = enrolled.departmentId ? await departmentName(app.db, enrolled.departmentId) : null;
      return reply.code(201).send({ credential, departmentId: enrolled.departmentId, departmentName: name });
    },
  );

  // Each code costs one argon2id hash (~20 ms of CPU, 19 MiB): generation is budgeted across all nodes
  // together so a mistake (or a stolen admin session) cannot starve the servers.

  app.post(
    '/api/admin/enrolment-codes',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Generate single-use enrolment codes (shown once)',
        description: `Up to ${MAX_CODES_PER_BATCH} per request and ${CODES_PER_WINDOW} every 10 minutes (each is hashed with argon2id).`,
        body: NewCodesBody,
        response: { 201: NewCodes, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const departmentId = request.body.departmentId ?? null;
      if (departmentId && !(await departmentExists(app.db, departmentId))) {
        throw badRequest('unknown_department', 'That is not a department we know.');
      }
      const refused = await app.throttle.take([CODE_BUDGET], { cost: request.body.count });
      if (refused) {
        throw tooMany(
          'rate_limited',
          `At most ${CODES_PER_WINDOW} codes every 10 minutes; ${refused.remaining ?? 0} can be generated now.`,
          refused.retryAfterSeconds,
        );
      }
      const codes = await generateCodes(request.body.count);
      const hashed: { id: string; secretHash: string }[] = [];
      // argon2 runs on libuv's pool: a few at a time keeps all cores busy without queueing everything.
      for (let i = 0; i < codes.length; i += 4) {
        const chunk = codes.slice(i, i + 4);
        hashed.push(
          ...(await Promise.all(
            chunk.map(async (code) => ({ id: code.id, secretHash: await hashCodeSecret(code.secret) })),
          )),
        );
      }
      const batchId = await createEnrolmentBatch(app.db, request.staff!.id, hashed, departmentId);
      await audit(
        app.db,
        request.staff!,
        'enrolment-codes.create',
        { type: 'enrolment_batch', id: batchId },
        { count: codes.length, departmentId },
      );
      return reply.code(201).send({ batchId, codes: codes.map((code) => code.code) });
    },
  );

  /** Fresh codes whose ids are unused, in the database and within the batch. */
  async function generateCodes(count: number): Promise<EnrolmentCode[]> {
    const codes = new Map<string, EnrolmentCode>();
    while (codes.size < count) {
      const fresh = Array.from({ length: count - codes.size }, newEnrolmentCode).filter(
        (code) => !codes.has(code.id),
      );
      const taken = await existingCodeIds(
        app.db,
        fresh.map((code) => code.id),
      );
      for (const code of fresh) if (!taken.has(code.id)) codes.set(code.id, code);
    }
    return [...codes.values()];
  }

  app.get(
    '/api/admin/enrolment-codes',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Batches of enrolment codes: who generated them, how many were used',
        response: { 200: CodeBatches, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const batches = await listEnrolmentBatches(app.db);
      return {
        batches: batches.map(({ revoked, ...batch }) => {
          const unused = Number(batch.unused ?? 0);
          return {
            ...batch,
            createdAt: new Date(batch.createdAt).toISOString(),
            used: batch.count - revoked - unused,
            unused,
          };
        }),
      };
    },
  );

  app.post(
    '/api/admin/enrolment-codes/batches/:id/revoke',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: "Revoke a batch's unused codes (a lost or leaked sheet)",
        params: BatchParams,
        response: { 200: Revoked, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const revoked = await revokeUnusedCodes(app.db, request.params.id);
      if (revoked === null) throw new HttpError(404, 'not_found', 'No such batch of codes.');
      await audit(
        app.db,
        request.staff!,
        'enrolment-codes.revoke',
        { type: 'enrolment_batch', id: request.params.id },
        { revoked },
      );
      return { revoked };
    },
  );
};

export default routes;
