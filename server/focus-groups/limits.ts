// Safety limits of the focus-group sockets, and the sliding windows that enforce them.

/** Tunable safety limits (tests shorten the timers; the defaults are the production values). */
export interface RoomLimits {
  /** A socket that sends no hello within this is closed 4003. */
  helloTimeoutMs: number;
  /**
   * Per node: sockets that have not said hello yet. Beyond this an upgrade is refused with 503 +
   * Retry-After (and a socket that slipped past the check is closed 1013, "try again later").
   */
  maxUnauthenticatedSockets: number;
  /** Ping interval; a socket that has not answered the previous ping is terminated. */
  heartbeatMs: number;
  /** Send-buffer size beyond which a reader counts as too slow (closed 4009; it resumes later). */
  highWaterMark: number;
  /** Per seat: `say` frames allowed per window; more get `rate_limited` errors. */
  saysPerWindow: number;
  /** Per connection: frames of any kind per window before close 4008. */
  framesPerWindow: number;
  /** `rate_limited` answers per window before close 4008 (persistent flooding). */
  strikesPerWindow: number;
  windowMs: number;
  /** Frames waiting to be handled on one socket before it counts as flooding. */
  maxQueuedFrames: number;
  /**
   * Live-room text reaches the themes job at most this often (0: at once). The recompute runs on a
   * worker thread, so sockets do not stall; this only bounds the CPU a busy session spends on themes
   * (a 10k-comment run costs 2–3 s of a core). A closed room (its transcript published) is announced at once.
   */
  themesCoalesceMs: number;
}

export const DEFAULT_LIMITS: RoomLimits = {
  helloTimeoutMs: 10_000,
  maxUnauthenticatedSockets: 256,
  heartbeatMs: 30_000,
  highWaterMark: 1024 * 1024,
  saysPerWindow: 5,
  framesPerWindow: 40,
  strikesPerWindow: 5,
  windowMs: 10_000,
  maxQueuedFrames: 32,
  themesCoalesceMs: 15_000,
};

/** Timestamps inside a sliding window. */
export class Window {
  private times: number[] = [];
  count(now: number, windowMs: number): number {
    while (this.times.length && this.times[0]! <= now - windowMs) this.times.shift();
    return this.times.length;
  }
  add(now: number) {
    this.times.push(now);
  }
  get last(): number {
    return this.times.at(-1) ?? 0;
  }
  /** Takes in another window's times (kept in order). */
  merge(other: Window) {
    this.times = [...this.times, ...other.times].sort((a, b) => a - b);
  }
}

/** Rate state of one seat; kept across reconnects so reconnecting does not reset it. */
export class SeatRate {
  says = new Window();
  strikes = new Window();
  /** Frames counted on a socket before it said which seat it is belong to that seat. */
  merge(other: SeatRate) {
    this.says.merge(other.says);
    this.strikes.merge(other.strikes);
  }
}
