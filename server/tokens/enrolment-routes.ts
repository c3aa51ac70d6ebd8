import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BatchParams,
  CodeBatches,
  CODES_PER_WINDOW,
  EnrolBody,
  Enrolled,
  MAX_CODES_PER_BATCH,
  NewCodes,
  NewCodesBody,
  Revoked,
} from '../../common/api/tokens.ts';
import { badRequest, errorResponses, HttpError, tooMany } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { departmentName, requireActiveDepartment } from '../shared/departments.ts';
import {
  CODE_BUDGET,
  CREDENTIAL_PURPOSE,
  decoyCodeHash,
  newCredential,
  parseEnrolmentCode,
  verifyCodeSecret,
} from './codes.ts';
import { generateCodes, hashCodes } from './enrolment.ts';
import {
  burnCodeAndEnrol,
  createEnrolmentBatch,
  findUnusedCode,
  listEnrolmentBatches,
  revokeUnusedCodes,
} from './queries.ts';

// Enrolment: an employee trades a single-use code for a membership credential; admins generate, list and
// revoke batches of codes.
const enrolmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
      if (departmentId) await requireActiveDepartment(app.db, departmentId);
      const refused = await app.throttle.take([CODE_BUDGET], { cost: request.body.count });
      if (refused) {
        throw tooMany(
          'rate_limited',
          `At most ${CODES_PER_WINDOW} codes every 10 minutes; ${refused.remaining ?? 0} can be generated now.`,
          refused.retryAfterSeconds,
        );
      }
      const codes = await generateCodes(app.db, request.body.count);
      const hashed = await hashCodes(codes);
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

export default enrolmentRoutes;
