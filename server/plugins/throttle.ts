import fp from 'fastify-plugin';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { HttpError } from '../errors.ts';

// Rate limits, back-off and budgets that hold across every node on one database: counters live in the
// `throttle` table, never in a node's memory. One call checks every limit of a route in one
// transaction (the per-key and the overall limit together), and a refused request counts nowhere:
// the transaction rolls back.
//
// Keys are keyed hashes (HMAC under the master secret, truncated): the table holds no username, code
// or device id in clear, and never anything derived from a client address — the server reads none.

export interface Limit {
  /** What is counted, e.g. `login:*` or `enrol-code:K7QM4XRT` (hashed before it is stored). */
  key: string;
  /** Hits allowed per window; the one that goes over is refused with 429 and Retry-After. */
  max: number;
  windowMs: number;
  /** The code of the 429 answer (default `rate_limited`). */
  error?: string;
  message?: string;
}

/**
 * Progressive delay: the first `freeHits` hits in a quiet period pass at once, then each further
 * one must wait twice as long as the previous (1 s, 2 s, 4 s… up to `maxDelayMs`). The quiet
 * period (`windowMs`) restarts with every hit. `forgive()` clears it (a successful login).
 */
export interface Backoff {
  key: string;
  freeHits: number;
  maxDelayMs: number;
  windowMs: number;
}

export interface Refusal {
  error: string;
  message: string;
  retryAfterSeconds: number;
  /** For a refused limit: how much of `max` was still left in the window. */
  remaining?: number;
}

export interface Throttle {
  /** Counts `cost` against every limit (and one hit against the back-off); null when allowed. */
  take(limits: Limit[], options?: { backoff?: Backoff; cost?: number }): Promise<Refusal | null>;
  /** Takes back one hit (a success does not count): clears the back-off, refunds the limits. */
  forgive(counted: { limits?: Limit[]; backoff?: Backoff }): Promise<void>;
  /** The same as `take`, answering 429 with Retry-After when refused. */
  enforce(limits: Limit[], options?: { backoff?: Backoff; cost?: number }): Promise<void>;
  /** Deletes counters whose window and block have ended (run by the housekeeping job). */
  purgeExpired(): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    throttle: Throttle;
  }
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const seconds = (ms: number) => ms / 1000;

export function createThrottle(db: Kysely<Database>, hash: (key: string) => string): Throttle {
  async function count(
    trx: Transaction<Database>,
    key: string,
    cost: number,
    windowMs: number,
    slide: boolean,
  ) {
    const row = await sql<{ hits: number; window_left: number; blocked_left: number | null }>`
      insert into throttle as t (key, hits, resets_at)
      values (${key}, ${cost}, now() + make_interval(secs => ${seconds(windowMs)}))
      on conflict (key) do update set
        hits = case when t.resets_at <= now() then excluded.hits else t.hits + excluded.hits end,
        resets_at = case when t.resets_at <= now() or ${slide} then excluded.resets_at else t.resets_at end,
        blocked_until = case when t.resets_at <= now() then null else t.blocked_until end
      returning hits,
        extract(epoch from (resets_at - now()))::float8 as window_left,
        extract(epoch from (blocked_until - now()))::float8 as blocked_left`.execute(trx);
    return row.rows[0]!;
  }

  async function take(limits: Limit[], options: { backoff?: Backoff; cost?: number } = {}) {
    const cost = options.cost ?? 1;
    // Keys in one order on every node: two transactions never wait on each other's rows crosswise.
    const hashed = limits
      .map((limit) => ({ limit, key: hash(`limit:${limit.key}`) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    try {
      await db.transaction().execute(async (trx) => {
        const { backoff } = options;
        if (backoff) {
          const key = hash(`backoff:${backoff.key}`);
          const row = await count(trx, key, 1, backoff.windowMs, true);
          if (row.blocked_left !== null && row.blocked_left > 0)
            throw new Refused({
              error: 'login_delayed',
              message: 'Too many failed attempts; wait before trying again.',
              retryAfterSeconds: Math.max(1, Math.ceil(row.blocked_left)),
            });
          if (row.hits >= backoff.freeHits) {
            const delayMs = Math.min(backoff.maxDelayMs, 1000 * 2 ** (row.hits - backoff.freeHits));
            await sql`update throttle set blocked_until = now() + make_interval(secs => ${seconds(delayMs)})
              where key = ${key}`.execute(trx);
          }
        }
        for (const { limit, key } of hashed) {
          const row = await count(trx, key, cost, limit.windowMs, false);
          if (row.hits > limit.max)
            throw new Refused({
              error: limit.error ?? 'rate_limited',
              message: limit.message ?? 'Too many requests; try again later.',
              retryAfterSeconds: Math.max(1, Math.ceil(row.window_left)),
              remaining: Math.max(0, limit.max - (row.hits - cost)),
            });
        }
      });
      return null;
    } catch (error) {
      if (error instanceof Refused) return error.refusal;
      throw error;
    }
  }

  return {
    take,
    async enforce(limits, options) {
      const refusal = await take(limits, options);
      if (refusal)
        throw new HttpError(429, refusal.error, refusal.message, {
          'retry-after': String(refusal.retryAfterSeconds),
        });
    },
    async forgive({ limits = [], backoff }) {
      if (backoff)
        await db
          .deleteFrom('throttle')
          .where('key', '=', hash(`backoff:${backoff.key}`))
          .execute();
      const keys = limits.map((limit) => hash(`limit:${limit.key}`));
      if (keys.length > 0)
        await db
          .updateTable('throttle')
          .set({ hits: sql<number>`greatest(0, hits - 1)` })
          .where('key', 'in', keys)
          .execute();
    },
    async purgeExpired() {
      const result = await db
        .deleteFrom('throttle')
        .where('resets_at', '<', sql<Date>`now()`)
        .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', sql<Date>`now()`)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export default fp(
  async (app) => {
    const throttle = createThrottle(app.db, (key) => app.secrets.hmac('throttle', key).slice(0, 32));
    app.decorate('throttle', throttle);
    // Counters whose window ended are forgotten within the hour, by one node at a time.
    app.jobs.define({
      name: 'throttle-purge',
      everyMs: 60 * 60 * 1000,
      run: async () => void (await throttle.purgeExpired()),
    });
  },
  { name: 'throttle', dependencies: ['db', 'secrets', 'jobs'] },
);
