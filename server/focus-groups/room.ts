import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket, RawData } from 'ws';
import { findSessionStaff, type StaffMember } from '../shared/staff-sessions.ts';
import { isDatabaseUnavailable } from '../plugins/errors.ts';
import { SESSION_COOKIE } from '../plugins/staff-session.ts';
import { SayBatcher } from './batcher.ts';
import { ActionError, perform, type ActionFrame, type Actor, type ActionResult } from './actions.ts';
import type { BusNote, RoomBus } from './bus.ts';
import {
  CloseCode,
  MODERATOR_FRAMES,
  PROTOCOL_VERSION,
  parseClientFrame,
  type ClientFrame,
  type Parsed,
  type ErrorCode,
  type HelloFrame,
  type WelcomeFrame,
} from '../../common/focus-groups/protocol.ts';
import { DEFAULT_LIMITS, SeatRate, Window, type RoomLimits } from './limits.ts';
import { findRoom, findSeat, readEvents, roomInfo, type StoredEvent } from './queries.ts';
import { audienceOf, render, type Audience, type Viewer } from './render.ts';

interface Seat {
  id: string;
  pseudonym: string;
}

class Connection {
  readonly id = randomUUID();
  /** When it joined; the newer of two sockets for one seat wins, on every node. */
  stamp = 0;
  viewer: Viewer | null = null;
  seat: Seat | null = null;
  staff: StaffMember | null = null;
  room: LiveRoom | null = null;
  /** Highest seq this socket has been sent (or deliberately not sent): never send it again. */
  sentSeq = 0;
  alive = true;
  closing = false;
  frames = new Window();
  rate = new SeatRate();
  queue: Promise<void> = Promise.resolve();
  queued = 0;
  helloTimer: NodeJS.Timeout | null = null;
  /** Counted among this node's sockets without a hello until it joins or goes. */
  awaitingHello = false;

  constructor(
    readonly socket: WebSocket,
    readonly roomId: string,
    readonly sessionId: string | null,
  ) {}
}

/** A room with sockets on this node. Everything that touches its sockets runs in `chain`, in order. */
class LiveRoom {
  readonly connections = new Set<Connection>();
  /** Highest seq broadcast by this node; -1 until the first socket joined. */
  deliveredSeq = -1;
  joining = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(readonly id: string) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

export interface HubStats {
  rooms: number;
  connections: number;
}

/**
 * This node's share of the live rooms: sockets, ordered delivery, safety limits.
 * Events are written first (actions.ts), then delivered here, then announced on the bus so other
 * nodes read and deliver them too.
 */
export class FocusGroupHub {
  readonly limits: RoomLimits = { ...DEFAULT_LIMITS };
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly connections = new Set<Connection>();
  private readonly seats = new Map<string, Connection>();
  private readonly rates = new Map<string, SeatRate>();
  private heartbeat: NodeJS.Timeout | null = null;
  private themesTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly log: FastifyBaseLogger;
  private readonly batcher: SayBatcher;

  constructor(
    private readonly app: Pick<FastifyInstance, 'log' | 'db' | 'database' | 'secrets' | 'contentEvents'>,
    private readonly bus: RoomBus,
  ) {
    this.log = app.log.child({ feature: 'focus-groups' });
    this.batcher = new SayBatcher(app.database);
    this.unsubscribe = bus.subscribe((note) => this.onNote(note));
    this.startHeartbeat();
  }

  /** Change limits (tests); restarts the heartbeat timer. */
  configure(limits: Partial<RoomLimits>) {
    Object.assign(this.limits, limits);
    this.startHeartbeat();
  }

  stats(): HubStats {
    return { rooms: this.rooms.size, connections: this.connections.size };
  }

  /** Sockets on this node that have not said hello yet. */
  #unauthenticated = 0;

  /** True when this node already holds as many sockets without a hello as it allows. */
  tooManyUnauthenticated(): boolean {
    return this.#unauthenticated >= this.limits.maxUnauthenticatedSockets;
  }

  // ---- sockets ----

