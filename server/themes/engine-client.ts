import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { ThemeScope } from '../../db/tables/themes.ts';
import type { HiddenTheme, PreviousTheme, Theme, ThemeCorrection, ThemeItem } from './engine/index.ts';
import type { SplitProposal } from './engine/split.ts';
import { nextTurn, sameCentrality, SLICE } from './queries.ts';

// The themes engine on its own thread: a computation over 10k comments takes seconds of CPU, which on
// the server's event loop would stall every socket and request of this process. One long-lived thread
// keeps each scope's model for incremental updates; if it dies, the runs waiting on it fail and the
// next request starts a fresh one (its models are gone: `generation` changes, the job computes in full).
//
// What crosses between the threads goes in slices of SLICE comments, one message at a time. A message is
// copied (structured clone) on the sending thread and rebuilt on the receiving one, each in one go: the
// 27k comments of the soak were ~10–80 ms of this thread to send and the 27k memberships ~40–70 ms to
// take back, every run, stalling every socket of the process (room delivery's p99 near a snapshot save).
// The comments go as `items` messages before the request; the answer comes as a first part (themes
// without their item lists) and further parts this side asks for (`more`) once it has taken the last
// one in and let the loop turn. The thread orders memberships by theme (each theme's ids sorted, as
// the engine gives them), then the unclustered ones, so this side rebuilds the item lists by appending.
// An incremental update answers only for the comments it added (it moves no other), and a recompute from
// the comments the thread holds only for those whose membership moved, so a run's cost on this thread
// follows the change, not the corpus.

/**
 * Whether a comment's stored key (`prefix|centrality`) still stands for what was computed: same prefix
 * (theme, source hash, source, sentiment), centrality within the slack of the stored one (`sameCentrality`).
 */
export function keepsStored(stored: string | undefined, prefix: string, centrality: number): boolean {
  if (stored === undefined) return false;
  const cut = stored.lastIndexOf('|');
  if (cut !== prefix.length || !stored.startsWith(prefix)) return false;
  return sameCentrality(Number(stored.slice(cut + 1)), centrality);
}

export interface Membership {
  itemId: string;
  themeId: string | null;
  centrality: number;
  sentiment: number;
}

export interface Computed {
  /** The themes; with their item lists when `complete`, else without (empty). */
  themes: Theme[];
  /** Themes hidden as noise and their comments (the snapshot keeps them for an undone hide). */
  hidden: HiddenTheme[];
  /** How many comments are in no shown theme. */
  unclustered: number;
  /**
   * Memberships by comment id (built part by part as the answer arrives): every comment's after a full
   * computation, only the added comments' after an update, only those that changed after a recompute.
   */
  memberships: Map<string, Membership>;
  /** Whether `memberships` covers every comment (a full computation from the comments sent). */
  complete: boolean;
}

export interface EngineHeap {
  used: number;
  /** Committed (what the heap holds from the system, used or not). */
  total: number;
  /** Outside the heap, held by its objects: typed arrays' buffers. */
  external: number;
}

export type EngineRequest =
  /** A slice of the comments of request `id` (sent before it). */
  | { kind: 'items'; id: number; items: ThemeItem[] }
  /** The comments sent as `items` are the corpus. */
  | {
      kind: 'compute';
      id: number;
      scope: ThemeScope;
      asOf: string;
      previous: PreviousTheme[];
      corrections?: ThemeCorrection[];
    }
  /** The comments sent as `items` are the added ones. */
  | { kind: 'update'; id: number; scope: ThemeScope; removed: string[]; asOf: string }
  /**
   * A full computation from the comments the thread holds for the scope, less `removed`, plus the ones
   * sent as `items`; `previous` are the retired themes (the held ones come from the model).
   */
  | {
      kind: 'recompute';
      id: number;
      scope: ThemeScope;
      removed: string[];
      asOf: string;
      previous: PreviousTheme[];
      corrections?: ThemeCorrection[];
    }
  /**
   * A full computation for `scope` from the comments the thread holds for `base` that are published, less
   * `removed`, plus the ones sent as `items` (the employees' snapshot from the moderators' held comments:
   * the change since `base`'s last run crosses, and `removed` names the held comments changed or gone
   * since; the unpublished ones it leaves out itself). `previous` are the scope's themes with their
   * comments. The thread keeps no model for `scope` after it (the answer is complete, as a `compute`'s).
   */
  | {
      kind: 'derive';
      id: number;
      scope: ThemeScope;
      base: ThemeScope;
      removed: string[];
      asOf: string;
      previous: PreviousTheme[];
      corrections?: ThemeCorrection[];
    }
  /** The next part of request `id`'s answer. */
  | { kind: 'more'; id: number }
  | { kind: 'forget'; scope: ThemeScope }
  /** Which of these comments (distinct texts of one theme) to split off, and a name for them. */
  | { kind: 'split'; id: number; texts: string[]; published: boolean[]; label: string };

