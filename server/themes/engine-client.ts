import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { ThemeScope } from '../../db/tables/themes.ts';
import type { PreviousTheme, Theme, ThemeCorrection, ThemeItem } from './engine/index.ts';

// The themes engine on its own thread: a computation over 10k comments takes seconds of CPU, which on
// the server's event loop would stall every socket and request of this process. One long-lived thread
// keeps each scope's model for incremental updates; if it dies, the runs waiting on it fail and the
// next request starts a fresh one (its models are gone: `generation` changes, the job computes in full).

export interface Membership {
  itemId: string;
  themeId: string | null;
  centrality: number;
  sentiment: number;
}

export interface Computed {
  themes: Theme[];
  unclustered: string[];
  memberships: Membership[];
}

export type EngineRequest =
  | {
      kind: 'compute';
      id: number;
      scope: ThemeScope;
      items: ThemeItem[];
      asOf: string;
      previous: PreviousTheme[];
      corrections?: ThemeCorrection[];
    }
  | { kind: 'update'; id: number; scope: ThemeScope; added: ThemeItem[]; removed: string[]; asOf: string }
  | { kind: 'forget'; scope: ThemeScope };

export type EngineReply = { id: number } & (({ ok: true } & Computed) | { ok: false; error: unknown });

export type Computation = Exclude<EngineRequest, { kind: 'forget' }>;
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

const WORKER = new URL('./engine-worker.mjs', import.meta.url);

export class ThemeEngineWorker {
  readonly #log: Pick<FastifyBaseLogger, 'error'>;
  readonly #resourceLimits: ResourceLimits | undefined;
  readonly #pending = new Map<
    number,
    { resolve: (computed: Computed) => void; reject: (error: unknown) => void }
  >();
  #worker: Worker | null = null;
  #nextId = 0;
  #generation = 0;
  #closed = false;

  constructor(log: Pick<FastifyBaseLogger, 'error'>, options: { resourceLimits?: ResourceLimits } = {}) {
    this.#log = log;
    this.#resourceLimits = options.resourceLimits;
  }

  /** Changes whenever the thread holding the models is lost (crashed or closed). */
  get generation(): number {
    return this.#generation;
  }

  /** Whether a computation is under way on the thread. */
  get busy(): boolean {
    return this.#pending.size > 0;
  }

  /** A full computation; the thread keeps the model for later updates of this scope. */
  compute(
    scope: ThemeScope,
    items: ThemeItem[],
    options: { asOf: string; previous: PreviousTheme[]; corrections?: ThemeCorrection[] },
  ) {
    return this.#request({ kind: 'compute', scope, items, ...options });
  }

  /** An incremental update of the scope's model (from the same generation). */
  update(scope: ThemeScope, change: { added: ThemeItem[]; removed: string[]; asOf: string }) {
    return this.#request({ kind: 'update', scope, ...change });
  }

  /** Drops a scope's model (nothing left to cluster). */
  forget(scope: ThemeScope): void {
    this.#worker?.postMessage({ kind: 'forget', scope } satisfies EngineRequest);
  }

  /** Stops the thread for good; computations still waiting are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    if (!worker) return;
    this.#lost(new Error('themes engine closed'));
    await worker.terminate();
  }

  #request(message: Unnumbered<Computation>): Promise<Computed> {
    if (this.#closed) return Promise.reject(new Error('themes engine closed'));
    const worker = this.#start();
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // Waiting on the thread keeps the process alive; an idle thread does not.
      worker.ref();
      worker.postMessage({ ...message, id } as Computation);
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER, { resourceLimits: this.#resourceLimits });
    worker.unref();
    worker.on('message', (reply: EngineReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if (!reply.ok) pending?.reject(reply.error);
      else
        pending?.resolve({
          themes: reply.themes,
          unclustered: reply.unclustered,
          memberships: reply.memberships,
        });
    });
    const crashed = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#log.error({ err: error }, 'themes worker crashed');
      this.#lost(error);
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`themes worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  #lost(error: Error): void {
    this.#worker = null;
    this.#generation++;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}