  /** Called synchronously from the route handler: listeners are attached before anything is awaited. */
  accept(socket: WebSocket, request: FastifyRequest, roomId: string) {
    // A temporary password (an admin's reset) opens no moderator console until it is replaced.
    const staff = request.staff?.mustChangePassword ? null : request.staff;
    const conn = new Connection(socket, roomId, staff ? (request.cookies[SESSION_COOKIE] ?? null) : null);
    conn.staff = staff;
    if (this.tooManyUnauthenticated()) {
      socket.close(CloseCode.tryAgainLater, 'too many sockets waiting for hello');
      return;
    }
    this.#unauthenticated++;
    conn.awaitingHello = true;
    this.connections.add(conn);
    socket.on('message', (data, isBinary) => this.onFrame(conn, data, isBinary));
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('close', () => this.forget(conn));
    socket.on('error', () => {}); // @fastify/websocket logs and terminates; nothing to add.
    conn.helloTimer = setTimeout(
      () => this.disconnect(conn, CloseCode.helloTimeout, 'no hello'),
      this.limits.helloTimeoutMs,
    );
  }

  private onFrame(conn: Connection, data: RawData, isBinary: boolean) {
    if (conn.closing) return;
    const now = Date.now();
    // Moderators click through queues quickly: they get five times the frame allowance.
    const allowance = this.limits.framesPerWindow * (conn.viewer?.role === 'moderator' ? 5 : 1);
    if (
      conn.frames.count(now, this.limits.windowMs) >= allowance ||
      conn.queued >= this.limits.maxQueuedFrames
    ) {
      this.disconnect(conn, CloseCode.flooding, 'flooding');
      return;
    }
    conn.frames.add(now);
    const parsed: Parsed = isBinary
      ? { ok: false, error: 'invalid_frame', message: 'Frames are JSON text.' }
      : parseClientFrame(data.toString());
    if (!conn.viewer && conn.queued === 0 && (!parsed.ok || parsed.frame.type !== 'hello')) {
      // Before anything else: who is this?
      this.disconnect(conn, CloseCode.unauthenticated, 'the first frame must be hello');
      return;
    }
    if (!parsed.ok) return this.error(conn, parsed.error, parsed.message);
    const frame = parsed.frame;
    if (
      frame.type === 'say' &&
      conn.viewer?.role !== 'moderator' &&
      !this.allowSay(conn, now, frame.clientId)
    )
      return;
    conn.queued++;
    conn.queue = conn.queue
      .then(() => (frame.type === 'hello' ? this.hello(conn, frame) : this.act(conn, frame)))
      .catch((error) => this.failed(conn, frame, error))
      .finally(() => {
        conn.queued--;
      });
  }

  /**
   * A frame that threw: the sender hears which message failed (its clientId), and a hello that could
   * not be answered closes 1013 so the client comes back by itself — never a socket left waiting.
   */
  private failed(conn: Connection, frame: ClientFrame, error: unknown) {
    const down = isDatabaseUnavailable(error);
    if (down) this.log.warn({ err: error }, 'focus-group frame failed: the database does not answer');
    else this.log.error({ err: error }, 'focus-group frame failed');
    if (frame.type === 'hello' && !conn.viewer)
      return this.disconnect(conn, CloseCode.tryAgainLater, 'try again in a moment');
    const clientId = frame.type === 'say' ? frame.clientId : undefined;
    if (down)
      this.error(conn, 'unavailable', 'The database does not answer; try again in a moment.', clientId);
    else this.error(conn, 'internal_error', 'Something went wrong; try again.', clientId);
  }

  /** 5 says per 10 s per seat; beyond that `rate_limited`, and persistent flooding closes 4008. */
  private allowSay(conn: Connection, now: number, clientId?: string): boolean {
    const { windowMs, saysPerWindow, strikesPerWindow } = this.limits;
    const rate = conn.rate;
    if (rate.says.count(now, windowMs) < saysPerWindow) {
      rate.says.add(now);
      return true;
    }
    rate.strikes.add(now);
    if (rate.strikes.count(now, windowMs) >= strikesPerWindow) {
      this.disconnect(conn, CloseCode.flooding, 'flooding');
    } else {
      const wait = Math.ceil((windowMs - (now - rate.says.last)) / 1000);
      this.error(
        conn,
        'rate_limited',
        `Slow down: at most ${saysPerWindow} messages per ${windowMs / 1000} s (try in ${wait} s).`,
        clientId,
      );
    }
    return false;
  }

