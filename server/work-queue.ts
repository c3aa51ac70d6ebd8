import { availableParallelism } from 'node:os';
import { HttpError } from './errors.ts';

// A bounded queue for CPU-heavy work (argon2id: ~20 ms of a core and 19 MiB each). At most
// `concurrency` tasks run; each lane holds at most `maxWaiting` more, and a task beyond that is shed
// at once with 503 + Retry-After instead of queueing without bound. Lanes are served in the order
// given, so a staff sign-in waits for at most the tasks already running, never behind a flood of
// anonymous enrolment attempts.

export interface Lane {
  name: string;
  /** Tasks allowed to wait (Infinity: never shed — only for work behind a session and a budget). */
  maxWaiting: number;
}

export class Overloaded extends HttpError {
  constructor(retryAfterSeconds = 1) {
    super(503, 'overloaded', 'The server is busy; try again shortly.', {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

export class WorkQueue<L extends string> {
  readonly #concurrency: number;
  readonly #lanes: Array<{ name: L; maxWaiting: number; waiting: Array<() => void> }>;
  #running = 0;
  /** Tasks shed since start, per lane (tests and benchmarks read it). */
  readonly shed = new Map<L, number>();

  constructor(concurrency: number, lanes: Array<Lane & { name: L }>) {
    this.#concurrency = Math.max(1, concurrency);
    this.#lanes = lanes.map((lane) => ({ ...lane, waiting: [] }));
  }

  get running() {
    return this.#running;
  }

  waiting(lane: L): number {
    return this.#laneOf(lane).waiting.length;
  }

  async run<T>(laneName: L, task: () => Promise<T>): Promise<T> {
    const lane = this.#laneOf(laneName);
    if (this.#running >= this.#concurrency) {
      if (lane.waiting.length >= lane.maxWaiting) {
        this.shed.set(laneName, (this.shed.get(laneName) ?? 0) + 1);
        throw new Overloaded();
      }
      await new Promise<void>((resolve) => lane.waiting.push(resolve));
    } else this.#running++;
    try {
      return await task();
    } finally {
      this.#next();
    }
  }

  /** Hands the finished task's slot to the first waiter of the first lane that has one. */
  #next() {
    for (const lane of this.#lanes) {
      const resolve = lane.waiting.shift();
      if (resolve) return resolve();
    }
    this.#running--;
  }

  #laneOf(name: L) {
    const lane = this.#lanes.find((candidate) => candidate.name === name);
    if (!lane) throw new Error(`no work lane "${name}"`);
    return lane;
  }
}

/** argon2id work of this process: staff sign-in first, then enrolment codes, then admin/seed hashing. */
export const argon2Queue = new WorkQueue(Math.min(4, availableParallelism()), [
  { name: 'sign-in', maxWaiting: 64 },
  { name: 'enrolment', maxWaiting: 16 },
  { name: 'background', maxWaiting: Infinity },
]);
export type Argon2Lane = 'sign-in' | 'enrolment' | 'background';
