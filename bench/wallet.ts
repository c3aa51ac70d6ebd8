// Wallet benchmark (issue 13), in Debian's Chromium against the real server:
// 1. A full refill at enrolment — this epoch's and next epoch's `general` budget plus one token for an
//    open pulse and an open focus group — timed from the click on "Enrol" to the last token stored.
//    Baseline in the same run: the same tokens obtained by Node with the same library (privacypass-ts)
//    through the same HTTP routes. Target: ≤ 2 s in Chromium.
// 2. Queued writes: suggestions queued in the outbox; each one's arrival at the server is compared with
//    the moment the page promised (the entry's sendAt).
//
//   npm run bench:wallet     (RUNS, WRITES override)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createCodes, enrolWith, obtainTokensForKey, type PublishedKey } from '../test/helpers/members.ts';
import { CHROMIUM, FLAGS } from '../test/e2e/harness.ts';
import { given } from '../test/helpers/given.ts';
import { databaseUrl, postgresReachable, withAdminClient } from '../test/helpers/postgres.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const WRITES = Number(process.env.WRITES ?? 12);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const onPostgres = await postgresReachable();
const name = `greenroom_bench_${randomBytes(5).toString('hex')}`;
if (onPostgres) await withAdminClient((client) => client.query(`create database ${name}`));
const app = await buildApp(
  loadConfig({
    ...(onPostgres ? { DATABASE_URL: databaseUrl(name) } : {}),
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    // Compressed so the run is short; the comparison (arrival vs promise) does not depend on the scale.
    WALLET_HOLD_SECONDS: '2-8',
    WALLET_QUIET_SECONDS: '2-8',
    WALLET_JITTER_SECONDS: '0.5-3',
  }),
);
const arrivals = new Map<string, number>();
app.addHook('onRequest', async (request) => {
  if (request.method === 'POST' && request.url === '/api/suggestions') arrivals.set(request.id, Date.now());
});
const bodies = new Map<string, number>();
app.addHook('preHandler', async (request) => {
  const receipt = (request.body as { receipt?: string } | undefined)?.receipt;
  if (request.url === '/api/suggestions' && receipt) bodies.set(receipt, arrivals.get(request.id)!);
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const url = `http://127.0.0.1:${port}`;

const admin = await given(app).staff('admin');
const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
await app.inject({
  method: 'POST',
  url: '/api/mod/pulses',
  headers: admin.headers,
  payload: { question: 'How supported do you feel?', scale: '0-10', opensOn: today, closesOn: inAWeek },
});
await app.inject({
  method: 'POST',
  url: '/api/mod/focus-groups',
  headers: admin.headers,
  payload: {
    title: 'Handoffs with Underwriting',
    prompts: ['What slows a case down?'],
    startsAt: new Date(Date.now() + 3600_000).toISOString(),
    endsAt: new Date(Date.now() + 7200_000).toISOString(),
    capacity: 12,
    moderation: 'pre',
  },
});
const keys = (await app.inject({ url: '/api/tokens/keys' })).json().keys as (PublishedKey & {
  budget: number;
})[];
const expected = keys.reduce((sum, key) => sum + key.budget, 0);

// Baseline: Node with privacypass-ts, one batch per key, same routes.
const nodeTimes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const [code] = await createCodes(app, 1);
  const started = performance.now();
  const credential = await enrolWith(app, code!);
  for (const key of keys) await obtainTokensForKey(app, credential, key, key.budget);
  nodeTimes.push(performance.now() - started);
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
const refillTimes: number[] = [];
const lateness: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const [code] = await createCodes(app, 1);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/#/enrol`);
    await page.getByLabel('Enrolment code').fill(code!);
    const started = performance.now();
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.waitForFunction(
      (want) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('greenroom-wallet');
          open.onsuccess = () => {
            const count = open.result.transaction('tokens').objectStore('tokens').count();
            count.onsuccess = () => resolve(count.result >= want);
            count.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
      expected,
      { polling: 20, timeout: 120_000 },
    );
    refillTimes.push(performance.now() - started);
    console.log(`run ${run + 1}: full refill in Chromium ${refillTimes.at(-1)!.toFixed(0)} ms`);

    // Queued writes: the promise is the entry's sendAt; arrival is when the server saw the request.
    if (run < Math.ceil(WRITES / 3)) {
      for (let i = 0; i < 3; i++) {
        await page.goto(`${url}/#/`); // a fresh form, not the last receipt
        await page.goto(`${url}/#/suggest`);
        await page
          .getByLabel('Your suggestion')
          .fill(`Benchmark suggestion number ${run}-${i}, about printers.`);
        await page.getByRole('button', { name: 'Send anonymously' }).click();
        await page.getByTestId('receipt').waitFor();
      }
      const promised = await page.evaluate(
        () =>
          new Promise<{ receipt: string; sendAt: number }[]>((resolve) => {
            const open = indexedDB.open('greenroom-wallet');
            open.onsuccess = () => {
              const all = open.result.transaction('outbox').objectStore('outbox').getAll();
              all.onsuccess = () =>
                resolve(all.result.map((e) => ({ receipt: e.receipt, sendAt: e.sendAt })));
            };
          }),
      );
      const deadline = Date.now() + 60_000;
      while (promised.some((entry) => !bodies.has(entry.receipt)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of promised) lateness.push((bodies.get(entry.receipt) ?? Number.NaN) - entry.sendAt);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  if (onPostgres)
    await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
}

const browserMedian = median(refillTimes);
const nodeMedian = median(nodeTimes);
console.log(`database: ${onPostgres ? 'postgres' : 'pglite'}; tokens per full refill: ${expected}`);
console.log(
  `full refill in Chromium (enrol click → last token stored), median of ${RUNS}: ${browserMedian.toFixed(0)} ms`,
);
console.log(
  `same tokens from Node (privacypass-ts, same routes), median of ${RUNS}: ${nodeMedian.toFixed(0)} ms`,
);
console.log(
  `ratio browser / node: ${(browserMedian / nodeMedian).toFixed(2)}×; target ≤ 2000 ms: ${browserMedian <= 2000 ? 'met' : 'MISSED'}`,
);
const late = lateness.filter(Number.isFinite);
console.log(
  `queued writes: ${late.length}/${lateness.length} arrived; arrival − promised moment: median ${median(late).toFixed(0)} ms, ` +
    `max ${Math.max(...late).toFixed(0)} ms (negative would mean earlier than promised)`,
);
