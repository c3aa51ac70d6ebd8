// What the clean-up after a redaction costs: VACUUM FULL of the suggestion table (the rewrite that
// leaves no old row version on disk, server/plugins/disk-scrub.ts) next to plain VACUUM and to one
// sequential read of the same table (the baseline), same database, same run. VACUUM FULL holds an
// ACCESS EXCLUSIVE lock for its whole duration: that is how long readers of the board wait.
//
//   npm run bench:redaction-scrub        (ROWS=5000,50000 ROUNDS=3 override)
//
// Runs on embedded PGlite and, when reachable, on Postgres. Prints milliseconds (median) and ratios.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { connect } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { databaseUrl, postgresReachable, withAdminClient } from '../test/helpers/postgres.ts';

const SIZES = (process.env.ROWS ?? '5000,50000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function measure(db: Kysely<Database>, label: string): Promise<void> {
  let rows = 0;
  for (const size of SIZES) {
    // Suggestions of about 300 characters, one in five redacted (an UPDATE leaving a dead version).
    await sql`insert into suggestion (text, moderation, pii_flags, day)
      select md5(g::text) || ' ' || repeat('the badge reader at the back entrance fails every morning ', 5),
             'published', '[]', current_date
      from generate_series(${rows + 1}::int, ${size}::int) g`.execute(db);
    rows = size;
    await sql`update suggestion set text = left(text, 200) || ' [email removed]' where random() < 0.2`.execute(
      db,
    );
    const { rows: size_ } = await sql<{
      size: string;
    }>`select pg_size_pretty(pg_total_relation_size('suggestion')) as size`.execute(db);
    const scan = await timed(() => sql`select count(*) from suggestion where text like '%@%'`.execute(db));
    const vacuum = await timed(() => sql`vacuum suggestion`.execute(db));
    const full = await timed(() => sql`vacuum full suggestion`.execute(db));
    console.log(
      `${label.padEnd(8)} ${String(size).padStart(6)} suggestions (${size_[0]!.size.padStart(6)}): ` +
        `scan ${scan.toFixed(1)} ms · VACUUM ${vacuum.toFixed(1)} ms (${(vacuum / scan).toFixed(1)}× scan) · ` +
        `VACUUM FULL ${full.toFixed(1)} ms (${(full / scan).toFixed(1)}× scan, ${(full / vacuum).toFixed(1)}× VACUUM)`,
    );
  }
}

const pglite = await connect({ databaseUrl: null, dataDir: 'memory://' });
await migrateToLatest(pglite.db);
await measure(pglite.db, 'PGlite');
await pglite.close();

if (await postgresReachable()) {
  const name = `greenroom_bench_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const postgres = await connect({ databaseUrl: databaseUrl(name), dataDir: 'memory://' });
  try {
    await migrateToLatest(postgres.db);
    await measure(postgres.db, 'Postgres');
  } finally {
    await postgres.close();
    await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
  }
} else {
  console.log('Postgres not reachable: measured on PGlite only.');
}
