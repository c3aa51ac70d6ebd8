// Like test/helpers/build.ts, plus test-only routes registered before the app is ready: a throwaway
// route that spends a token exercises the redemption plugin without depending on another feature.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { spendToken } from '../../server/shared/private-token.ts';
import { testDatabase } from '../helpers/build.ts';
import { databaseUrl, withAdminClient } from '../helpers/postgres.ts';

export interface TokenTestApp {
  app: FastifyInstance;
  logs: string[];
}

/** Test routes: POST /test/spend/general and POST /test/spend/:scope spend one token and insert nothing else. */
function registerSpendRoutes(app: FastifyInstance) {
  const spend = async (request: { privateToken: Parameters<typeof spendToken>[1] }) => {
    await app.db.transaction().execute((trx) => spendToken(trx, request.privateToken));
    return { spent: true };
  };
  app.post('/test/spend/general', { config: { privateToken: 'general' } }, spend);
  app.post(
    '/test/spend/:scope',
    {
      config: { privateToken: (request) => decodeURIComponent((request.params as { scope: string }).scope) },
    },
    spend,
  );
  // Spends, then fails: the spend must roll back with the action.
  app.post('/test/spend-then-fail', { config: { privateToken: 'general' } }, async (request) => {
    await app.db.transaction().execute(async (trx) => {
      await spendToken(trx, request.privateToken);
      throw new Error('the action failed after spending');
    });
  });
}

export function buildWithSpendRoutes(env: Record<string, string> = {}): TokenTestApp {
  const handle = { logs: [] as string[] } as TokenTestApp;
  let drop = async () => {};
  beforeAll(async () => {
    let url: string | null = null;
    if (testDatabase === 'postgres') {
      const name = `greenroom_test_${randomBytes(6).toString('hex')}`;
      await withAdminClient((client) =>
        client.query(`create database ${name} template ${inject('templateDb')}`),
      );
      url = databaseUrl(name);
      drop = () =>
        withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(
          () => {},
        );
    }
    const config = loadConfig({
      DATA_DIR: 'memory://',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...(url ? { DATABASE_URL: url } : {}),
      ...env,
    });
    const { Writable } = await import('node:stream');
    const logStream = new Writable({
      write(chunk, _encoding, callback) {
        handle.logs.push(...String(chunk).split('\n').filter(Boolean));
        callback();
      },
    });
    const app = await buildApp(config, { logStream });
    registerSpendRoutes(app);
    await app.ready();
    handle.app = app;
  });
  afterAll(async () => {
    await handle.app?.close();
    await drop();
  });
  return handle;
}
