import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SESSION_PURGE_JOB } from '../../server/staff/routes.ts';
import { themesJob } from '../../server/themes/job.ts';
import { THEMES_ALL_JOB } from '../../server/themes/service.ts';
import { eventually } from '../focus-groups/helpers.ts';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';
import { secondNode } from '../helpers/nodes.ts';

// Node A (the test app) and node B on one Postgres database: each background job has one writer at a
// time, and a node that dies holding a job loses it once its lease expires.
const secret = randomBytes(32).toString('hex');
const t = build({ GREENROOM_SECRET: secret, JOB_LEASE_MS: '1000' });
let nodeB: FastifyInstance;
beforeAll(async () => {
  nodeB = await secondNode(t.config.databaseUrl!, secret, { JOB_LEASE_MS: '1000' });
});
afterAll(() => nodeB?.close());

/** A job both nodes define, counting its runs and how many ran at once (one process holds both nodes). */
function probe(name: string, everyMs = 60 * 60 * 1000) {
  const seen = { runs: 0, active: 0, mostAtOnce: 0, by: [] as string[] };
  for (const node of [t.app, nodeB])
    node.jobs.define({
      name,
      everyMs,
      run: async () => {
        seen.runs++;
        seen.by.push(node.jobs.nodeId);
        seen.mostAtOnce = Math.max(seen.mostAtOnce, ++seen.active);
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen.active--;
      },
    });
  return seen;
}

test('a due job runs once per slot, on one node, however many nodes tick', async () => {
  const seen = probe('probe-once');
  await Promise.all([t.app.jobs.tick(), nodeB.jobs.tick(), t.app.jobs.tick(), nodeB.jobs.tick()]);
  await Promise.all([t.app.jobs.tick(), nodeB.jobs.tick()]);
  expect(seen.runs).toBe(1);
  expect(seen.mostAtOnce).toBe(1);
});

test('requests from both nodes are served one run at a time, never two at once', async () => {
  const seen = probe('probe-requests');
  await t.app.jobs.tick();
  await Promise.all(
    Array.from({ length: 6 }, (_, i) => (i % 2 ? nodeB : t.app).jobs.request('probe-requests')),
  );
  expect(seen.runs).toBeGreaterThanOrEqual(2);
  expect(seen.mostAtOnce).toBe(1);
  // The last request was served: nothing is due any more.
  const runs = seen.runs;
  await Promise.all([t.app.jobs.tick(), nodeB.jobs.tick()]);
  expect(seen.runs).toBe(runs);
});

test('a leader that crashed mid-run loses the job when its lease expires; another node runs it', async () => {
  // What a node that died mid-run leaves behind: a lease it will never renew nor release.
  await sql`insert into job_lease (name, holder, started_at, expires_at)
    values ('probe-crash', 'crashed-node', now(), now() + interval '1 second')
    on conflict (name) do update set holder = excluded.holder, started_at = excluded.started_at,
      expires_at = excluded.expires_at, finished_at = null`.execute(t.app.db);
  const seen = probe('probe-crash');
  await Promise.all([t.app.jobs.tick(), nodeB.jobs.tick()]);
  expect(seen.runs).toBe(0);
  await eventually(async () => {
    await nodeB.jobs.tick();
    expect(seen.runs).toBe(1);
  }, 5000);
  expect(seen.by).toEqual([nodeB.jobs.nodeId]);
  const lease = await t.app.db
    .selectFrom('job_lease')
    .select(['holder', 'finished_at'])
    .where('name', '=', 'probe-crash')
    .executeTakeFirstOrThrow();
  expect(lease.holder).toBeNull();
  expect(lease.finished_at).not.toBeNull();
});

test('submissions on both nodes: the themes snapshot is written by one node per run, without collisions', async () => {
  const moderator = await given(t.app).staff('moderator');
  await Promise.all([themesJob(t.app).idle(), themesJob(nodeB).idle()]);
  const submit = async (node: FastifyInstance, text: string) => {
    const member = await enrolMember(node);
    const [token] = await member.tokens('general', 1);
    const response = await node.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers: { authorization: token },
      payload: { text },
    });
    expect(response.statusCode).toBe(201);
  };
  await Promise.all([
    submit(t.app, 'The printer on the third floor jams every single morning.'),
    submit(nodeB, 'The third floor printer is jammed again and nobody can print.'),
  ]);
  await eventually(async () => {
    await Promise.all([themesJob(t.app).idle(), themesJob(nodeB).idle()]);
    await Promise.all([t.app.jobs.tick(), nodeB.jobs.tick()]);
    const mod = await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: moderator.headers });
    expect(mod.json().itemCount).toBe(2);
  });
  expect(
    t.logs.filter((line) => line.msg === 'job failed' || line.msg === 'themes recompute failed'),
  ).toEqual([]);
  const lease = await t.app.db
    .selectFrom('job_lease')
    .select(['holder'])
    .where('name', '=', THEMES_ALL_JOB)
    .executeTakeFirstOrThrow();
  expect(lease.holder).toBeNull();
});

test('expired staff sessions are purged, by whichever node runs the job', async () => {
  const staff = await given(t.app).staff('moderator');
  await t.app.db
    .updateTable('staff_session')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('staff_id', '=', staff.id)
    .execute();
  await nodeB.jobs.runNow(SESSION_PURGE_JOB);
  const left = await t.app.db
    .selectFrom('staff_session')
    .select('id_hash')
    .where('staff_id', '=', staff.id)
    .execute();
  expect(left).toEqual([]);
});
