// npm run bench:blueprint — the demo journey's service blueprint rendered on the server over a year of
// demo-scale data (100k items: handoff ratings, kudos, suggestions, theme items), through the real route
// (GET /api/journeys/:id/blueprint: every overlay query, k suppression, hotspots, JSON serialisation).
// Baseline in the same run: a trivial query of the same tables (one count of the quarter's handoff ratings
// through the same app and database). Target: ≤ 300 ms per render.
//
// Embedded PGlite by default (the default deployment); BENCH_DATABASE_URL=postgres://… to run on Postgres.

import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createDepartment } from '../server/shared/departments.ts';
import { DEMO_DEPARTMENTS } from '../server/seed/departments.ts';
import { seed as seedJourney } from '../server/journeys/seed.ts';
import { quarterDays, quarterOf } from '../server/journeys/blueprint.ts';
import { today } from '../server/shared/days.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const config = loadConfig({
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const app = await buildApp(config);
  await app.ready();
  console.log(
    `# Blueprint bench — ${url ? 'Postgres' : 'PGlite'}, ${ITEMS} items over a year, ${RUNS} runs\n`,
  );

  for (const department of DEMO_DEPARTMENTS) await createDepartment(app.db, department);
  await seedJourney(app, {
    admin: { username: '', password: '' },
    moderator: { username: '', password: '' },
    notes: [],
  });
  const journey = await app.db.selectFrom('journey').select('id').executeTakeFirstOrThrow();

  // A year of data, spread over every department and day: 35% ratings, 30% kudos, 25% suggestions,
  // 10% theme items (in 40 themes).
  const started = performance.now();
  const n = (share: number) => Math.round(ITEMS * share);
  await sql`insert into handoff_rating (department_id, effort, outcome, comment, day)
    select d.id, 1 + (g % 7), 1 + (g % 5), case when g % 3 = 0 then 'The case came back twice before it was right.' end,
           current_date - (g % 365)
    from generate_series(1, ${n(0.35)}) g
    join lateral (select id from department order by id offset (g % 10) limit 1) d on true`.execute(app.db);
  await sql`insert into kudos (department_id, story, moderation, pii_flags, day)
    select d.id, 'Thank you for turning the offer letter round the same day for our customer.',
           case when g % 10 = 0 then 'pending' else 'published' end, '[]', current_date - (g % 365)
    from generate_series(1, ${n(0.3)}) g
    join lateral (select id from department order by id offset (g % 10) limit 1) d on true`.execute(app.db);
  await sql`insert into suggestion (text, concerns_department_id, moderation, status, pii_flags, day)
    select 'Let us upload payslips straight into the loan origination system.', d.id,
           case when g % 8 = 0 then 'pending' else 'published' end,
           (array['new','under_review','planned','in_progress','done','wont_do'])[1 + g % 6], '[]', current_date - (g % 365)
    from generate_series(1, ${n(0.25)}) g
    join lateral (select id from department order by id offset (g % 10) limit 1) d on true`.execute(app.db);
  await sql`insert into theme (id, scope, label, keywords, signature, size, trend, trend_test, sentiment, daily, quotes,
                               rank, first_seen, last_seen, retired)
    select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'public', (array['Valuation delays','Offer letter errors','Upload portal','Completion funds'])[1 + g % 4] || ' ' || g,
           '["valuation","offer","upload","funds"]', '{}', 1000, 'steady', '{"recent":0,"baseline":0,"ratio":null,"pValue":1}',
           case when g % 2 = 0 then -0.4 else 0.3 end, '[]', '[]', g, current_date - 365, current_date, false
    from generate_series(1, 40) g`.execute(app.db);
  await sql`insert into theme_item (scope, theme_id, item_id, source, text, day, published, department_id, status, sentiment, centrality)
    select 'public', ('00000000-0000-4000-8000-' || lpad((1 + g % 40)::text, 12, '0'))::uuid, gen_random_uuid()::text, 'suggestion', 'bench', current_date - (g % 365), true,
           d.id, null, case when g % 3 = 0 then -0.5 else 0.2 end, 0.5
    from generate_series(1, ${n(0.1)}) g
    join lateral (select id from department order by id offset (g % 10) limit 1) d on true`.execute(app.db);
  await sql`analyze`.execute(app.db);
  console.log(`filled in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const { from } = quarterDays(quarterOf(today()));
  const blueprint = async () => {
    const response = await app.inject({ method: 'GET', url: `/api/journeys/${journey.id}/blueprint` });
    if (response.statusCode !== 200) throw new Error(response.body);
    return response;
  };
  const baseline = () => sql`select count(*) from handoff_rating where day >= ${from}`.execute(app.db);

  // Warm up both, then interleave so noise hits both sides alike.
  for (let i = 0; i < 3; i++) {
    await blueprint();
    await baseline();
  }
  const render: number[] = [];
  const trivial: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await blueprint();
    render.push(performance.now() - t);
    t = performance.now();
    await baseline();
    trivial.push(performance.now() - t);
  }
  const body = (await blueprint()).json() as { stages: unknown[]; hotspots: number; departments: unknown[] };
  console.log('| measure | median ms | p95 ms |');
  console.log('| --- | --- | --- |');
  console.log(
    `| blueprint render (route, ${body.stages.length} stages × ${body.departments.length} teams) | ${median(render).toFixed(1)} | ${p95(render).toFixed(1)} |`,
  );
  console.log(
    `| baseline: count(*) of the quarter's handoff ratings | ${median(trivial).toFixed(1)} | ${p95(trivial).toFixed(1)} |`,
  );
  console.log(`\nratio render / baseline: ${(median(render) / median(trivial)).toFixed(1)}×`);
  console.log(
    `target ≤ 300 ms: ${median(render) <= 300 ? 'met' : 'NOT met'} (hotspots on the demo journey: ${body.hotspots})`,
  );
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
