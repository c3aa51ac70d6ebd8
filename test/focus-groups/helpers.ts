import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { ServerFrame, WelcomeFrame } from '../../common/focus-groups/protocol.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';

/** Starts the app on a real port (idempotent) and returns the socket URL of a room. */
export async function listen(app: FastifyInstance): Promise<string> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return `ws://127.0.0.1:${port}`;
}

export const socketUrl = (base: string, roomId: string) => `${base}/api/focus-groups/${roomId}/socket`;

export interface RoomInput {
  title?: string;
  prompts?: string[];
  moderation?: 'pre' | 'post';
  capacity?: number;
  startsAt?: string;
  endsAt?: string;
}

/** Schedules a session through the HTTP API; by default it started a minute ago and runs an hour. */
export async function scheduleRoom(app: FastifyInstance, moderator: SignedInStaff, input: RoomInput = {}) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/mod/focus-groups',
    headers: moderator.headers,
    payload: {
      title: input.title ?? 'Handoffs between Underwriting and Loan Processing',
      prompts: input.prompts ?? ['Where do files get stuck?', 'What would you change first?'],
      startsAt: input.startsAt ?? new Date(Date.now() - 60_000).toISOString(),
      endsAt: input.endsAt ?? new Date(Date.now() + 3600_000).toISOString(),
      capacity: input.capacity ?? 12,
      moderation: input.moderation ?? 'pre',
    },
  });
  if (response.statusCode !== 201)
    throw new Error(`schedule failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; scope: string };
}

export interface Seat {
  seat: string;
  pseudonym: string;
}

/** Takes a seat the way a participant does: a focus-group token spent on POST …/seats. */
export async function takeSeatIn(app: FastifyInstance, roomId: string): Promise<Seat> {
  const [authorization] = await (await enrolMember(app)).tokens(`focus-group:${roomId}`, 1);
  const response = await app.inject({
    method: 'POST',
    url: `/api/focus-groups/${roomId}/seats`,
    headers: { authorization },
  });
  if (response.statusCode !== 201) throw new Error(`seat failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

export const moderator = (app: FastifyInstance) => given(app).staff('moderator');

/** A `ws` client that records every frame and lets a test wait for the one it expects. */
export class Client {
  readonly frames: ServerFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];
  private cursor = 0;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()));
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.on('error', () => {});
  }

  static async open(
    url: string,
    options: { cookie?: string; origin?: string; autoPong?: boolean } = {},
  ): Promise<Client> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    const ws = new WebSocket(url, { headers, origin: options.origin, autoPong: options.autoPong ?? true });
    const client = new Client(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode}`)),
      );
      ws.once('error', reject);
    });
    return client;
  }

  /** Opens a socket and joins: as a participant with a seat, or as staff with the cookie. */
  static async join(
    url: string,
    who: { seat?: string; cookie?: string },
    lastSeq = 0,
  ): Promise<[Client, WelcomeFrame]> {
    const client = await Client.open(url, { cookie: who.cookie });
    client.send({ type: 'hello', ...(who.seat ? { seat: who.seat } : {}), lastSeq });
    const welcome = await client.next((frame) => frame.type === 'welcome');
    return [client, welcome as WelcomeFrame];
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next frame after the previous match that satisfies `match` (waits for it; fails after 10 s). */
  async next<T extends ServerFrame = ServerFrame>(
    match: (frame: ServerFrame) => boolean,
    label = 'frame',
  ): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const index = this.frames.findIndex((frame, i) => i >= this.cursor && match(frame));
      if (index >= 0) {
        this.cursor = index + 1;
        return this.frames[index] as T;
      }
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${label}; got ${JSON.stringify(this.frames.slice(this.cursor))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Any frame so far (cursor ignored) that satisfies `match`, waiting for it if needed. */
  async seen<T extends ServerFrame = ServerFrame>(
    match: (frame: ServerFrame) => boolean,
    label = 'frame',
  ): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found as T;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${label}; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Every `seq` this client received, in order. */
  seqs(): number[] {
    return this.frames.flatMap((frame) =>
      frame.type === 'welcome' ? frame.backlog.map((event) => event.seq) : 'seq' in frame ? [frame.seq] : [],
    );
  }

  /** Message events (backlog included), by text. */
  texts(): string[] {
    return this.frames.flatMap((frame) =>
      frame.type === 'welcome'
        ? frame.backlog.flatMap((event) => (event.type === 'message' ? [event.text] : []))
        : frame.type === 'message'
          ? [frame.text]
          : [],
    );
  }

  async close() {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    if (this.ws.readyState !== WebSocket.CLOSING) this.ws.close(1000);
    const timer = setTimeout(() => this.ws.terminate(), 2000);
    await this.closed;
    clearTimeout(timer);
  }
}

/** Closes every client a test opened, whatever happened in it. */
export function sockets() {
  const open: Client[] = [];
  return {
    track<T extends Client | [Client, WelcomeFrame]>(value: T): T {
      open.push(Array.isArray(value) ? value[0] : value);
      return value;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((client) => client.close()));
    },
  };
}

/** Waits until `check` passes (for effects with no event to wait on, e.g. rows written after a close). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