  private async hello(conn: Connection, frame: HelloFrame) {
    if (conn.closing) return;
    if (conn.viewer) return this.error(conn, 'already_joined', 'This socket has already joined.');
    if (conn.helloTimer) clearTimeout(conn.helloTimer);
    if (frame.v !== undefined && frame.v !== PROTOCOL_VERSION) {
      return this.disconnect(
        conn,
        CloseCode.unsupportedVersion,
        `this server speaks protocol ${PROTOCOL_VERSION}`,
      );
    }
    let viewer: Viewer;
    let muted = false;
    if (frame.seat) {
      const seat = await findSeat(this.app.db, conn.roomId, this.app.secrets.hmac('seat', frame.seat));
      if (!seat) return this.disconnect(conn, CloseCode.unauthenticated, 'unknown seat');
      if (seat.removed) return this.disconnect(conn, CloseCode.removed, 'removed by the moderator');
      viewer = { role: 'participant', seatId: seat.id };
      conn.seat = { id: seat.id, pseudonym: seat.pseudonym };
      muted = seat.muted;
      const rate = this.rates.get(seat.id);
      if (rate) {
        rate.merge(conn.rate);
        conn.rate = rate;
      } else {
        this.rates.set(seat.id, conn.rate);
      }
    } else if (conn.staff) {
      viewer = { role: 'moderator' };
    } else {
      return this.disconnect(conn, CloseCode.unauthenticated, 'hello needs a seat');
    }
    if (conn.closing) return;

    const room = this.liveRoom(conn.roomId);
    room.joining++;
    try {
      await room.run(async () => {
        const row = await findRoom(this.app.db, conn.roomId);
        if (!row) return this.disconnect(conn, CloseCode.roomClosed, 'no such room');
        const events = await readEvents(this.app.db, row.id, frame.lastSeq, row.lastSeq);
        if (room.deliveredSeq < 0) room.deliveredSeq = row.lastSeq;
        conn.sentSeq = row.lastSeq;
        conn.viewer = viewer;
        this.#saidHello(conn);
        const welcome: WelcomeFrame = {
          type: 'welcome',
          v: PROTOCOL_VERSION,
          you: { role: viewer.role, pseudonym: conn.seat?.pseudonym ?? null, muted },
          // Prompts are the moderator's script: participants see each one when it is posted.
          room: viewer.role === 'moderator' ? roomInfo(row) : { ...roomInfo(row), prompts: [] },
          seq: row.lastSeq,
          backlog: events.flatMap((event) => render(event, audienceOf(event, viewer)) ?? []),
        };
        if (conn.closing) return;
        conn.socket.send(JSON.stringify(welcome));
        if (row.closedAt) return this.disconnect(conn, CloseCode.roomClosed, 'the room is closed');
        room.connections.add(conn);
        conn.room = room;
        if (conn.seat) this.claimSeat(conn);
      });
    } finally {
      room.joining--;
      this.release(room);
    }
  }

  /** The newest socket of a seat wins; the older one (here or on another node) is closed 4007. */
  private claimSeat(conn: Connection) {
    const seat = conn.seat!;
    conn.stamp = Date.now();
    const previous = this.seats.get(seat.id);
    if (previous && previous !== conn)
      this.disconnect(previous, CloseCode.replaced, 'the seat connected again elsewhere');
    this.seats.set(seat.id, conn);
    this.publish({ kind: 'seat', room: conn.roomId, seat: seat.id, connection: conn.id, stamp: conn.stamp });
  }

