import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ErrorFrame, MessageEvent, ServerFrame } from '../../common/focus-groups/protocol.ts';
import { createTestApp, type TestApp } from '../helpers/build.ts';
import { enrolMember } from '../helpers/members.ts';
import {
  Client,
  listen,
  moderator,
  scheduleRoom,
  sockets,
  socketUrl,
  takeSeatIn,
} from '../focus-groups/helpers.ts';
import { createCluster, type Cluster } from './cluster.ts';

// Postgres is SIGKILLed in the middle of a stream of anonymous submissions (and, in the second test,
// of focus-group messages over real sockets), then restarted. Pass: every acknowledged write is there
// afterwards; every other request got a clear refusal; the server recovers without a restart; a
// refused request's token was not burned.
let cluster: Cluster;
let portal: TestApp & { close(): Promise<void> };
const open = sockets();
beforeAll(async () => {
  cluster = await createCluster();
  portal = await createTestApp({ DATABASE_URL: cluster.url });
});
afterAll(async () => {
  await open.closeAll();
  await portal?.close();
  cluster?.destroy();
});

const healthy = async () => {
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await portal.app.inject({ method: 'GET', url: '/api/health' })).statusCode === 200) return true;
  }
  return false;
};

interface Outcome {
  authorization: string;
  status: number;
  error?: string;
  id?: string;
}

