// Anonymous submission benchmark: POST /api/suggestions and POST /api/handoffs/ratings through HTTP on
// real Postgres — token verification + nullifier + insert in one transaction — each next to the same
// code without the token checks (same server process, same run). Target: with tokens ≥ 60% of the
// baseline, for both. A handoff rating spends a `handoff:<team>:<week>` token (budget 1), so its tokens
// come from many members × many teams.
//
//   npm run bench:submit            (REQUESTS, CONCURRENCY, ROUNDS override)
//
// The server runs in a child process (so the load generator never steals its event loop); tokens are
// minted there before any timing starts. Prints submissions/s and p50/p99 latency for each, and the ratio.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PublishedKey } from '../test/helpers/members.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 600); // per phase per round
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WARMUP = 60;
const BASELINE_PATH = '/bench/suggestions-without-token';
const RATING_BASELINE_PATH = '/bench/handoff-ratings-without-token';
const TEAMS = 40;

interface Ready {
  port: number;
  departmentId: string;
  tokens: string[];
  /** One token per (member, team) this week, with the team it rates. */
  ratings: { departmentId: string; token: string }[];
}

// ---------------------------------------------------------------- server (child process)

async function serve(): Promise<void> {
  const { buildApp } = await import('../server/app.ts');
  const { loadConfig } = await import('../server/config.ts');
  const { createDepartment } = await import('../server/shared/departments.ts');
  const { NewSuggestionBody, Created } = await import('../common/api/suggestions.ts');
  const { submitSuggestion } = await import('../server/suggestions/submit.ts');
  const { submitRating } = await import('../server/handoffs/submit.ts');
  const { RatingBody, Rated } = await import('../common/api/handoffs.ts');
  const { ensureHandoffKeys } = await import('../server/handoffs/keys.ts');
  const { scopeOf } = await import('../server/handoffs/weeks.ts');
  const members = await import('../test/helpers/members.ts');
  const { AuthorizationHeader, genericBatched, publicVerif } = await import('@cloudflare/privacypass-ts');
  const { databaseUrl, postgresReachable, withAdminClient } = await import('../test/helpers/postgres.ts');
  if (!(await postgresReachable()))
    throw new Error(
      'This benchmark needs Postgres (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432).',
    );

  const name = `greenroom_bench_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const config = loadConfig({
    DATABASE_URL: databaseUrl(name),
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    MAX_EVENT_LOOP_DELAY_MS: '0',
  });
  const app = await buildApp(config);
  // The baseline: the very same submit code, minus the private-token preHandler and the spend.
  app.post(
    BASELINE_PATH,
    { schema: { body: NewSuggestionBody, response: { 201: Created } } },
    async (request, reply) =>
      reply.code(201).send(await submitSuggestion(app, request.body as never, async () => {})),
  );
  app.post(
    RATING_BASELINE_PATH,
    { schema: { body: RatingBody, response: { 201: Rated } } },
    async (request, reply) =>
      reply.code(201).send(await submitRating(app, request.body as never, async () => {})),
  );
  await app.ready();
  const departmentId = (await createDepartment(app.db, { name: 'IT', kind: 'backstage' }))!;
  const teams = [departmentId];
  for (let i = 1; i < TEAMS; i++)
    teams.push((await createDepartment(app.db, { name: `Backstage team ${i}`, kind: 'backstage' }))!);
  await ensureHandoffKeys(app, { departmentIds: teams });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;

  // Mint every token before timing starts (issuance is not what this benchmark measures), over HTTP:
  // a token is bound to the host the browser talks to, so it must be issued through the same address.
  const needed = WARMUP + REQUESTS * ROUNDS;
  const key = (
    (await (await fetch(`${base}/api/tokens/keys?scope=general`)).json()) as { keys: PublishedKey[] }
  ).keys[0]!;
  const tokens: string[] = [];
  while (tokens.length < needed) {
    const [code] = await members.createCodes(app, 1);
    const credential = await members.enrolWith(app, code!);
    const size = Math.min(key.budget, 30, needed - tokens.length);
    const { clients, requests } = await members.blindTokens(key, size);
    const response = await fetch(`${base}/api/tokens/issue`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${credential}`,
        'content-type':
          size > 1 ? 'application/private-token-generic-batch-request' : 'application/private-token-request',
      },
      body: Buffer.from(
        size > 1
          ? new genericBatched.BatchedTokenRequest(
              requests.map((r) => new genericBatched.TokenRequest(r)),
            ).serialize()
          : requests[0]!.serialize(),
      ),
    });
    if (response.status !== 200) throw new Error(`issue failed: ${response.status} ${await response.text()}`);
    const signatures = members.blindSignatures(Buffer.from(await response.arrayBuffer()), size > 1);
    for (const [index, client] of clients.entries()) {
      const token = await client.finalize(new publicVerif.TokenResponse(signatures[index]!));
      tokens.push(new AuthorizationHeader(token).toString(true));
    }
  }
  // Rating tokens: each member gets one per team for this week (budget 1), as the wallet's refill does.
  const ratingKeys = new Map<string, PublishedKey>();
  for (const team of teams) {
    const url = `${base}/api/tokens/keys?scope=${encodeURIComponent(scopeOf(team))}`;
    ratingKeys.set(team, ((await (await fetch(url)).json()) as { keys: PublishedKey[] }).keys[0]!);
  }
  const ratings: Ready['ratings'] = [];
  while (ratings.length < needed) {
    const [code] = await members.createCodes(app, 1);
    const credential = await members.enrolWith(app, code!);
    for (const team of teams) {
      if (ratings.length >= needed) break;
      const { clients, requests } = await members.blindTokens(ratingKeys.get(team)!, 1);
      const response = await fetch(`${base}/api/tokens/issue`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${credential}`,
          'content-type': 'application/private-token-request',
        },
        body: Buffer.from(requests[0]!.serialize()),
      });
      if (response.status !== 200)
        throw new Error(`issue failed: ${response.status} ${await response.text()}`);
      const [signature] = members.blindSignatures(Buffer.from(await response.arrayBuffer()), false);
      const token = await clients[0]!.finalize(new publicVerif.TokenResponse(signature!));
      ratings.push({ departmentId: team, token: new AuthorizationHeader(token).toString(true) });
    }
  }
  process.send!({ port, departmentId, tokens, ratings } satisfies Ready);
  process.on('disconnect', () => process.exit(1));
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    await app.close();
    await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    process.exit(0);
  });
}

// ---------------------------------------------------------------- load generator

const TOPICS = [
  'The loan origination system froze during an application and the draft was lost',
  'VPN drops whenever a video call starts, working from home is hard in the afternoon',
  'Expense claims take six weeks to be reimbursed and juniors pay for travel themselves',
  'Underwriting sends files back three times for one missing document',
  'Parking is full by quarter past eight and early shifts get no space',
];
const textFor = (i: number) => `${TOPICS[i % TOPICS.length]} (case ${i}, ${randomBytes(6).toString('hex')}).`;

interface Phase {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function run(
  label: string,
  base: string,
  count: number,
  request: (i: number) => { path: string; headers: Record<string, string>; body: unknown },
): Promise<Phase> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      const { path, headers, body } = request(i);
      const t0 = performance.now();
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status !== 201) throw new Error(`${label}: ${response.status}`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label,
    perSecond: count / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

type Request = (i: number) => { path: string; headers: Record<string, string>; body: unknown };

/** Rounds of paired runs (order alternating), printed with the median of per-round ratios. */
async function compare(title: string, base: string, withToken: Request, withoutToken: Request) {
  await run('warm-up', base, WARMUP, withToken);
  await run('warm-up', base, WARMUP, withoutToken);
  const results: { baseline: Phase; tokens: Phase }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so drift on a noisy machine does not favour one side.
    const first = round % 2 === 0 ? 'baseline' : 'tokens';
    const a = await run(first, base, REQUESTS, first === 'baseline' ? withoutToken : withToken);
    const b = await run(
      first === 'baseline' ? 'tokens' : 'baseline',
      base,
      REQUESTS,
      first === 'baseline' ? withToken : withoutToken,
    );
    results.push(first === 'baseline' ? { baseline: a, tokens: b } : { baseline: b, tokens: a });
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const summary = (pick: (r: { baseline: Phase; tokens: Phase }) => Phase) => ({
    perSecond: median(results.map((r) => pick(r).perSecond)),
    p50: median(results.map((r) => pick(r).p50)),
    p99: median(results.map((r) => pick(r).p99)),
  });
  const baseline = summary((r) => r.baseline);
  const withTokens = summary((r) => r.tokens);
  // Each round pairs the two runs back to back, so the median of per-round ratios resists drift best.
  const ratio = median(results.map((r) => r.tokens.perSecond / r.baseline.perSecond));
  const line = (label: string, s: typeof baseline) =>
    `${label.padEnd(34)} ${s.perSecond.toFixed(0).padStart(6)} /s   p50 ${s.p50.toFixed(1).padStart(6)} ms   p99 ${s.p99.toFixed(1).padStart(6)} ms`;
  console.log(
    `\n${title} on Postgres — ${ROUNDS} rounds × ${REQUESTS} requests, ${CONCURRENCY} in flight (medians)`,
  );
  for (const [index, r] of results.entries()) {
    const pair = `baseline ${r.baseline.perSecond.toFixed(0)}/s, with tokens ${r.tokens.perSecond.toFixed(0)}/s`;
    console.log(
      `  round ${index + 1}: ${pair} (${((r.tokens.perSecond / r.baseline.perSecond) * 100).toFixed(0)}%)`,
    );
  }
  console.log(line('insert without token checks', baseline));
  console.log(line('token verify + nullifier + insert', withTokens));
  console.log(
    `ratio (median of rounds): ${(ratio * 100).toFixed(0)}% of baseline (target ≥ 60%) — ${ratio >= 0.6 ? 'PASS' : 'FAIL'}`,
  );
  return ratio;
}

async function main() {
  const child = fork(import.meta.filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
  });
  process.on('exit', () => child.kill());
  const base = `http://127.0.0.1:${ready.port}`;

  const tokens = [...ready.tokens];
  const body = (i: number) => ({ text: textFor(i), concernsDepartmentId: ready.departmentId });
  const suggestions = await compare(
    'POST /api/suggestions',
    base,
    (i) => ({ path: '/api/suggestions', headers: { authorization: tokens.pop()! }, body: body(i) }),
    (i) => ({ path: BASELINE_PATH, headers: {}, body: body(i) }),
  );

  const ratings = [...ready.ratings];
  const rating = (i: number, departmentId: string) => ({
    departmentId,
    effort: 1 + (i % 7),
    outcome: 1 + (i % 5),
    ...(i % 3 === 0 ? { comment: `${TOPICS[i % TOPICS.length]} (handoff ${i}).` } : {}),
  });
  const handoffs = await compare(
    'POST /api/handoffs/ratings',
    base,
    (i) => {
      const { departmentId, token } = ratings.pop()!;
      return {
        path: '/api/handoffs/ratings',
        headers: { authorization: token },
        body: rating(i, departmentId),
      };
    },
    (i) => ({ path: RATING_BASELINE_PATH, headers: {}, body: rating(i, ready.departmentId) }),
  );
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  process.exitCode = suggestions >= 0.6 && handoffs >= 0.6 ? 0 : 1;
}

if (process.argv.includes('--serve')) await serve();
else await main();
