import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// Rewrites tables whose rows held text that must not survive on disk (a redacted original). An UPDATE
// leaves the old row version in the page; plain VACUUM frees it but leaves its bytes in the page's free
// space (test/moderation/redaction-on-disk.test.ts shows both). VACUUM FULL writes the live rows to a new
// file and unlinks the old one, TOAST included. It takes an ACCESS EXCLUSIVE lock for the copy (for
// 50 000 suggestions, 27 MB: about 0.8 s on Postgres and 1.9 s on PGlite, whose single connection
// waits with it; bench/redaction-scrub.ts), so it runs after the moderator's answer, one table at a
// time, with a lock timeout: queued behind a long transaction it would block every reader of the table.

const LOCK_TIMEOUT = '2s';
const ATTEMPTS = 10;
const OLDER_TRANSACTIONS_WAIT_MS = 60_000;
/** Worth another try: the lock timed out (55P03), or Postgres broke a deadlock by cancelling us (40P01). */
const isRetryable = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === '55P03' || code === '40P01';
};

export class DiskScrub {
  readonly #db: Kysely<Database>;
  readonly #log: FastifyBaseLogger;
  readonly #pending = new Set<string>();
  #running: Promise<void> | null = null;

  constructor(db: Kysely<Database>, log: FastifyBaseLogger) {
    this.#db = db;
    this.#log = log;
  }

  /** Rewrites these tables soon (each once, however often it is asked before its turn). */
  rewrite(tables: (keyof Database)[]): void {
    for (const table of tables) this.#pending.add(table);
    // A table asked for after the drain passed its last entry, but before it ended, starts a new drain.
    this.#running ??= this.#drain().finally(() => {
      this.#running = null;
      if (this.#pending.size > 0) this.rewrite([]);
    });
  }

  /** Resolves once nothing is waiting to be rewritten (tests, and shutdown, wait on this). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    for (const table of this.#pending) {
      this.#pending.delete(table);
      const started = performance.now();
      try {
        await this.#vacuumFull(table);
        this.#log.info(
          { table, ms: Math.round(performance.now() - started) },
          'table rewritten after a redaction',
        );
      } catch (error) {
        this.#log.error(
          { err: error, table },
          'table rewrite after a redaction failed: the original may stay on disk',
        );
      }
    }
  }

  /**
   * VACUUM FULL keeps every row version some transaction may still see: any backend whose snapshot
   * horizon (`backend_xmin`) or own transaction id is older than the redaction — in any database of the
   * cluster, not only this one (measured on Postgres 15: a transaction open in another database since
   * before the update made `vacuum full` report the old version "cannot be removed yet", and the rewrite
   * kept the original). A transaction that began after the redaction can still hold such a horizon (it
   * took its snapshot while an older one ran), so the wait is on horizons, not start times: until no
   * other backend holds one from before the first transaction id not yet assigned when the rewrite was
   * asked for.
   */
  async #olderSnapshotsEnded(): Promise<void> {
    const { rows } = await sql<{ next: string }>`
      select pg_snapshot_xmax(pg_current_snapshot())::text as next`.execute(this.#db);
    const since = BigInt(rows[0]!.next);
    for (let waited = 0; waited < OLDER_TRANSACTIONS_WAIT_MS; waited += 100) {
      // xid is 32 bits and has no ordering operator: place each one by its age from the next xid.
      const older = await sql<{ n: number }>`
        with now as (select pg_snapshot_xmax(pg_current_snapshot())::text::numeric as next)
        select count(*)::int as n from pg_stat_activity, now
        where pid <> pg_backend_pid()
          and (now.next - age(backend_xmin) < ${String(since)}::numeric
            or now.next - age(backend_xid) < ${String(since)}::numeric)`.execute(this.#db);
      if (older.rows[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.#log.warn('a snapshot older than the redaction is still held; rewriting anyway');
  }

  async #vacuumFull(table: string): Promise<void> {
    await this.#olderSnapshotsEnded();
    // VACUUM cannot run in a transaction; one connection keeps the lock timeout with the statement.
    await this.#db.connection().execute(async (connection) => {
      await sql`set lock_timeout = ${sql.lit(LOCK_TIMEOUT)}`.execute(connection);
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            await sql`vacuum full ${sql.table(table)}`.execute(connection);
            return;
          } catch (error) {
            if (!isRetryable(error) || attempt === ATTEMPTS) throw error;
            this.#log.warn(
              { table, attempt, code: (error as { code?: string }).code },
              'table rewrite waits',
            );
            await new Promise((resolve) => setTimeout(resolve, Math.min(attempt, 3) * 1000));
          }
        }
      } finally {
        await sql`reset lock_timeout`.execute(connection);
      }
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Rewrites tables after a redaction so no old row version stays readable on disk. */
    diskScrub: DiskScrub;
  }
}

export default fp(
  async (app) => {
    const scrub = new DiskScrub(app.db, app.log);
    app.decorate('diskScrub', scrub);
    // Before the database closes: a queued rewrite finishes rather than leaving the original behind.
    app.addHook('preClose', async () => scrub.idle());
  },
  { name: 'disk-scrub', dependencies: ['db'] },
);
