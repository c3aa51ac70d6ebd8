import { afterAll, expect, test } from 'vitest';
import { createTestApp } from '../helpers/build.ts';
import { enrolMember } from '../helpers/members.ts';
import { createCluster, type Cluster } from './cluster.ts';

// Postgres is SIGKILLed in the middle of a stream of anonymous submissions, then restarted.
// Pass: every acknowledged (201) submission is there afterwards; every other request got a clear
// 503; the server recovers without a restart; a refused request's token was not burned.
let cluster: Cluster | undefined;
let close = async () => {};
afterAll(async () => {
  await close();
  cluster?.destroy();
});

interface Outcome {
  authorization: string;
  status: number;
  error?: string;
  id?: string;
}

test('database killed mid-load: nothing acknowledged is lost, the rest is a clean 503, tokens survive', async () => {
  cluster = await createCluster();
  const portal = await createTestApp({ DATABASE_URL: cluster.url });
  close = portal.close;
  const { app } = portal;
  const member = await enrolMember(app);
  const tokens = await member.tokens('general', 30);

  const submit = async (authorization: string, n: number): Promise<Outcome> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers: { authorization },
      payload: { text: `Fault test suggestion number ${n}: the printer on floor 3 jams every morning.` },
    });
    const body = response.json();
    return { authorization, status: response.statusCode, error: body.error, id: body.id };
  };

  const outcomes: Outcome[] = [];
  // Phase 1: the database is up.
  for (let i = 0; i < 10; i++) outcomes.push(await submit(tokens[i]!, i));
  // Phase 2: kill it while five submissions are in flight, then keep submitting while it is down.
  const inFlight = Array.from({ length: 5 }, (_, j) => submit(tokens[10 + j]!, 10 + j));
  cluster.kill();
  outcomes.push(...(await Promise.all(inFlight)));
  for (let i = 15; i < 20; i++) outcomes.push(await submit(tokens[i]!, i));
  // Phase 3: it comes back; the same server process carries on.
  cluster.start();
  let healthy = false;
  for (let attempt = 0; attempt < 50 && !healthy; attempt++) {
    healthy = (await app.inject({ method: 'GET', url: '/api/health' })).statusCode === 200;
  }
  expect(healthy).toBe(true);
  for (let i = 20; i < 30; i++) outcomes.push(await submit(tokens[i]!, i));

  const acknowledged = outcomes.filter((outcome) => outcome.status === 201);
  const refused = outcomes.filter((outcome) => outcome.status !== 201);
  expect(refused.length).toBeGreaterThan(0); // the kill really hit the load
  for (const outcome of refused)
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 503, error: 'unavailable' });

  const stored = new Set((await app.db.selectFrom('suggestion').select('id').execute()).map((row) => row.id));
  for (const outcome of acknowledged)
    expect(stored.has(outcome.id!), `acknowledged ${outcome.id} is lost`).toBe(true);

  // A refused request burned nothing: its token still works — except when the commit reached the
  // database but the answer was lost with the connection (at most the requests in flight at the kill).
  let ambiguous = 0;
  for (const outcome of refused) {
    const retry = await submit(outcome.authorization, 99);
    if (retry.status === 401 && retry.error === 'token_spent') ambiguous++;
    else expect(retry.status, JSON.stringify(retry)).toBe(201);
  }
  expect(ambiguous).toBeLessThanOrEqual(5);
  const rows = await app.db.selectFrom('suggestion').select('id').execute();
  expect(rows.length).toBe(acknowledged.length + refused.length);
});
