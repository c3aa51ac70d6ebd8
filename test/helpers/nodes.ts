import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { build } from './build.ts';

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

/**
 * Node A (the test app, `t`) and node B on one database with one master secret, for the test file
 * (postgres project only). `nodeB` is there once the file's beforeAll hooks ran.
 */
export function buildTwoNodes(env: Record<string, string> = {}) {
  const secret = randomBytes(32).toString('hex');
  const t = build({ ...env, GREENROOM_SECRET: secret });
  const nodes = { t, nodeB: null as unknown as FastifyInstance };
  beforeAll(async () => {
    nodes.nodeB = await secondNode(t.config.databaseUrl!, secret);
  });
  afterAll(() => nodes.nodeB?.close());
  return nodes;
}