export type EngineReply = { id: number } & (
  | {
      ok: true;
      /** In the first part only: the themes, with empty item lists. */
      themes?: Theme[];
      /** In the first part only: the themes hidden as noise, with their comments. */
      hidden?: HiddenTheme[];
      /** In the first part only: how many comments are in no shown theme. */
      unclustered?: number;
      /** In the first part only: the thread's V8 heap after the computation (bytes used, committed, external). */
      heap?: EngineHeap;
      memberships: Membership[];
      done: boolean;
    }
  | { ok: true; split: SplitProposal | null }
  | { ok: false; error: unknown }
);

export type Computation = Extract<EngineRequest, { kind: 'compute' | 'update' | 'recompute' | 'derive' }>;
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** An answer being taken in, part by part. */
interface Receiving {
  resolve: (computed: Computed) => void;
  reject: (error: unknown) => void;
  complete: boolean;
  themes: Theme[];
  byId: Map<string, Theme>;
  hidden: HiddenTheme[];
  unclustered: number;
  memberships: Map<string, Membership>;
}

const WORKER = new URL('./engine-worker.mjs', import.meta.url);

/**
 * The thread's young generation (MB; V8 splits it into two semi-spaces and room for large new objects).
 * A computation allocates fast enough that V8 grows it to its default 32 MB, and it stays committed on
 * this mostly idle thread after the run's garbage is collected: the server's RSS swung by ~28 MB with
 * each large run. At 6 MB, 24k comments computed and recomputed twice kept 80–82 MB committed instead of
 * 108–110, in the same time within noise (5.9 / 7.1 / 7.8 s against 5.7 / 7.6 / 7.9 s).
 */
const YOUNG_GENERATION_MB = 6;

export class ThemeEngineWorker {
  readonly #log: Pick<FastifyBaseLogger, 'error'>;
  readonly #resourceLimits: ResourceLimits | undefined;
  readonly #pending = new Map<number, Receiving>();
  /** Split proposals waiting for the thread (after any computation sent before them). */
  readonly #proposals = new Map<
    number,
    { resolve: (split: SplitProposal | null) => void; reject: (error: unknown) => void }
  >();
  #worker: Worker | null = null;
  #nextId = 0;
  #generation = 0;
  #closed = false;
  #heap: EngineHeap | null = null;

  constructor(log: Pick<FastifyBaseLogger, 'error'>, options: { resourceLimits?: ResourceLimits } = {}) {
    this.#log = log;
    this.#resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...options.resourceLimits };
  }

  /** Changes whenever the thread holding the models is lost (crashed or closed). */
  get generation(): number {
    return this.#generation;
  }

  /** The thread's heap as its last answer reported it (null before any). */
  get heap(): EngineHeap | null {
    return this.#heap;
  }

  /** Whether a computation is under way on the thread. */
  get busy(): boolean {
    return this.#pending.size > 0;
  }

  /**
   * A full computation; the thread keeps the model for later updates of this scope. Only each item's
   * id, text, day and published go to the thread (a slice at a time), whatever else it carries.
   */
  compute(
    scope: ThemeScope,
    items: readonly ThemeItem[],
    options: { asOf: string; previous: PreviousTheme[]; corrections?: ThemeCorrection[] },
  ) {
    return this.#request(items, { kind: 'compute', scope, ...options });
  }

  /** An incremental update of the scope's model (from the same generation). */
  update(
    scope: ThemeScope,
    { added, ...change }: { added: readonly ThemeItem[]; removed: string[]; asOf: string },
  ) {
    return this.#request(added, { kind: 'update', scope, ...change });
  }

  /**
   * A full computation from the comments the thread already holds for the scope, with a change applied
   * first: only the change crosses, and only the memberships that differ from those last sent come back.
   * `previous` are the retired themes to recognise (the current ones are the model's).
   */
  recompute(
    scope: ThemeScope,
    {
      added,
      ...rest
    }: {
      added: readonly ThemeItem[];
      removed: string[];
      asOf: string;
      previous: PreviousTheme[];
      corrections?: ThemeCorrection[];
    },
  ) {
    return this.#request(added, { kind: 'recompute', scope, ...rest });
  }

