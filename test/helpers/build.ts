import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { databaseUrl, withAdminClient } from './postgres.ts';

export type TestDatabase = 'pglite' | 'postgres';
export const testDatabase = (process.env.GREENROOM_TEST_DB ?? 'pglite') as TestDatabase;

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  /** Every route the app registered (method, url, schema, config) — for tests generated from the route list. */
  routes: RouteOptions[];
}

/** A fresh database for this test file: a copy of the migrated template on Postgres, in-memory PGlite otherwise. */
async function freshDatabase(): Promise<{ databaseUrl: string | null; drop: () => Promise<void> }> {
  if (testDatabase === 'pglite') return { databaseUrl: null, drop: async () => {} };
  const name = `greenroom_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name} template ${inject('templateDb')}`));
  return {
    databaseUrl: databaseUrl(name),
    drop: () =>
      withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => {},
      ),
  };
}

/** The migrated embedded data folder pglite-setup.ts dumped for this run, when the project has one. */
function embeddedStart(): Blob | undefined {
  if (testDatabase !== 'pglite') return undefined;
  const file = inject('pgliteTemplate');
  return file ? new Blob([readFileSync(file)]) : undefined;
}

export async function createTestApp(
  env: Record<string, string> = {},
): Promise<TestApp & { close(): Promise<void> }> {
  const database = await freshDatabase();
  const config = loadConfig({
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'info',
    SEED_DEMO: 'false',
    // Embedded PGlite blocks the loop while it works; the overload test turns shedding on explicitly.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...env,
  });
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        rawLogs.push(line);
        logs.push(JSON.parse(line));
      }
      callback();
    },
  });
  const routes: RouteOptions[] = [];
  const start = embeddedStart();
  const app = await buildApp(config, {
    logStream,
    onRoute: (route) => routes.push(route),
    ...(start ? { embeddedStart: start } : {}),
  });
  await app.ready();
  return {
    app,
    config,
    logs,
    rawLogs,
    routes,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** One app per test file, closed after the file. */
export function build(env: Record<string, string> = {}): TestApp {
  const handle = {} as TestApp;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const created = await createTestApp(env);
    Object.assign(handle, created);
    close = created.close;
  });
  afterAll(() => close());
  return handle;
}
