import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.ts';

// Postgres returns bigint counts as strings by default; every count we keep fits in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Anonymous rows carry calendar days, not instants: keep DATE as the 'YYYY-MM-DD' string it is.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const PGLITE_PARSERS = { 20: (value: string) => Number(value), 1082: (value: string) => value };

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Present on real Postgres: used by the focus-group bus for LISTEN/NOTIFY. */
  pool: pg.Pool | null;
  /** Present on the embedded database (single process: the focus-group bus can stay in memory). */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl: string | null;
  /** PGlite data folder; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
  /**
   * An in-memory embedded database starts as a copy of this dumped data folder instead of running
   * initdb (the tests give every file one migrated copy; nothing in production sets it).
   */
  embeddedStart?: Blob;
}

export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    // A checked-out client between two queries of a transaction has no listener of its own; when the
    // server dies it would emit an unhandled 'error' and take the process down. Its next query fails
    // (→ 503) instead.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, pglite: null, close: () => db.destroy() };
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const start = options.dataDir.startsWith('memory://') ? options.embeddedStart : undefined;
  const pglite = await PGlite.create(options.dataDir, {
    parsers: PGLITE_PARSERS,
    ...(start ? { loadDataDir: start } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', pool: null, pglite, close: () => db.destroy() };
}
