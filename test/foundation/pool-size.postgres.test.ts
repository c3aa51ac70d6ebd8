import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { build } from '../helpers/build.ts';
import { withAdminClient } from '../helpers/postgres.ts';

// DATABASE_POOL_SIZE caps the connections a node opens to Postgres: nodes × pool size must fit the
// server's max_connections (the linkability attack runs ten apps on one cluster of 100).
const t = build({ DATABASE_POOL_SIZE: '4' });

describe('DATABASE_POOL_SIZE', () => {
  it('opens at most that many connections, and queues the queries beyond them instead of failing them', async () => {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.app.db);
    const database = rows[0]!.name;
    let most = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const { rows: busy } = await withAdminClient((client) =>
          client.query<{ n: string }>(
            `select count(*) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
            [database],
          ),
        );
        most = Math.max(most, Number(busy[0]!.n));
      }
    })();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        sql<{ i: number }>`select pg_sleep(0.2), ${i}::int as i`.execute(t.app.db),
      ),
    );
    watching = false;
    await watcher;
    expect(results.map((result) => result.rows[0]!.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Four: the focus groups' listening connection and three running queries (at the default of ten,
    // the same ten queries opened ten connections).
    expect(most).toBe(4);
  });
});