  /**
   * A full computation of `scope` from the published comments the thread holds for `base`, with a change
   * applied first (comments withdrawn from or changed since `base`'s model, comments it lacks): only the
   * change crosses; every membership comes back. The thread holds `base`'s model afterwards as before.
   */
  derive(
    scope: ThemeScope,
    {
      added,
      ...rest
    }: {
      base: ThemeScope;
      added: readonly ThemeItem[];
      removed: string[];
      asOf: string;
      previous: PreviousTheme[];
      corrections?: ThemeCorrection[];
    },
  ) {
    return this.#request(added, { kind: 'derive', scope, ...rest });
  }

  /**
   * Which of a theme's comments (its distinct texts) to split off, proposed on the thread, where the word
   * vectors are; the thread answers in order, so it waits for a computation sent before it.
   */
  proposeSplit(
    texts: string[],
    { published, label }: { published: boolean[]; label: string },
  ): Promise<SplitProposal | null> {
    if (this.#closed) return Promise.reject(new Error('themes engine closed'));
    const worker = this.#start();
    const id = ++this.#nextId;
    const answer = new Promise<SplitProposal | null>((resolve, reject) =>
      this.#proposals.set(id, { resolve, reject }),
    );
    worker.ref();
    worker.postMessage({ kind: 'split', id, texts, published, label } satisfies EngineRequest);
    return answer;
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

  async #request(items: readonly ThemeItem[], message: Unnumbered<Computation>): Promise<Computed> {
    if (this.#closed) throw new Error('themes engine closed');
    const worker = this.#start();
    const id = ++this.#nextId;
    const answer = new Promise<Computed>((resolve, reject) => {
      this.#pending.set(id, {
        resolve,
        reject,
        complete: message.kind === 'compute' || message.kind === 'derive',
        themes: [],
        byId: new Map(),
        hidden: [],
        unclustered: 0,
        memberships: new Map(),
      });
    });
    // Waiting on the thread keeps the process alive; an idle thread does not.
    worker.ref();
    for (let from = 0; from < items.length; from += SLICE) {
      if (from > 0) await nextTurn();
      // Lost meanwhile (crashed or closed): the answer is already rejected.
      if (this.#worker !== worker) return answer;
      worker.postMessage({
        kind: 'items',
        id,
        items: items
          .slice(from, from + SLICE)
          .map(({ id, text, day, published }) => ({ id, text, day, published })),
      } satisfies EngineRequest);
    }
    if (this.#worker === worker) worker.postMessage({ ...message, id } as Computation);
    return answer;
  }

  #receive(worker: Worker, reply: EngineReply): void {
    const proposal = this.#proposals.get(reply.id);
    if (proposal) {
      this.#proposals.delete(reply.id);
      if (this.#pending.size === 0 && this.#proposals.size === 0) worker.unref();
      if (!reply.ok) return proposal.reject(reply.error);
      return 'split' in reply
        ? proposal.resolve(reply.split)
        : proposal.reject(new Error('the themes engine answered a split proposal with a computation'));
    }
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    if (!reply.ok) return this.#settle(worker, reply.id, () => pending.reject(reply.error));
    if ('split' in reply)
      return this.#settle(worker, reply.id, () =>
        pending.reject(new Error('the themes engine answered a computation with a split proposal')),
      );
    if (reply.heap) this.#heap = reply.heap;
    if (reply.themes) {
      pending.themes = reply.themes;
      for (const theme of reply.themes) pending.byId.set(theme.id, theme);
    }
    if (reply.hidden) pending.hidden = reply.hidden;
    if (reply.unclustered !== undefined) pending.unclustered = reply.unclustered;
    for (const membership of reply.memberships) {
      pending.memberships.set(membership.itemId, membership);
      if (pending.complete && membership.themeId !== null)
        pending.byId.get(membership.themeId)!.itemIds.push(membership.itemId);
    }
    if (reply.done) {
      const { themes, hidden, unclustered, memberships, complete } = pending;
      return this.#settle(worker, reply.id, () =>
        pending.resolve({ themes, hidden, unclustered, memberships, complete }),
      );
    }
    // The next part once the loop has turned: what waited behind this one goes first.
    setImmediate(() => {
      if (this.#worker === worker && this.#pending.has(reply.id))
        worker.postMessage({ kind: 'more', id: reply.id } satisfies EngineRequest);
    });
  }

  #settle(worker: Worker, id: number, settle: () => void): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0 && this.#proposals.size === 0) worker.unref();
    settle();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER, { resourceLimits: this.#resourceLimits });
    worker.unref();
    worker.on('message', (reply: EngineReply) => this.#receive(worker, reply));
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
    for (const { reject } of this.#proposals.values()) reject(error);
    this.#pending.clear();
    this.#proposals.clear();
  }
}