  private async act(conn: Connection, frame: ActionFrame) {
    // Frames that passed the limits before a close are still carried out (the seat's state decides).
    if (!conn.viewer) return;
    let actor: Actor;
    if (conn.viewer.role === 'moderator') {
      // Staff power ends with the session: a disabled or signed-out moderator is refused at once.
      const staff = conn.sessionId ? await findSessionStaff(this.app.db, conn.sessionId) : null;
      if (!staff || staff.mustChangePassword)
        return this.disconnect(conn, CloseCode.unauthenticated, 'the staff session ended');
      actor = { role: 'moderator', staff };
    } else {
      if (MODERATOR_FRAMES.has(frame.type))
        return this.error(conn, 'forbidden', 'Only the moderator may do this.');
      actor = { role: 'participant', seatId: conn.viewer.seatId };
    }
    const clientId = frame.type === 'say' ? frame.clientId : undefined;
    try {
      await this.perform(conn.roomId, actor, frame);
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      this.error(conn, error.code, error.message, clientId);
      if (error.code === 'removed') this.disconnect(conn, CloseCode.removed, 'removed by the moderator');
    }
  }

  /** Runs an action (from a socket or an HTTP route), delivers its events here and announces them. */
  async perform(roomId: string, actor: Actor, frame: ActionFrame): Promise<ActionResult> {
    const result = await perform(this.app.database, this.batcher, roomId, actor, frame);
    await this.delivered(roomId, result.events);
    if (result.visibilityChanged) this.themesChanged(result.events.some((event) => event.kind === 'closed'));
    return result;
  }

  /** Tells the themes job, coalescing live-room changes (see RoomLimits.themesCoalesceMs). */
  private themesChanged(now: boolean) {
    if (now || this.limits.themesCoalesceMs <= 0) {
      if (this.themesTimer) clearTimeout(this.themesTimer);
      this.themesTimer = null;
      this.app.contentEvents.changed({ source: 'focus-group' });
      return;
    }
    this.themesTimer ??= setTimeout(() => {
      this.themesTimer = null;
      if (!this.closed) this.app.contentEvents.changed({ source: 'focus-group' });
    }, this.limits.themesCoalesceMs);
  }

  /** After a commit elsewhere in this process (e.g. a new seat): deliver and announce. */
  async delivered(roomId: string, events: StoredEvent[]) {
    const last = events.at(-1);
    if (!last) return;
    const room = this.rooms.get(roomId);
    // The events are stored: if delivering here fails, the next event or a resume reads them again.
    if (room)
      await room.run(() => this.deliver(room, last.seq, events)).catch((error) => this.deliveryFailed(error));
    this.publish({ kind: 'event', room: roomId, seq: last.seq });
  }

  private deliveryFailed(error: unknown) {
    this.log.warn({ err: error }, 'focus-group delivery failed; the next event catches up');
  }

  private publish(note: BusNote) {
    if (this.closed) return;
    this.bus.publish(note).catch((error) => this.log.warn({ err: error }, 'focus-group bus publish failed'));
  }

  private onNote(note: BusNote | null) {
    if (!note) {
      // The bus may have dropped notes: every room catches up from the database.
      for (const room of this.rooms.values())
        room.run(() => this.catchUp(room)).catch((error) => this.deliveryFailed(error));
      return;
    }
    if (note.kind === 'seat') {
      const local = this.seats.get(note.seat);
      if (
        local &&
        local.id !== note.connection &&
        (local.stamp < note.stamp || (local.stamp === note.stamp && local.id < note.connection))
      ) {
        this.disconnect(local, CloseCode.replaced, 'the seat connected again elsewhere');
      }
      return;
    }
    const room = this.rooms.get(note.room);
    if (!room || note.seq <= room.deliveredSeq) return;
    room.run(() => this.deliver(room, note.seq, [])).catch((error) => this.deliveryFailed(error));
  }

  private async catchUp(room: LiveRoom) {
    const row = await findRoom(this.app.db, room.id);
    if (row) await this.deliver(room, row.lastSeq, []);
  }

  /** Brings the room's sockets up to `upTo`, in order: uses `known` if it continues, reads the rest. */
  private async deliver(room: LiveRoom, upTo: number, known: StoredEvent[]) {
    if (room.deliveredSeq < 0 || upTo <= room.deliveredSeq) return;
    const continues =
      known.length > 0 && known[0]!.seq === room.deliveredSeq + 1 && known.at(-1)!.seq === upTo;
    const events = continues ? known : await readEvents(this.app.db, room.id, room.deliveredSeq, upTo);
    for (const event of events) {
      this.broadcast(room, event);
      room.deliveredSeq = event.seq;
    }
  }

