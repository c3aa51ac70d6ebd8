import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { CloseCode, type MessageEvent } from '../../common/focus-groups/protocol.ts';
import { build } from '../helpers/build.ts';
import { Client, listen, moderator, scheduleRoom, sockets, socketUrl, takeSeatIn } from './helpers.ts';

// Two server processes' worth of apps on one Postgres database: node A (the test app) and node B,
// built from the same DATABASE_URL and master secret. One embedded PGlite cannot be shared between
// processes, so this file runs in the postgres project only (*.postgres.test.ts, see vitest.config.ts).
const secret = randomBytes(32).toString('hex');
const t = build({ GREENROOM_SECRET: secret });
const open = sockets();
let nodeB: FastifyInstance | null = null;
let baseA = '';
let baseB = '';

beforeAll(async () => {
  baseA = await listen(t.app);
  nodeB = await buildApp(
    loadConfig({
      DATABASE_URL: t.config.databaseUrl!,
      DATA_DIR: 'memory://',
      GREENROOM_SECRET: secret,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
    }),
  );
  baseB = await listen(nodeB);
});
afterEach(() => open.closeAll());
afterAll(async () => {
  await nodeB?.close();
});

const isMessage = (text: string) => (frame: { type: string }) =>
  frame.type === 'message' && (frame as MessageEvent).text === text;

test('a moderator on node B and participants on node A share one room, in order, nothing lost', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation: 'pre' });
  const [amber, birch] = [await takeSeatIn(t.app, id), await takeSeatIn(t.app, id)];
  const [modSocket, modWelcome] = open.track(await Client.join(socketUrl(baseB, id), { cookie: mod.cookie }));
  expect(modWelcome.backlog.map((e) => e.type)).toEqual(['seated', 'seated']);
  const [a] = open.track(await Client.join(socketUrl(baseA, id), amber));
  const [b] = open.track(await Client.join(socketUrl(baseA, id), birch));

  a.send({ type: 'say', text: 'Underwriting never sees our notes.', clientId: 'n1' });
  const pending = await modSocket.next<MessageEvent>(isMessage('Underwriting never sees our notes.'));
  expect(pending).toMatchObject({ status: 'pending', author: amber.pseudonym });

  modSocket.send({ type: 'approve', id: pending.id });
  const approved = await b.next<MessageEvent>(isMessage('Underwriting never sees our notes.'));
  expect(approved).toMatchObject({ status: 'visible', id: pending.id });
  expect(b.frames.filter((f) => f.type === 'message')).toHaveLength(1);

  // A burst from both sides arrives everywhere in the same seq order, once each.
  for (let i = 0; i < 4; i++) modSocket.send({ type: 'prompt', text: `prompt ${i}` });
  for (let i = 0; i < 4; i++) a.send({ type: 'say', text: `say ${i}` });
  for (let i = 0; i < 4; i++) {
    await modSocket.seen((f) => f.type === 'prompt' && f.text === `prompt ${i}`, `prompt ${i} on B`);
    await modSocket.seen(isMessage(`say ${i}`), `say ${i} on B`);
    await a.seen((f) => f.type === 'prompt' && f.text === `prompt ${i}`, `prompt ${i} on A`);
    await a.seen(isMessage(`say ${i}`), `say ${i} on A`);
  }
  const seqsB = modSocket.seqs();
  const seqsA = a.seqs();
  expect(new Set(seqsB).size).toBe(seqsB.length);
  expect([...seqsB].sort((x, y) => x - y)).toEqual(seqsB);
  expect(new Set(seqsA).size).toBe(seqsA.length);
  expect([...seqsA].sort((x, y) => x - y)).toEqual(seqsA);

  // A mute issued on B is enforced on A.
  modSocket.send({ type: 'mute', pseudonym: birch.pseudonym });
  await b.next((f) => f.type === 'muted');
  b.send({ type: 'say', text: 'muted?' });
  expect(await b.next((f) => f.type === 'error')).toMatchObject({ error: 'muted' });
});

test('the same seat connecting on the other node replaces the first socket (4007)', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation: 'post' });
  const seat = await takeSeatIn(t.app, id);
  const [onA] = open.track(await Client.join(socketUrl(baseA, id), seat));
  const [onB] = open.track(await Client.join(socketUrl(baseB, id), seat));
  expect((await onA.closed).code).toBe(CloseCode.replaced);
  onB.send({ type: 'say', text: 'I moved to node B' });
  await onB.next(isMessage('I moved to node B'));
});

test('a reconnect to the other node resumes from the database with exactly what was missed', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation: 'post' });
  const [amber, birch] = [await takeSeatIn(t.app, id), await takeSeatIn(t.app, id)];
  const [a] = open.track(await Client.join(socketUrl(baseA, id), amber));
  const [b] = open.track(await Client.join(socketUrl(baseA, id), birch));
  a.send({ type: 'say', text: 'one' });
  await b.next(isMessage('one'));
  const lastSeq = Math.max(...b.seqs());
  b.ws.terminate();
  await b.closed;
  a.send({ type: 'say', text: 'two' });
  await a.next(isMessage('two'));
  const [, welcome] = open.track(await Client.join(socketUrl(baseB, id), birch, lastSeq));
  expect(welcome.backlog.map((e) => (e.type === 'message' ? e.text : e.type))).toEqual(['two']);
});

test('a node whose LISTEN connection dies reconnects and catches up from the database', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation: 'post' });
  const seat = await takeSeatIn(t.app, id);
  const [onB] = open.track(await Client.join(socketUrl(baseB, id), { cookie: mod.cookie }));
  const [onA] = open.track(await Client.join(socketUrl(baseA, id), seat));
  // Cut every LISTEN connection on this database (both nodes' buses), as a failover or a proxy would.
  const killed = await t.app.db.executeQuery<{ pid: number }>(
    sql`select pg_terminate_backend(pid) as pid from pg_stat_activity
        where datname = current_database() and query ilike 'listen%'`.compile(t.app.db),
  );
  expect(killed.rows.length).toBeGreaterThanOrEqual(2);
  onA.send({ type: 'say', text: 'said while the bus was down' });
  await onA.next(isMessage('said while the bus was down'));
  // No sleep: node B hears nothing until its bus is back, then re-reads the room.
  await onB.seen(isMessage('said while the bus was down'), 'the message on node B after the bus reconnected');
});
