import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import underPressure from '@fastify/under-pressure';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DestinationStream } from 'pino';
import { Type } from 'typebox';
import type { Config } from './config.ts';
import { loggerOptions } from './logging.ts';
import errors from './plugins/errors.ts';
import db from './plugins/db.ts';
import jobs from './plugins/jobs.ts';
import secrets from './plugins/secrets.ts';
import security from './plugins/security.ts';
import throttle from './plugins/throttle.ts';
import staffSession from './plugins/staff-session.ts';
import client from './plugins/client.ts';
import contentEvents from './plugins/content-events.ts';
import diskScrub from './plugins/disk-scrub.ts';
import tokenRedemption from './tokens/redemption.ts';
import ports from './plugins/ports.ts';
import staffRoutes from './staff/routes.ts';
import settingsRoutes from './settings/routes.ts';
import departmentRoutes from './departments/routes.ts';
import { ErrorBody } from './errors.ts';
import tokenRoutes from './tokens/routes.ts';
import walletPolicyRoutes from './tokens/policy-routes.ts';
import threadRoutes from './shared/threads/routes.ts';
import savedReplyRoutes from './shared/moderation/saved-replies.ts';
import suggestionRoutes from './suggestions/routes.ts';
import kudosRoutes from './kudos/routes.ts';
import pulseRoutes from './pulses/routes.ts';
import focusGroupRoutes from './focus-groups/routes.ts';
import themeRoutes from './themes/routes.ts';
import handoffRoutes from './handoffs/routes.ts';
import journeyRoutes from './journeys/routes.ts';
import customerVoiceRoutes from './customer-voice/routes.ts';
import notificationRoutes from './notifications/routes.ts';
import actionRoutes from './actions/routes.ts';

export interface BuildOptions {
  /** Where log lines go (tests capture them to prove nothing identifying is written). */
  logStream?: DestinationStream;
  /** Sees every route as it is added (the permission-matrix and fuzz tests build their case lists from it). */
  onRoute?: (route: RouteOptions) => void;
  /** A dumped, migrated data folder an in-memory embedded database starts from (tests). */
  embeddedStart?: Blob;
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Opening the embedded database and migrating it can take longer than Fastify's default 10 s on a
    // small, busy machine; a stuck plugin still fails the start, only later.
    pluginTimeout: 120_000,
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  // Tier 1: cross-cutting plugins.
  await app.register(errors);
  // Overload is shed with 503 + Retry-After instead of queueing until the process falls over.
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    retryAfter: 5,
    pressureHandler: (_request, reply) => {
      reply
        .code(503)
        .header('retry-after', '5')
        .send({ error: 'overloaded', message: 'The server is busy; try again shortly.' });
    },
  });
  await app.register(db, {
    config,
    ...(options.embeddedStart ? { embeddedStart: options.embeddedStart } : {}),
  });
  await app.register(jobs, { options: { tickMs: config.jobTickMs, leaseMs: config.jobLeaseMs } });
  await app.register(secrets, { config });
  await app.register(security);
  await app.register(throttle);
  await app.register(staffSession, { config });
  await app.register(contentEvents);
  await app.register(diskScrub);
  // The tokens feature's redemption hook: every anonymous route after it has its token verified.
  await app.register(tokenRedemption, { config });
  await app.register(ports);
  await app.register(websocket, { options: { maxPayload: 4096, perMessageDeflate: false } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Greenroom API',
        version: '1',
        description: 'Anonymous employee listening portal. Errors are always {error, message}.',
      },
      components: {
        securitySchemes: {
          staffSession: { type: 'apiKey', in: 'cookie', name: 'greenroom_session' },
          privateToken: { type: 'http', scheme: 'PrivateToken', description: 'RFC 9577 token' },
          customerVoiceApiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'Customer-voice ingestion key from POST /api/admin/customer-voice/api-keys',
          },
          bearerCredential: {
            type: 'http',
            scheme: 'bearer',
            description: 'Membership credential from POST /api/enrol',
          },
        },
      },
    },
  });
  app.addSchema(ErrorBody);
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Tier 2: features.
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['public'],
        summary: 'Liveness: migrations ran and the database answers',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorBody },
      },
    },
    async (_request, reply) => {
      try {
        await app.db.selectFrom('setting').select('key').limit(1).execute();
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ error: 'unavailable', message: 'The database does not answer.' });
      }
    },
  );
  await app.register(staffRoutes, { prefix: '/api', config });
  await app.register(settingsRoutes, { prefix: '/api' });
  await app.register(departmentRoutes, { prefix: '/api' });
  // Feature folders declare full paths (tokens also serves /.well-known).
  await app.register(tokenRoutes, { config });
  await app.register(walletPolicyRoutes, { config });
  // Receipts and their threads serve every feature that replies to an anonymous author.
  await app.register(threadRoutes);
  await app.register(savedReplyRoutes);
  await app.register(suggestionRoutes, { config });
  await app.register(kudosRoutes, { config });
  await app.register(pulseRoutes, { config });
  await app.register(focusGroupRoutes, { config });
  await app.register(themeRoutes, { config });
  await app.register(actionRoutes);
  await app.register(handoffRoutes, { config });
  await app.register(journeyRoutes);
  await app.register(customerVoiceRoutes, { config });
  await app.register(notificationRoutes, { config });

  await app.register(client, { config });
  return app;
}