  private broadcast(room: LiveRoom, event: StoredEvent) {
    // Each audience's frame is serialised and encoded once, then the same bytes go to every socket.
    const frames = new Map<Audience, Buffer | null>();
    const frameFor = (audience: Audience) => {
      if (!frames.has(audience)) {
        const frame = render(event, audience);
        frames.set(audience, frame ? Buffer.from(JSON.stringify(frame)) : null);
      }
      return frames.get(audience)!;
    };
    for (const conn of room.connections) {
      if (event.seq <= conn.sentSeq || !conn.viewer) continue;
      conn.sentSeq = event.seq;
      const text = frameFor(audienceOf(event, conn.viewer));
      if (text) this.send(conn, text);
    }
    // Consequences on this node's sockets, after everyone got the event itself.
    if (event.kind === 'removed') {
      for (const conn of room.connections) {
        if (conn.seat?.pseudonym === event.detail.pseudonym)
          this.disconnect(conn, CloseCode.removed, 'removed by the moderator');
      }
    } else if (event.kind === 'closed') {
      for (const conn of room.connections) this.disconnect(conn, CloseCode.roomClosed, 'the room is closed');
    }
  }

  private send(conn: Connection, text: string | Buffer) {
    if (conn.closing || conn.socket.readyState !== conn.socket.OPEN) return;
    if (conn.socket.bufferedAmount > this.limits.highWaterMark) {
      this.disconnect(conn, CloseCode.slowConsumer, 'too slow; reconnect to resume');
      return;
    }
    conn.socket.send(text, { binary: false });
  }

  private error(conn: Connection, error: ErrorCode, message: string, clientId?: string) {
    this.send(conn, JSON.stringify({ type: 'error', error, message, ...(clientId ? { clientId } : {}) }));
  }

  // ---- lifecycle ----

  private liveRoom(roomId: string): LiveRoom {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = new LiveRoom(roomId);
      this.rooms.set(roomId, room);
    }
    return room;
  }

  /** Drops a room nobody on this node is in (or joining). */
  private release(room: LiveRoom) {
    if (room.connections.size === 0 && room.joining === 0 && this.rooms.get(room.id) === room) {
      this.rooms.delete(room.id);
    }
  }

  private disconnect(conn: Connection, code: number, reason: string) {
    if (!conn.closing) {
      conn.closing = true;
      conn.socket.close(code, reason);
    }
    this.forget(conn);
  }

  #saidHello(conn: Connection) {
    if (!conn.awaitingHello) return;
    conn.awaitingHello = false;
    this.#unauthenticated--;
  }

  private forget(conn: Connection) {
    this.#saidHello(conn);
    conn.closing = true;
    if (conn.helloTimer) clearTimeout(conn.helloTimer);
    this.connections.delete(conn);
    if (conn.seat && this.seats.get(conn.seat.id) === conn) this.seats.delete(conn.seat.id);
    const room = conn.room;
    if (room) {
      room.connections.delete(conn);
      conn.room = null;
      this.release(room);
    }
  }

  private startHeartbeat() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.beat(), this.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  private beat() {
    for (const conn of this.connections) {
      if (!conn.alive) {
        conn.socket.terminate();
        this.forget(conn);
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
    // Rate state of seats that have been quiet for a whole window is no longer needed.
    const now = Date.now();
    for (const [seatId, rate] of this.rates) {
      if (
        now - Math.max(rate.says.last, rate.strikes.last) > this.limits.windowMs &&
        !this.seats.has(seatId)
      ) {
        this.rates.delete(seatId);
      }
    }
  }

  /** Server shutdown: every socket is told to come back (1001), timers stop. */
  async close() {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.themesTimer) clearTimeout(this.themesTimer);
    this.unsubscribe();
    for (const conn of [...this.connections]) this.disconnect(conn, CloseCode.goingAway, 'server restarting');
  }
}