test('database killed mid-load: nothing acknowledged is lost, the rest is a clean 503, tokens survive', async () => {
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
  expect(await healthy()).toBe(true);
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

type Phase = 'up' | 'down' | 'back';
interface Said {
  speaker: string;
  clientId: string;
  phase: Phase;
  /** The sender's own `message` frame (stored, with its seq), an `error` frame, or nothing at all. */
  outcome: { seq: number } | { error: string } | 'silence';
}

const seqOf = ({ outcome }: Said) => (typeof outcome === 'object' && 'seq' in outcome ? outcome.seq : null);
const refusalOf = ({ outcome }: Said) =>
  typeof outcome === 'object' && 'error' in outcome ? outcome.error : null;

const answers = (clientId: string) => (frame: ServerFrame) =>
  (frame.type === 'message' || frame.type === 'error') && frame.clientId === clientId;

/** Every message event a socket received (backlog included), once each, in seq order. */
const transcriptOf = (client: Client) =>
  client.frames
    .flatMap((frame) => (frame.type === 'welcome' ? frame.backlog : [frame]))
    .flatMap((frame) =>
      frame.type === 'message'
        ? [{ id: frame.id, seq: frame.seq, author: frame.author, text: frame.text }]
        : [],
    );

test('database killed under a live focus group: acknowledged messages stay, once and in order; the rest get an error frame; the room carries on', async () => {
  const { app } = portal;
  // This test is about the database, not flooding: the per-seat limits stay out of the way.
  app.focusGroups.configure({ saysPerWindow: 10_000, framesPerWindow: 10_000, strikesPerWindow: 10_000 });
  const mod = await moderator(app);
  const { id: roomId } = await scheduleRoom(app, mod, { moderation: 'post' });
  const url = socketUrl(await listen(app), roomId);
  const seats = [await takeSeatIn(app, roomId), await takeSeatIn(app, roomId), await takeSeatIn(app, roomId)];
  const speakers = [
    { name: 'moderator', client: open.track(await Client.join(url, { cookie: mod.cookie }))[0] },
    ...(await Promise.all(
      seats.map(async (seat) => ({
        name: seat.pseudonym,
        client: open.track(await Client.join(url, seat))[0],
      })),
    )),
  ];
  type Speaker = (typeof speakers)[number];
  // Let in before the crash, but says hello only while the database is down.
  const late = open.track(await Client.open(url));

  let phase: Phase = 'up';
  let acknowledgedBeforeKill = 0;
  const said: Said[] = [];
  const say = async (speaker: Speaker) => {
    const message: Said = { speaker: speaker.name, clientId: `c${said.length}`, phase, outcome: 'silence' };
    said.push(message);
    speaker.client.send({
      type: 'say',
      text: `${speaker.name} says ${message.clientId}`,
      clientId: message.clientId,
    });
    const answer = await speaker.client
      .seen<MessageEvent | ErrorFrame>(answers(message.clientId), message.clientId)
      .catch(() => null);
    if (answer) message.outcome = answer.type === 'message' ? { seq: answer.seq } : { error: answer.error };
    // Mid-stream: the other speakers each have a message on its way when the database dies.
    if (phase === 'up' && answer?.type === 'message' && ++acknowledgedBeforeKill === 24) {
      cluster.kill();
      phase = 'down';
    }
  };
  const everyone = (times: number) =>
    Promise.all(
      speakers.map(async (speaker) => {
        for (let i = 0; i < times; i++) await say(speaker);
      }),
    );

  await Promise.all(
    speakers.map(async (speaker) => {
      while (phase === 'up') await say(speaker);
    }),
  );
  await everyone(3);
  late.send({ type: 'hello', lastSeq: 0, seat: seats[0]!.seat });
  let wait: NodeJS.Timeout | undefined;
  const lateClose = await Promise.race([
    late.closed,
    new Promise<'still open'>((resolve) => (wait = setTimeout(() => resolve('still open'), 10_000))),
  ]);
  clearTimeout(wait);
  cluster.start();
  expect(await healthy()).toBe(true);
  phase = 'back';
  await everyone(4);

  // Nothing vanished without a word, and every refusal says why.
  expect(said.filter((message) => message.outcome === 'silence')).toEqual([]);
  const refusals = said.flatMap((message) => refusalOf(message) ?? []);
  expect(new Set(refusals)).toEqual(new Set(['unavailable']));
  expect(said.filter((message) => message.phase === 'down').map((message) => message.outcome)).toEqual(
    Array(3 * speakers.length).fill({ error: 'unavailable' }),
  );
  expect(said.filter((message) => message.phase === 'back' && seqOf(message) === null)).toEqual([]);
  // A hello the server could not answer closes with a resumable code, so the client comes back by itself.
  expect(lateClose).toMatchObject({ code: 1013 });

  const rows = await app.db
    .selectFrom('focus_group_message')
    .select(['id', 'seq', 'author', 'text', 'client_id as clientId'])
    .where('focus_group_id', '=', roomId)
    .orderBy('seq')
    .execute();
  for (const message of said) {
    const stored = rows.filter((row) => row.clientId === message.clientId).map((row) => row.seq);
    const seq = seqOf(message);
    if (seq !== null) expect(stored, `acknowledged ${message.clientId}`).toEqual([seq]);
    else if (message.phase === 'down') expect(stored, `refused ${message.clientId}`).toEqual([]);
    // Refused at the moment of the kill: the commit may have landed before the answer was lost.
    else expect(stored.length, `in flight ${message.clientId}`).toBeLessThanOrEqual(1);
  }
  // Each speaker waited for one answer before the next message: its acknowledged seqs rise in send order.
  for (const { name } of speakers) {
    const seqs = said.flatMap((message) => (message.speaker === name ? (seqOf(message) ?? []) : []));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  }

  // Every socket that stayed open saw every event exactly once, in order, and the same messages as the
  // database; a moderator joining now gets the same from the backlog.
  const { last_seq: lastSeq } = await app.db
    .selectFrom('focus_group')
    .select('last_seq')
    .where('id', '=', roomId)
    .executeTakeFirstOrThrow();
  const everySeq = Array.from({ length: lastSeq }, (_, i) => i + 1);
  const database = rows.map(({ id, seq, author, text }) => ({ id, seq, author, text }));
  const [fresh] = open.track(await Client.join(url, { cookie: mod.cookie }));
  for (const client of [...speakers.map((speaker) => speaker.client), fresh]) {
    await client.seen((frame) =>
      frame.type === 'welcome' ? frame.seq >= lastSeq : 'seq' in frame && frame.seq === lastSeq,
    );
    expect(client.seqs()).toEqual(everySeq);
    expect(transcriptOf(client)).toEqual(database);
  }
});
