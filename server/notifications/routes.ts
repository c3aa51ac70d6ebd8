import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { badRequest, errorResponses, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  queueDelivery,
  recordAttempt,
  updateWebhook,
} from './queries.ts';
import { checkWebhookUrl } from './send.ts';
import { digestFeed } from './feed.ts';
import {
  attempt,
  compose,
  COMPOSE_JOB,
  deliver,
  DELIVER_JOB,
  SECRET_PURPOSE,
  slotOf,
  URL_PURPOSE,
  type NotificationDeps,
} from './service.ts';
import {
  CreatedWebhook,
  NewWebhookBody,
  TestResult,
  WebhookChanges,
  WebhookParams,
  Webhooks,
} from '../../common/api/notifications.ts';

const notifications: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const deps: NotificationDeps = {
    db: app.db,
    secrets: app.secrets,
    log: app.log.child({ feature: 'notifications' }),
    config: config.webhooks,
    sources: app.notificationSources,
  };
  app.jobs.define({
    name: COMPOSE_JOB,
    everyMs: config.webhooks.everyMinutes * 60_000,
    run: async () => {
      if ((await compose(deps)) > 0) await app.jobs.request(DELIVER_JOB);
    },
  });
  app.jobs.define({ name: DELIVER_JOB, everyMs: 30_000, run: () => deliver(deps) });

  const admin = { preHandler: app.requireStaff('admin') };

  app.get(
    '/api/digest.atom',
    {
      schema: {
        tags: ['public'],
        summary: 'The public digest (trending themes, "you said, we did") as an Atom feed; no sign-in',
        response: {
          200: {
            description: 'Atom 1.0',
            content: { 'application/atom+xml': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const feed = await digestFeed(deps, `${request.protocol}://${request.host}`);
      return reply
        .header('cache-control', 'public, max-age=3600')
        .type('application/atom+xml; charset=utf-8')
        .serializer((payload) => String(payload))
        .send(feed);
    },
  );

  app.get(
    '/api/admin/webhooks',
    {
      ...admin,
      schema: {
        tags: ['admin'],
        summary: 'Outbound webhooks for moderators, and the latest deliveries',
        response: { 200: Webhooks, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const webhooks = await listWebhooks(app.db);
      const deliveries = await listDeliveries(app.db);
      return {
        webhooks: webhooks.map((webhook) => ({
          id: webhook.id,
          name: webhook.name,
          kind: webhook.kind,
          host: webhook.urlHost,
          events: webhook.events,
          enabled: webhook.enabled,
          signed: webhook.secretSealed !== null,
        })),
        deliveries: deliveries.map((delivery) => ({
          ...delivery,
          createdAt: new Date(delivery.createdAt).toISOString(),
        })),
        everyMinutes: config.webhooks.everyMinutes,
      };
    },
  );

  app.post(
    '/api/admin/webhooks',
    {
      ...admin,
      schema: {
        tags: ['admin'],
        summary: 'Add a Slack, Teams or signed generic webhook',
        body: NewWebhookBody,
        response: { 201: CreatedWebhook, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { name, kind, url, events, enabled } = request.body;
      const problem = await checkWebhookUrl(url, config.webhooks.allowPrivate);
      if (problem) throw badRequest('invalid_url', problem);
      const secret = kind === 'generic' ? randomBytes(32).toString('base64url') : null;
      const id = await insertWebhook(app.db, {
        name: name.trim(),
        kind,
        urlSealed: app.secrets.encrypt(URL_PURPOSE, Buffer.from(url)),
        urlHost: new URL(url).host,
        secretSealed: secret ? app.secrets.encrypt(SECRET_PURPOSE, Buffer.from(secret)) : null,
        events,
        enabled: enabled ?? true,
        createdBy: request.staff!.username,
      });
      await audit(app.db, request.staff!, 'webhook.create', { type: 'webhook', id }, { kind, events });
      return reply.code(201).send({ id, secret });
    },
  );

  app.patch(
    '/api/admin/webhooks/:id',
    {
      ...admin,
      schema: {
        tags: ['admin'],
        summary: 'Rename, choose events, enable or disable a webhook',
        params: WebhookParams,
        body: WebhookChanges,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await updateWebhook(app.db, request.params.id, request.body))) throw notFound('No such webhook.');
      await audit(
        app.db,
        request.staff!,
        'webhook.update',
        { type: 'webhook', id: request.params.id },
        request.body,
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/admin/webhooks/:id',
    {
      ...admin,
      schema: {
        tags: ['admin'],
        summary: 'Remove a webhook and its delivery log',
        params: WebhookParams,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await deleteWebhook(app.db, request.params.id))) throw notFound('No such webhook.');
      await audit(app.db, request.staff!, 'webhook.delete', { type: 'webhook', id: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/admin/webhooks/:id/test',
    {
      ...admin,
      schema: {
        tags: ['admin'],
        summary: 'Send a test message now (one attempt, logged)',
        params: WebhookParams,
        response: { 200: TestResult, ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => {
      const webhook = await findWebhook(app.db, request.params.id);
      if (!webhook) throw notFound('No such webhook.');
      await app.throttle.enforce([{ key: `webhook-test:${webhook.id}`, max: 10, windowMs: 60_000 }]);
      const message = {
        event: 'test' as const,
        slot: slotOf(new Date(), config.webhooks.everyMinutes).toISOString(),
        data: {},
      };
      const deliveryId = (await queueDelivery(
        app.db,
        webhook.id,
        'test',
        randomBytes(8).toString('hex'),
        message,
      ))!;
      const result = await attempt(deps, webhook, deliveryId, message);
      await recordAttempt(app.db, deliveryId, {
        status: result.ok ? 'delivered' : 'failed',
        httpStatus: result.status,
        error: result.error,
        retryInMs: 0,
      });
      return { delivered: result.ok, status: result.status, error: result.error };
    },
  );
};

export default notifications;
