import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { errorResponses, forbidden, notFound, unauthorized } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { today } from '../shared/days.ts';
import {
  ApiKeyBody,
  ApiKeyCreated,
  ApiKeyRevoked,
  ApiKeys,
  IdParams,
  ImportReport,
  PushBody,
  Retention,
  RetentionBody,
} from '../../common/api/customer-voice.ts';
import { findLiveKey, insertApiKey, listApiKeys, revokeApiKey, touchApiKey } from './api-keys.ts';
import { importFeedback } from './import.ts';
import { deleteExpiredFeedback, retentionMonths, setRetentionMonths } from './queries.ts';
import type { SourceRecord } from './readers.ts';

export const RETENTION_JOB = 'customer-voice-retention';
/** Pushes per key per minute, and failed key checks per minute across all callers. */
export const PUSH_LIMIT = { perKeyPerMinute: 60, badKeysPerMinute: 30 };

/** Admins create and revoke ingestion keys and set retention; tools push with a key. */
const adminRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const adminOnly = app.requireStaff('admin');

  // Retention: one node at a time (leased job), every six hours, deletes what is past the setting.
  app.jobs.define({
    name: RETENTION_JOB,
    everyMs: 6 * 60 * 60 * 1000,
    run: async () => {
      const deleted = await deleteExpiredFeedback(app.db, await retentionMonths(app.db));
      if (deleted > 0) {
        app.log.info({ deleted }, 'customer feedback past retention deleted');
        app.contentEvents.changed({ source: 'customer' });
      }
    },
  });

  app.get(
    '/api/admin/customer-voice/api-keys',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Ingestion API keys (never the keys themselves)',
        response: { 200: ApiKeys, ...errorResponses(401, 403) },
      },
    },
    async () => ({ keys: await listApiKeys(app.db) }),
  );

  app.post(
    '/api/admin/customer-voice/api-keys',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Create an ingestion API key (shown once; stored as a keyed hash)',
        body: ApiKeyBody,
        response: { 201: ApiKeyCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await app.db.transaction().execute(async (trx) => {
        const key = await insertApiKey(trx, app.secrets, {
          label: request.body.label.trim() || 'API key',
          scopes: request.body.scopes,
          staffId: request.staff!.id,
        });
        await audit(
          trx,
          request.staff!,
          'customer-voice.api-key.create',
          { type: 'customer_voice_api_key', id: key.id },
          {
            label: request.body.label,
            scopes: request.body.scopes,
          },
        );
        return key;
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/admin/customer-voice/api-keys/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Revoke an ingestion API key (at once, on every node)',
        params: IdParams,
        response: { 200: ApiKeyRevoked, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const revoked = await app.db.transaction().execute(async (trx) => {
        if (!(await revokeApiKey(trx, id))) return false;
        await audit(
          trx,
          request.staff!,
          'customer-voice.api-key.revoke',
          { type: 'customer_voice_api_key', id },
          {},
        );
        return true;
      });
      if (!revoked) throw notFound('No such live key.');
      return { id, revoked };
    },
  );

  app.get(
    '/api/admin/customer-voice/settings',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'How long customer feedback is kept',
        response: { 200: Retention, ...errorResponses(401, 403) },
      },
    },
    async () => ({ retentionMonths: await retentionMonths(app.db) }),
  );

  app.put(
    '/api/admin/customer-voice/settings',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Keep customer feedback for N months; older feedback is deleted by the retention job',
        body: RetentionBody,
        response: { 200: Retention, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await setRetentionMonths(app.db, request.body.retentionMonths);
      await audit(app.db, request.staff!, 'customer-voice.retention', null, request.body);
      void app.jobs.request(RETENTION_JOB);
      return { retentionMonths: request.body.retentionMonths };
    },
  );

  app.post(
    '/api/customer-voice/feedback',
    {
      config: { customerVoiceApiKey: true },
      // The key is checked before the body is even validated: an unauthenticated caller learns nothing.
      preValidation: async (request) => {
        const header = request.headers.authorization ?? '';
        const key = /^Bearer (\S+)$/.exec(header)?.[1];
        const found = key ? await findLiveKey(app.db, app.secrets, key) : undefined;
        if (!found) {
          await app.throttle.enforce([
            { key: 'customer-voice-bad-key:*', max: PUSH_LIMIT.badKeysPerMinute, windowMs: 60_000 },
          ]);
          throw unauthorized(
            'api_key_invalid',
            'A live customer-voice API key is needed (Authorization: Bearer …).',
          );
        }
        const dryRun = (request.body as { dryRun?: unknown } | null)?.dryRun === true;
        const needed = dryRun ? ['feedback:write', 'feedback:validate'] : ['feedback:write'];
        if (!found.scopes.some((scope) => needed.includes(scope)))
          throw forbidden('scope_missing', `This key cannot ${dryRun ? 'validate' : 'write'} feedback.`);
        await app.throttle.enforce([
          { key: `customer-voice-push:${found.id}`, max: PUSH_LIMIT.perKeyPerMinute, windowMs: 60_000 },
        ]);
        request.customerVoiceKey = { id: found.id, label: found.label };
      },
      schema: {
        tags: ['customer-voice'],
        summary: 'Push customer feedback (up to 500 items) with an ingestion API key',
        description:
          'Authorization: Bearer <key>. Idempotent by externalId. Personal data is redacted before storage. ' +
          'scoreKind: nps, csat or ces. dryRun needs the feedback:validate (or feedback:write) scope.',
        security: [{ customerVoiceApiKey: [] }],
        body: PushBody,
        response: { 200: ImportReport, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const key = request.customerVoiceKey!;
      const items = request.body.items;
      async function* records(): AsyncGenerator<SourceRecord> {
        for (const [index, item] of items.entries()) {
          const fields = item as Record<string, unknown>;
          yield { kind: 'row', line: index + 1, get: (field) => fields[field] };
        }
      }
      const report = await importFeedback(app.db, records(), {
        origin: 'api',
        label: key.label,
        format: 'json',
        mapping: {
          text: 'text',
          date: 'date',
          score: 'score',
          scoreKindColumn: 'scoreKind',
          channel: 'channel',
          stage: 'stage',
          externalId: 'externalId',
          product: 'product',
        },
        accept: request.body.accept ?? 'all',
        dryRun: request.body.dryRun ?? false,
        today: today(),
        staffId: null,
        apiKeyId: key.id,
      });
      await touchApiKey(app.db, key.id, today());
      if (report.committed && report.imported > 0) app.contentEvents.changed({ source: 'customer' });
      return report;
    },
  );
};

declare module 'fastify' {
  interface FastifyRequest {
    customerVoiceKey?: { id: string; label: string };
  }
}

export default adminRoutes;
