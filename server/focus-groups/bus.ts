import { EventEmitter } from 'node:events';
import type pg from 'pg';

// Fan-out between server processes. Notes are tiny — a room id and a sequence number — because the
// events themselves are already in the database: a node that hears "room R reached seq N" reads the
// rows it has not delivered. Anything with publish/subscribe (Redis, NATS) can stand in for Postgres.

export type BusNote =
  /** Room `room` has events up to `seq`. */
  | { kind: 'event'; room: string; seq: number }
  /** Seat `seat` connected as `connection` (stamped so that every node agrees which socket is newer). */
  | { kind: 'seat'; room: string; seat: string; connection: string; stamp: number };

/** null means "notes may have been lost" (e.g. the listener reconnected): re-read what you hold. */
export type BusListener = (note: BusNote | null) => void;

export interface RoomBus {
  /** Delivers the note to every node, this one included. */
  publish(note: BusNote): Promise<void>;
  subscribe(listener: BusListener): () => void;
  close(): Promise<void>;
}

export const CHANNEL = 'greenroom_focus_groups';

function encode(note: BusNote): string {
  return note.kind === 'event'
    ? `e|${note.room}|${note.seq}`
    : `s|${note.room}|${note.seat}|${note.connection}|${note.stamp}`;
}

function decodeOne(payload: string): BusNote | null {
  const [kind, room, a, b, c] = payload.split('|');
  if (kind === 'e' && room && a) return { kind: 'event', room, seq: Number(a) };
  if (kind === 's' && room && a && b && c)
    return { kind: 'seat', room, seat: a, connection: b, stamp: Number(c) };
  return null;
}

/** A payload carries one note or several separated by ';'. */
export function decode(payload: string): BusNote[] {
  return payload.split(';').flatMap((part) => decodeOne(part) ?? []);
}

/** NOTIFY payloads must stay under 8000 bytes; a note is at most ~130. */
const MAX_PAYLOAD = 7000;

/**
 * Coalesces notes published in the same tick: only the highest seq per room matters ("room R has
 * events up to N"), and one NOTIFY carries many rooms. Under load this turns thousands of NOTIFYs
 * per second into a few hundred.
 */
export class NoteBatcher {
  private events = new Map<string, number>();
  private seats: BusNote[] = [];
  private scheduled: Promise<void> | null = null;

  constructor(private readonly send: (payload: string) => Promise<void>) {}

  add(note: BusNote): Promise<void> {
    if (note.kind === 'event')
      this.events.set(note.room, Math.max(note.seq, this.events.get(note.room) ?? 0));
    else this.seats.push(note);
    this.scheduled ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    return this.scheduled;
  }

  private async flush() {
    const notes: BusNote[] = [
      ...this.seats,
      ...[...this.events].map(([room, seq]) => ({ kind: 'event' as const, room, seq })),
    ];
    this.events = new Map();
    this.seats = [];
    this.scheduled = null;
    let payload = '';
    const sends: Promise<void>[] = [];
    for (const note of notes) {
      const encoded = encode(note);
      if (payload && payload.length + encoded.length + 1 > MAX_PAYLOAD) {
        sends.push(this.send(payload));
        payload = '';
      }
      payload = payload ? `${payload};${encoded}` : encoded;
    }
    if (payload) sends.push(this.send(payload));
    await Promise.all(sends);
  }
}

/** One process (the embedded database): an in-memory loopback. */
export function memoryBus(): RoomBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(note) {
      // Round-trip through the wire format so both buses behave the same.
      for (const decoded of decode(encode(note))) queueMicrotask(() => emitter.emit('note', decoded));
    },
    subscribe(listener) {
      emitter.on('note', listener);
      return () => emitter.off('note', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

interface Log {
  warn(object: object, message: string): void;
}

/** Postgres LISTEN/NOTIFY: one dedicated pooled connection listens; publishing is a pg_notify. */
export async function postgresBus(pool: pg.Pool, log: Log, reconnectMs = 1000): Promise<RoomBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.PoolClient | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    for (const note of decode(message.payload)) emitter.emit('note', note);
  };

  let connecting: Promise<void> | null = null;

  async function listen(): Promise<void> {
    const next = await pool.connect();
    next.on('notification', onNotification);
    next.on('error', (error) => {
      if (closed) return; // close() already released it (e.g. the database was dropped under us)
      log.warn({ err: error }, 'focus-group bus connection lost; reconnecting');
      next.removeListener('notification', onNotification);
      next.release(error);
      if (client === next) client = null;
      schedule();
    });
    try {
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      next.removeListener('notification', onNotification);
      next.release(true);
      throw error;
    }
    // close() ran while this connection was being made: give it back, or pool.end() waits for it forever.
    if (closed) {
      next.removeListener('notification', onNotification);
      next.release(true);
      return;
    }
    client = next;
  }

  function schedule() {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connecting = (async () => {
        try {
          await listen();
          // Anything published while we were away was missed: let rooms re-read from the database.
          if (!closed) emitter.emit('note', null);
        } catch (error) {
          if (closed) return;
          log.warn({ err: error }, 'focus-group bus reconnect failed');
          schedule();
        } finally {
          connecting = null;
        }
      })();
    }, reconnectMs);
    retry.unref();
  }

  const batcher = new NoteBatcher(async (payload) => {
    if (closed) return;
    await pool.query({
      name: 'focus-group-notify',
      text: 'select pg_notify($1, $2)',
      values: [CHANNEL, payload],
    });
  });
  await listen();
  return {
    publish: (note) => batcher.add(note),
    subscribe(listener) {
      emitter.on('note', listener);
      return () => emitter.off('note', listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      emitter.removeAllListeners();
      // A reconnect under way sees `closed` and gives its connection back; wait for it.
      await connecting;
      const current = client;
      client = null;
      if (current) {
        current.removeListener('notification', onNotification);
        try {
          await current.query(`UNLISTEN ${CHANNEL}`);
        } catch {
          // The connection is going away anyway.
        }
        current.release(true);
      }
    },
  };
}
