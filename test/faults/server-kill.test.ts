import { randomBytes, randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, expect, test } from 'vitest';
import {
  PROTOCOL_VERSION,
  RESUMABLE_CLOSE_CODES,
  type ErrorFrame,
  type RoomEvent,
  type ServerFrame,
} from '../../common/focus-groups/protocol.ts';
import { moderator, scheduleRoom, takeSeatIn } from '../focus-groups/helpers.ts';
import { createTestApp } from '../helpers/build.ts';
import { databaseUrl, withAdminClient } from '../helpers/postgres.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { freePort } from './cluster.ts';

// A real server process is SIGKILLed while a moderator and four participants are talking in a room,
// then started again on the same port. The clients are left to come back by themselves.
// Pass: every client ends with the same transcript as the database; everything confirmed before the
// kill is there exactly once; nothing is doubled, even by a client that re-sends blindly.

interface Line {
  seq: number;
  id: string;
  author: string;
  text: string;
  clientId?: string;
}

/** The browser's full-jitter backoff (client/src/lib/room.svelte.ts), capped at 2 s to keep the test short. */
const backoff = (attempt: number) => Math.round(Math.random() * Math.min(2_000, 500 * 2 ** attempt));

/**
 * What the browser client does, in Node: joins with `hello.lastSeq`, applies each seq once, and after a
 * resumable close reconnects with backoff and resumes. Messages the server has not confirmed (no own
 * `message` frame with the clientId, live or in the backlog) are re-sent after the welcome with the
 * same clientId. A `blind` client re-sends them at once instead, before it knows what the server has.
 */
class RoomClient {
  lastSeq = 0;
  welcomes = 0;
  readonly seqs: number[] = [];
  readonly lines = new Map<string, Line>();
  readonly unconfirmed = new Map<string, string>();
  readonly confirmed = new Map<string, number>();
  readonly errors: ErrorFrame[] = [];
  readonly closes: number[] = [];
  private ws: WebSocket | null = null;
  private open = false;
  private attempt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private wake = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly who: { seat?: string; cookie?: string },
    private readonly blind = false,
  ) {
    this.connect();
  }

  say(text: string): string {
    const clientId = randomUUID();
    this.unconfirmed.set(clientId, text);
    if (this.open) this.send(clientId, text);
    return clientId;
  }

  /** Sends a say frame as is (the test uses it to re-send something already confirmed). */
  send(clientId: string, text: string) {
    this.ws?.send(JSON.stringify({ type: 'say', text, clientId }));
  }

  /** Waits (at most 30 s) until `check` holds; every frame and close re-checks it. */
  until(check: () => boolean, label: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.wake.delete(test);
        reject(
          new Error(
            `timed out waiting for ${label} (closes ${this.closes.join(',') || 'none'}, welcomes ${this.welcomes}, unconfirmed ${this.unconfirmed.size})`,
          ),
        );
      }, 30_000);
      const test = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.wake.delete(test);
        resolve();
      };
      this.wake.add(test);
    });
  }

  transcript(): Line[] {
    return [...this.lines.values()].sort((a, b) => a.seq - b.seq);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => ws.once('close', resolve));
    ws.close(1000);
    await closed;
  }

  private connect() {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, { headers: this.who.cookie ? { cookie: this.who.cookie } : {} });
    this.ws = ws;
    ws.on('open', () => {
      const seat = this.who.seat ? { seat: this.who.seat } : {};
      ws.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, lastSeq: this.lastSeq, ...seat }));
      if (this.blind) for (const [clientId, text] of this.unconfirmed) this.send(clientId, text);
    });
    ws.on('message', (data) => this.receive(JSON.parse(String(data)) as ServerFrame));
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.open = false;
      this.closes.push(code);
      if (!this.stopped && RESUMABLE_CLOSE_CODES.has(code))
        this.timer = setTimeout(() => this.connect(), backoff(this.attempt++));
      this.notify();
    });
    ws.on('error', () => {}); // a refused connection ends in 'close' 1006, which reconnects
  }

  private receive(frame: ServerFrame) {
    if (frame.type === 'welcome') {
      for (const event of frame.backlog) this.apply(event);
      this.lastSeq = Math.max(this.lastSeq, frame.seq);
      this.welcomes++;
      this.attempt = 0;
      this.open = true;
      // Not in the backlog, so never stored: send again, same clientId.
      if (!this.blind) for (const [clientId, text] of this.unconfirmed) this.send(clientId, text);
    } else if (frame.type === 'error') {
      this.errors.push(frame);
    } else {
      this.apply(frame);
    }
    this.notify();
  }

  private apply(event: RoomEvent) {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.seqs.push(event.seq);
    if (event.type !== 'message') return;
    const { seq, id, author, text, clientId } = event;
    this.lines.set(id, { seq, id, author, text, ...(clientId ? { clientId } : {}) });
    if (clientId && this.unconfirmed.delete(clientId)) this.confirmed.set(clientId, seq);
  }

  private notify() {
    for (const wake of [...this.wake]) wake();
  }
}

const databaseName = `greenroom_fault_${randomBytes(6).toString('hex')}`;
let server: ServerProcess | undefined;
let clients: RoomClient[] = [];
let closeSetup = async () => {};
afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()));
  await server?.stop('SIGKILL');
  await closeSetup();
  await withAdminClient((admin) => admin.query(`drop database if exists ${databaseName} with (force)`));
});

