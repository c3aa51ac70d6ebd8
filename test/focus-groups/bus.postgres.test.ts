import pg from 'pg';
import { afterEach, expect, test } from 'vitest';
import { postgresBus } from '../../server/focus-groups/bus.ts';
import { POSTGRES_ADMIN_URL, withAdminClient } from '../helpers/postgres.ts';

// The focus-group bus on a real Postgres. A node's close must give every pooled connection back: pg's
// `pool.end()` waits for checked-out clients, so one the bus keeps after close hangs the node's shutdown.

const silent = { warn: () => {} };
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => ended(pool)));
});

// Only this file's connections are cut: other test files (and other nodes) share the server.
const application = `bus-test-${process.pid}`;

function newPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: POSTGRES_ADMIN_URL, max: 4, application_name: application });
  pools.push(pool);
  return pool;
}

/** Whether `pool.end()` finishes within `ms` (it waits for every checked-out client). */
async function ended(pool: pg.Pool, ms = 5_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = pool.end().then(
    () => true as const,
    () => true as const,
  );
  const outcome = await Promise.race([done, late]);
  clearTimeout(timer);
  return outcome;
}

/** Ends this file's LISTEN connections from outside, as a failover or a proxy would. */
async function cutListeners(): Promise<void> {
  const cut = await withAdminClient((client) =>
    client.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = $1 and query ilike 'listen%'`,
      [application],
    ),
  );
  expect(cut.rowCount).toBe(1);
}

test('closing while the bus is reconnecting gives the new connection back, so the pool can end', async () => {
  const pool = newPool();
  const bus = await postgresBus(pool, silent, 10);
  // The reconnect's pool.connect() is the moment to close in: hold it until close() has begun.
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  let reconnecting!: () => void;
  const reconnectStarted = new Promise<void>((resolve) => (reconnecting = resolve));
  let closedNow!: () => void;
  const closeDone = new Promise<void>((resolve) => (closedNow = resolve));
  (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    reconnecting();
    await closeDone;
    return connect();
  };
  await cutListeners();
  await reconnectStarted;
  // close() marks the bus closed at once, then the held connect goes through.
  const closing = bus.close();
  closedNow();
  await closing;
  pools.splice(pools.indexOf(pool), 1);
  expect(await ended(pool)).toBe(true);
});

test('closing while the reconnect waits for LISTEN also gives the connection back', async () => {
  const pool = newPool();
  const bus = await postgresBus(pool, silent, 10);
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  let listening!: () => void;
  const listenSent = new Promise<void>((resolve) => (listening = resolve));
  (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    const query = client.query.bind(client) as (text: string) => Promise<unknown>;
    (client as unknown as { query: (text: string) => Promise<unknown> }).query = (text: string) => {
      const sent = query(text);
      if (text.startsWith('LISTEN')) listening();
      return sent;
    };
    return client;
  };
  await cutListeners();
  await listenSent;
  await bus.close();
  pools.splice(pools.indexOf(pool), 1);
  expect(await ended(pool)).toBe(true);
});
