import { afterEach, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, type MessageEvent, type WelcomeFrame } from '../../common/focus-groups/protocol.ts';
import { DEFAULT_LIMITS } from '../../server/focus-groups/limits.ts';
import { build } from '../helpers/build.ts';
import {
  Client,
  eventually,
  listen,
  moderator,
  scheduleRoom,
  sockets,
  socketUrl,
  takeSeatIn,
} from './helpers.ts';

const t = build();
const open = sockets();
let base = '';
beforeAll(async () => {
  base = await listen(t.app);
});
afterEach(async () => {
  await open.closeAll();
  t.app.focusGroups.configure(DEFAULT_LIMITS);
  // Every test starts with no socket on the node (the slow-consumer test counts them).
  await eventually(async () => expect(t.app.focusGroups.stats().connections).toBe(0));
});

async function seated(moderation: 'pre' | 'post' = 'post', capacity = 12) {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation, capacity });
  const seat = await takeSeatIn(t.app, id);
  return { id, mod, seat, url: socketUrl(base, id) };
}

const messages = (id: string) =>
  t.app.db.selectFrom('focus_group_message').select(['text']).where('focus_group_id', '=', id).execute();

test('bad JSON, unknown types, invalid and too-long frames get error frames; the socket stays open', async () => {
  const { id, url, seat } = await seated();
  const [client] = open.track(await Client.join(url, seat));
  client.send('{not json');
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'invalid_json' });
  client.send({ type: 'dance' });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'unknown_type' });
  client.send({ type: 'say', text: 42 });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'invalid_frame' });
  client.send({ type: 'say', text: '   ' });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'empty' });
  client.send({ type: 'say', text: 'x'.repeat(1001), clientId: 'long' });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'too_long' });
  client.send({ type: 'hello', seat: seat.seat, lastSeq: 0 });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'already_joined' });
  client.send({ type: 'approve', id: '00000000-0000-4000-8000-000000000000' });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'forbidden' });
  client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'invalid_frame' });

  // Exactly 1000 characters (counted as people count them) is fine, and the socket is still open.
  const longest = '🙂'.repeat(1000);
  client.send({ type: 'say', text: longest });
  expect(await client.next<MessageEvent>((f) => f.type === 'message')).toMatchObject({ text: longest });
  expect(await messages(id)).toEqual([{ text: longest }]);
});

test('a frame over 4 KiB closes the socket with 1009 (message too big)', async () => {
  const { id, url, seat } = await seated();
  const [client] = open.track(await Client.join(url, seat));
  client.send({ type: 'say', text: 'y'.repeat(5000) });
  expect((await client.closed).code).toBe(CloseCode.tooBig);
  expect(await messages(id)).toEqual([]);
});

test('flooding: 5 messages per 10 s, then rate_limited errors, then close 4008', async () => {
  const { id, url, seat } = await seated();
  const [client] = open.track(await Client.join(url, seat));
  for (let i = 0; i < 12; i++) client.send({ type: 'say', text: `spam ${i}`, clientId: `s${i}` });
  expect((await client.closed).code).toBe(CloseCode.flooding);
  const errors = client.frames.filter((f) => f.type === 'error');
  expect(errors.map((e) => (e as { error: string }).error)).toEqual(Array(4).fill('rate_limited'));
  expect(errors[0]).toMatchObject({ clientId: 's5' });
  // The five within the limit were accepted before the close and are carried out.
  await eventually(async () =>
    expect((await messages(id)).map((m) => m.text).sort()).toEqual([
      'spam 0',
      'spam 1',
      'spam 2',
      'spam 3',
      'spam 4',
    ]),
  );

  // The limit belongs to the seat: reconnecting does not reset it, and flooding on is closed at once.
  const [again] = open.track(await Client.join(url, seat));
  again.send({ type: 'say', text: 'one more', clientId: 'again' });
  expect((await again.closed).code).toBe(CloseCode.flooding);
  expect(await messages(id)).toHaveLength(5);
});