test('server SIGKILLed under live sockets: clients resume by themselves, every transcript equals the database, nothing lost or doubled', async () => {
  await withAdminClient((admin) => admin.query(`create database ${databaseName}`));
  const env = {
    DATABASE_URL: databaseUrl(databaseName),
    GREENROOM_SECRET: randomBytes(32).toString('hex'),
    PORT: String(await freePort()),
    SEED_DEMO: 'false',
  };
  // Staff, room and seats are made in-process on the same database (migrated here) with the same secret.
  const setup = await createTestApp({
    DATABASE_URL: env.DATABASE_URL,
    GREENROOM_SECRET: env.GREENROOM_SECRET,
  });
  closeSetup = setup.close;
  const staff = await moderator(setup.app);
  const { id: roomId } = await scheduleRoom(setup.app, staff, { moderation: 'post' });
  const seats = await Promise.all(Array.from({ length: 4 }, () => takeSeatIn(setup.app, roomId)));

  server = await startServer(env);
  const url = `${server.url.replace('http', 'ws')}/api/focus-groups/${roomId}/socket`;
  const mod = new RoomClient(url, { cookie: staff.cookie });
  // The first participant re-sends blindly after a reconnect: only the server's clientId check keeps it single.
  const participants = seats.map((seat, i) => new RoomClient(url, { seat: seat.seat }, i === 0));
  clients = [mod, ...participants];
  const all = (check: (client: RoomClient) => boolean, label: string) =>
    Promise.all(clients.map((client) => client.until(() => check(client), label)));
  const settled = (label: string) => all((client) => client.unconfirmed.size === 0, label);
  await all((client) => client.welcomes === 1, 'first welcome');

  // Participants stay under 5 messages per 10 s per server process (the rate limit is per process).
  participants.forEach((p, i) => [0, 1].forEach((n) => p.say(`participant ${i} before the kill, ${n}`)));
  await settled('messages before the kill');

  // The moderator talks on throughout, a few messages in flight at any time, outage or not.
  const stream = (async () => {
    for (let n = 0; n < 30; n++) {
      mod.say(`moderator, line ${n}`);
      await mod.until(() => mod.unconfirmed.size < 3, 'room in the moderator stream');
    }
  })();
  await mod.until(() => mod.confirmed.size >= 8, 'the moderator stream under way');
  participants.forEach((p, i) => [0, 1].forEach((n) => p.say(`participant ${i} around the kill, ${n}`)));
  await Promise.race(
    participants.map((p) => p.until(() => p.confirmed.size > 2, 'one message around the kill')),
  );
  // A loaded server may already have asked a client to come back later (1013); count from here.
  const closesBefore = new Map(clients.map((client) => [client, client.closes.length]));
  const welcomesBefore = new Map(clients.map((client) => [client, client.welcomes]));
  await server.stop('SIGKILL');
  await all((client) => client.closes.length > closesBefore.get(client)!, 'the drop');
  // Every frame the dead process sent has arrived now: this is what it confirmed.
  const confirmedBeforeKill = clients.flatMap((client) => [...client.confirmed.keys()]);
  expect(clients.map((client) => client.closes[closesBefore.get(client)!])).toEqual(clients.map(() => 1006));
  expect(mod.unconfirmed.size + participants.reduce((sum, p) => sum + p.unconfirmed.size, 0)).toBeGreaterThan(
    0,
  );

  participants.forEach((p, i) => p.say(`participant ${i} while the server is down`));
  server = await startServer(env);
  await all((client) => client.welcomes > welcomesBefore.get(client)!, 'a welcome from the restarted server');
  await stream;
  participants.forEach((p, i) => p.say(`participant ${i} after the restart`));
  await settled('every message confirmed');

  // Re-sending something already stored, with its clientId, is refused as a duplicate — for
  // participants and for the moderator alike.
  for (const [who, client] of [
    ['participant', participants[1]!],
    ['moderator', mod],
  ] as const) {
    const [clientId, seq] = [...client.confirmed][0]!;
    client.send(clientId, 'the same message again');
    await client.until(
      () =>
        client.errors.some((error) => error.clientId === clientId) ||
        [...client.lines.values()].some((line) => line.clientId === clientId && line.seq !== seq),
      'an answer to the re-sent message',
    );
    expect(client.errors.find((error) => error.clientId === clientId)?.error, who).toBe('duplicate');
  }

  const rows = await setup.app.db
    .selectFrom('focus_group_message')
    .select(['id', 'seq', 'author', 'text', 'client_id as clientId'])
    .where('focus_group_id', '=', roomId)
    .orderBy('seq')
    .execute();
  const { last_seq: lastSeq } = await setup.app.db
    .selectFrom('focus_group')
    .select('last_seq')
    .where('id', '=', roomId)
    .executeTakeFirstOrThrow();
  await all((client) => client.lastSeq >= lastSeq, 'the last seq');

  // Exactly once: every message any client sent (confirmed before the kill or re-sent after it).
  const sent = clients.flatMap((client) => [...client.confirmed.keys()]);
  const stored = rows.map((row) => row.clientId);
  expect(stored.sort()).toEqual([...sent].sort());
  for (const clientId of confirmedBeforeKill)
    expect(
      rows.filter((row) => row.clientId === clientId),
      clientId,
    ).toHaveLength(1);

  // Every client saw every event once, in order, and holds the database's transcript.
  const everySeq = Array.from({ length: lastSeq }, (_, i) => i + 1);
  const transcript = rows.map(({ id, seq, author, text }) => ({ id, seq, author, text }));
  for (const client of clients) {
    expect(client.seqs).toEqual(everySeq);
    expect(client.transcript().map(({ clientId: _, ...line }) => line)).toEqual(transcript);
  }
});
