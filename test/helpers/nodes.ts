import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';

/** Another node on the same database and master secret as the test app (postgres project only). */
export async function secondNode(databaseUrl: string, secret: string, env: Record<string, string> = {}) {
  const node: FastifyInstance = await buildApp(
    loadConfig({
      DATABASE_URL: databaseUrl,
      DATA_DIR: 'memory://',
      GREENROOM_SECRET: secret,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    }),
  );
  await node.ready();
  return node;
}