test('closed sockets leave nothing behind on the node', async () => {
  const { url, seat, mod } = await seated();
  const before = t.app.focusGroups.stats();
  open.track(await Client.join(url, seat));
  open.track(await Client.join(url, { cookie: mod.cookie }));
  expect(t.app.focusGroups.stats().connections).toBe(before.connections + 2);
  await open.closeAll();
  await eventually(async () => expect(t.app.focusGroups.stats()).toEqual({ rooms: 0, connections: 0 }));
});

test('a torrent of any frames closes 4008', async () => {
  const { url, seat } = await seated();
  const [client] = open.track(await Client.join(url, seat));
  for (let i = 0; i < 60; i++) client.send('{');
  expect((await client.closed).code).toBe(CloseCode.flooding);
});

test('a wrong Origin is refused at the upgrade; an allowed one is accepted', async () => {
  const { url } = await seated();
  await expect(Client.open(url, { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
  const same = open.track(await Client.open(url, { origin: base.replace('ws:', 'http:') }));
  expect(same.ws.readyState).toBe(WebSocket.OPEN);
});

test('an unknown room is 404 at the upgrade', async () => {
  await expect(Client.open(socketUrl(base, '00000000-0000-4000-8000-000000000000'))).rejects.toThrow(
    'HTTP 404',
  );
  await expect(Client.open(socketUrl(base, 'not-a-uuid'))).rejects.toThrow('HTTP 400');
});

test('no seat, an unknown seat, a non-hello first frame or a staff hello without a session: close 4001', async () => {
  const { url } = await seated();
  const noSeat = open.track(await Client.open(url));
  noSeat.send({ type: 'hello', lastSeq: 0 });
  expect((await noSeat.closed).code).toBe(CloseCode.unauthenticated);

  const unknown = open.track(await Client.open(url));
  unknown.send({ type: 'hello', seat: 'a'.repeat(43), lastSeq: 0 });
  expect((await unknown.closed).code).toBe(CloseCode.unauthenticated);

  const rude = open.track(await Client.open(url));
  rude.send({ type: 'say', text: 'hi' });
  expect((await rude.closed).code).toBe(CloseCode.unauthenticated);

  const garbage = open.track(await Client.open(url));
  garbage.send('nonsense');
  expect((await garbage.closed).code).toBe(CloseCode.unauthenticated);
});

test('a seat from another room does not open this one', async () => {
  const first = await seated();
  const second = await seated();
  const client = open.track(await Client.open(second.url));
  client.send({ type: 'hello', seat: first.seat.seat, lastSeq: 0 });
  expect((await client.closed).code).toBe(CloseCode.unauthenticated);
});

test('an unsupported protocol version is closed 4002; a silent socket 4003', async () => {
  const { url, seat } = await seated();
  const future = open.track(await Client.open(url));
  future.send({ type: 'hello', v: 99, seat: seat.seat, lastSeq: 0 });
  expect((await future.closed).code).toBe(CloseCode.unsupportedVersion);

  t.app.focusGroups.configure({ helloTimeoutMs: 50 });
  const silent = open.track(await Client.open(url));
  expect((await silent.closed).code).toBe(CloseCode.helloTimeout);
});

test('a second socket with the same seat replaces the first (4007)', async () => {
  const { url, seat, mod } = await seated();
  const [first] = open.track(await Client.join(url, seat));
  const [second] = open.track(await Client.join(url, seat));
  expect((await first.closed).code).toBe(CloseCode.replaced);
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  modSocket.send({ type: 'prompt', text: 'Still there?' });
  await second.next((f) => f.type === 'prompt');
  expect(second.ws.readyState).toBe(WebSocket.OPEN);
});

test('heartbeat: a socket that never answers pings is terminated; one that does stays', async () => {
  const { url, seat, id, mod } = await seated();
  const other = await takeSeatIn(t.app, id);
  t.app.focusGroups.configure({ heartbeatMs: 60 });
  const deaf = open.track(await Client.open(url, { autoPong: false }));
  deaf.send({ type: 'hello', seat: seat.seat, lastSeq: 0 });
  expect((await deaf.closed).code).toBe(1006); // terminated: no close frame

  const [alive] = open.track(await Client.join(url, other));
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  let pings = 0;
  await new Promise<void>((resolve) => alive.ws.on('ping', () => ++pings === 4 && resolve()));
  expect(alive.ws.readyState).toBe(WebSocket.OPEN);
  expect(modSocket.ws.readyState).toBe(WebSocket.OPEN);
});

test('a slow consumer is closed 4009 once its send buffer passes the high-water mark, and resumes', async () => {
  const { id, url, seat, mod } = await seated();
  t.app.focusGroups.configure({ highWaterMark: 64 * 1024 });
  // A long room history: its replay alone is more than the kernel buffers hold for a reader that stalls.
  const filler = 'Ω'.repeat(1000);
  const count = 2000;
  await t.app.db.transaction().execute(async (trx) => {
    const { last_seq } = await trx
      .selectFrom('focus_group')
      .select('last_seq')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const rows = Array.from({ length: count }, (_, i) => ({
      focus_group_id: id,
      seq: last_seq + i + 1,
      kind: 'prompt' as const,
      minute: 1,
      message_id: null,
      detail: JSON.stringify({ text: filler }),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('focus_group_event')
        .values(rows.slice(i, i + 500))
        .execute();
    await trx
      .updateTable('focus_group')
      .set({ last_seq: last_seq + count })
      .where('id', '=', id)
      .execute();
  });

  const slow = open.track(await Client.open(url));
  slow.send({ type: 'hello', seat: seat.seat, lastSeq: 0 });
  (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause(); // stops reading
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  // Under heavy load (CI, 7 December 2026, the linkability attack's 40 browsers running beside the suite)
  // this test once waited out its 60 s here: one prompt did not drop the slow socket, and nothing else
  // would. Why is not known (its hello not yet in the room when the prompt went out would do it). So the
  // moderator prompts until the node drops the slow socket, and a socket never dropped fails in words.
  expect(t.app.focusGroups.stats().connections).toBe(2); // the slow socket and the moderator's
  const asked: string[] = [];
  for (let n = 1; t.app.focusGroups.stats().connections === 2; n++) {
    if (n > 30) throw new Error('30 prompts and the slow socket was never dropped');
    const text = `Anyone slow? (${n})`;
    asked.push(text);
    modSocket.send({ type: 'prompt', text });
    await modSocket.next((f) => f.type === 'prompt' && f.text === text);
  }
  (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  expect((await slow.closed).code).toBe(CloseCode.slowConsumer);
  const welcome = slow.frames.find((f) => f.type === 'welcome') as WelcomeFrame;
  expect(welcome.backlog.length).toBeGreaterThan(count);
  // It resumes from where its welcome left it: what came after is there, ending with the prompt it was
  // dropped at (the first after its welcome, unless the kernel still had room for one more).
  const [back, resumed] = open.track(await Client.join(url, seat, welcome.seq));
  const missed = resumed.backlog.map((e) => e.type === 'prompt' && e.text);
  expect(missed.at(-1)).toBe(asked.at(-1));
  expect(asked.slice(-missed.length)).toEqual(missed);
  expect(back.ws.readyState).toBe(WebSocket.OPEN);
});

test('capacity: seats stop at capacity (409 room_full)', async () => {
  const { id } = await seated('post', 3);
  await takeSeatIn(t.app, id);
  await takeSeatIn(t.app, id);
  await expect(takeSeatIn(t.app, id)).rejects.toThrow(/room_full|full/);
  const seats = await t.app.db
    .selectFrom('focus_group_seat')
    .select('id')
    .where('focus_group_id', '=', id)
    .execute();
  expect(seats).toHaveLength(3);
});

test('a closed room: sockets get `closed` then 4010, new hellos get the record then 4010, frames change nothing', async () => {
  const { id, url, seat, mod } = await seated();
  const [participant] = open.track(await Client.join(url, seat));
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  modSocket.send({ type: 'close' });
  await participant.next((f) => f.type === 'closed');
  expect((await participant.closed).code).toBe(CloseCode.roomClosed);
  expect((await modSocket.closed).code).toBe(CloseCode.roomClosed);

  // Hello and a say in the same breath: the record comes back, the say is not stored.
  const late = open.track(await Client.open(url));
  late.send({ type: 'hello', seat: seat.seat, lastSeq: 0 });
  late.send({ type: 'say', text: 'after the end' });
  const welcome = await late.next((f) => f.type === 'welcome');
  expect(welcome).toMatchObject({ room: { status: 'closed' } });
  expect((await late.closed).code).toBe(CloseCode.roomClosed);
  expect(await messages(id)).toEqual([]);

  const http = await t.app.inject({
    method: 'POST',
    url: `/api/mod/focus-groups/${id}/close`,
    headers: mod.headers,
  });
  expect(http.statusCode).toBe(409);
  expect(http.json().error).toBe('room_closed');
  await expect(takeSeatIn(t.app, id)).rejects.toThrow(/closed/);
});

test('before the start a participant can join and listen but not speak', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, {
    startsAt: new Date(Date.now() + 3600_000).toISOString(),
    endsAt: new Date(Date.now() + 7200_000).toISOString(),
  });
  const seat = await takeSeatIn(t.app, id);
  const [client, welcome] = open.track(await Client.join(socketUrl(base, id), seat));
  expect(welcome.room.status).toBe('upcoming');
  client.send({ type: 'say', text: 'early bird', clientId: 'e' });
  expect(await client.next((f) => f.type === 'error')).toMatchObject({ error: 'not_started', clientId: 'e' });
});

test('a moderator whose session ended is refused at the next action', async () => {
  const { url, mod } = await seated();
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  await t.app.inject({ method: 'POST', url: '/api/staff/logout', headers: mod.headers });
  modSocket.send({ type: 'prompt', text: 'Still in charge?' });
  expect((await modSocket.closed).code).toBe(CloseCode.unauthenticated);
});

test('a node holds at most maxUnauthenticatedSockets sockets without hello; more upgrades get 503 + Retry-After', async () => {
  const { url, seat } = await seated();
  // Idle sockets must outlive the whole flood (opening hundreds takes long on a loaded CI machine).
  t.app.focusGroups.configure({ helloTimeoutMs: 120_000 });
  const cap = DEFAULT_LIMITS.maxUnauthenticatedSockets;
  const idle: WebSocket[] = [];
  const outcomes = await Promise.all(
    Array.from(
      { length: cap + 44 },
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url.replace(/^http/, 'ws'));
          idle.push(ws);
          ws.once('open', () => resolve('open'));
          ws.once('unexpected-response', (_request, response) => {
            resolve(`${response.statusCode} retry-after=${response.headers['retry-after']}`);
            response.resume();
          });
          ws.once('close', (code) => resolve(`closed ${code}`));
          ws.once('error', () => {});
        }),
    ),
  );
  // A socket that slipped past the upgrade check is closed 1013 at once; the hub never holds more than the cap.
  expect(t.app.focusGroups.stats().connections).toBeLessThanOrEqual(cap);
  expect(outcomes.filter((outcome) => outcome === '503 retry-after=5').length).toBeGreaterThan(0);
  expect(
    outcomes.every(
      (o) => o === 'open' || o === '503 retry-after=5' || o === `closed ${CloseCode.tryAgainLater}`,
    ),
  ).toBe(true);
  // Once the idle sockets go, a participant with a seat joins as usual.
  await Promise.all(
    idle.map(
      (ws) =>
        new Promise<void>((resolve) =>
          ws.readyState === WebSocket.CLOSED
            ? resolve()
            : (ws.once('close', () => resolve()), ws.terminate()),
        ),
    ),
  );
  const [client, welcome] = open.track(await Client.join(url, seat));
  expect(welcome.type).toBe('welcome');
  client.send({ type: 'say', text: 'still here' });
  expect(await client.next((f) => f.type === 'message')).toMatchObject({ text: 'still here' });
});
