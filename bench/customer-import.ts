// What importing customer feedback costs: a 100,000-row CSV export streamed through the real import
// (csv-parse, per-row checks, PII redaction, duplicate detection, batched idempotent inserts and rule
// mapping, one transaction) next to a plain batched INSERT of the same rows (the baseline: no parsing,
// no checks, no redaction), same database, same run. Prints rows/s, the ratio and peak RSS.
//
//   npm run bench:customer-import        (ROWS=100000 override)
//
// Runs on embedded PGlite and, when reachable, on Postgres. Goal: ≥ 5,000 rows/s and ≤ 300 MB peak RSS.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { connect } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { importFeedback } from '../server/customer-voice/import.ts';
import { readCsv } from '../server/customer-voice/readers.ts';
import { FILLS, SCENARIOS } from '../server/customer-voice/seed-content.ts';
import { seededRandom } from '../server/seeded-random.ts';
import { databaseUrl, postgresReachable, withAdminClient } from '../test/helpers/postgres.ts';

const ROWS = Number(process.env.ROWS ?? 100_000);
const TODAY = new Date().toISOString().slice(0, 10);

interface Generated {
  id: string;
  text: string;
  score: number;
  day: string;
  channel: string;
  stage: string;
}

function* rows(count: number): Generator<Generated> {
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const scenario = pick(SCENARIOS);
    const text = pick(scenario.templates).replace(/\{(\w+)\}/g, (_m, slot: string) =>
      slot === 'account' ? String(10_000_000 + i) : pick(FILLS[slot] ?? ['']),
    );
    const day = new Date(Date.now() - (i % 90) * 86_400_000).toISOString().slice(0, 10);
    yield {
      id: `bench-${i}`,
      text,
      score: scenario.mood === 'promoter' ? 9 : scenario.mood === 'detractor' ? 3 : 7,
      day,
      channel: pick(scenario.channel),
      stage: scenario.stage,
    };
  }
}

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

async function writeCsv(file: string) {
  const out = createWriteStream(file);
  out.write('response_id,comment,nps,submitted,channel,stage\n');
  for (const row of rows(ROWS)) {
    const line =
      [row.id, quote(row.text), row.score, row.day, row.channel, quote(row.stage)].join(',') + '\n';
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Peak RSS while `run` runs, sampled every 20 ms. */
async function measured<T>(run: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, seconds, peakMb: peak / 1024 / 1024 };
}

async function reset(db: Kysely<Database>) {
  await sql`truncate customer_feedback, customer_import cascade`.execute(db);
}

async function baseline(db: Kysely<Database>) {
  await db.transaction().execute(async (trx) => {
    let batch: Generated[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await trx
        .insertInto('customer_feedback')
        .values(
          batch.map((row) => ({
            external_id: row.id,
            text: row.text,
            pii_kinds: '[]',
            score_kind: 'nps' as const,
            score: row.score,
            day: row.day,
            channel: row.channel,
            stage: row.stage,
            product: null,
          })),
        )
        .execute();
      batch = [];
    };
    for (const row of rows(ROWS)) {
      batch.push(row);
      if (batch.length >= 500) await flush();
    }
    await flush();
  });
}

async function measure(db: Kysely<Database>, label: string, file: string) {
  // Rules as a moderator would set them, so mapping is part of the cost.
  const department = await db
    .insertInto('department')
    .values({ name: `Bench ${randomBytes(3).toString('hex')}`, kind: 'backstage' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('customer_voice_rule')
    .values([
      { department_id: department.id, stage: 'valuation', channel: null, keyword: null },
      { department_id: department.id, stage: null, channel: null, keyword: 'letter' },
    ])
    .execute();
  await reset(db);
  const before = process.memoryUsage().rss / 1024 / 1024;
  const imported = await measured(() =>
    importFeedback(db, readCsv(createReadStream(file)), {
      origin: 'upload',
      label: 'bench',
      format: 'csv',
      mapping: {
        text: 'comment',
        score: 'nps',
        scoreKind: 'nps',
        date: 'submitted',
        channel: 'channel',
        stage: 'stage',
        externalId: 'response_id',
      },
      accept: 'all',
      dryRun: false,
      today: TODAY,
      staffId: null,
      apiKeyId: null,
    }),
  );
  await reset(db);
  const plain = await measured(() => baseline(db));
  if (!imported.result.committed || imported.result.imported !== ROWS)
    throw new Error(`import did not take every row: ${JSON.stringify(imported.result).slice(0, 300)}`);
  const plainRate = ROWS / plain.seconds;
  const importRate = ROWS / imported.seconds;
  console.log(
    `${label.padEnd(8)} ${ROWS} rows · plain INSERT ${plainRate.toFixed(0)} rows/s (${plain.seconds.toFixed(1)} s) · ` +
      `import ${importRate.toFixed(0)} rows/s (${imported.seconds.toFixed(1)} s, ` +
      `${imported.result.mappedToDepartments} mapped) · import/plain ${(importRate / plainRate).toFixed(2)}× · ` +
      `peak RSS during the import ${imported.peakMb.toFixed(0)} MB (${before.toFixed(0)} MB before it` +
      `${label === 'PGlite' ? ', the embedded database in the same process' : ''})`,
  );
}

// Each database is measured in a process of its own, so one's memory never counts against the other.
const only = process.env.BENCH_DB;
if (only) {
  const file = process.env.BENCH_FILE!;
  if (only === 'pglite') {
    const pglite = await connect({ databaseUrl: null, dataDir: 'memory://' });
    await migrateToLatest(pglite.db);
    await measure(pglite.db, 'PGlite', file);
    await pglite.close();
  } else {
    const name = `greenroom_bench_${randomBytes(5).toString('hex')}`;
    await withAdminClient((client) => client.query(`create database ${name}`));
    const postgres = await connect({ databaseUrl: databaseUrl(name), dataDir: 'memory://' });
    try {
      await migrateToLatest(postgres.db);
      await measure(postgres.db, 'Postgres', file);
    } finally {
      await postgres.close();
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    }
  }
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'greenroom-bench-'));
  const file = path.join(dir, 'customers.csv');
  try {
    await writeCsv(file);
    console.log(`CSV: ${ROWS} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
    const run = (db: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
          env: { ...process.env, BENCH_DB: db, BENCH_FILE: file },
          stdio: 'inherit',
        });
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`${db} bench exited ${code}`)),
        );
      });
    await run('pglite');
    if (await postgresReachable()) await run('postgres');
    else console.log('Postgres not reachable: measured on PGlite only.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
