import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThemeScope, ThemeSource } from '../../db/tables/themes.ts';
import { keepsStored, ThemeEngineWorker, type Computed } from './engine-client.ts';
import {
  latestRun,
  listCorrections,
  nextTurn,
  previousThemes,
  retiredThemes,
  rowFingerprint,
  saveSnapshot,
  SLICE,
  StaleCopyError,
  StaleSnapshotError,
  type SaveStats,
  type SnapshotCopy,
  type SnapshotItem,
  type SnapshotMove,
} from './queries.ts';
import type { SourceDigest, SourceItem, ThemeSources } from '../shared/theme-sources.ts';
import { today } from '../shared/days.ts';

// The recompute job. Two snapshots are kept: 'public' (published text only) and 'all' (moderators).
// Content events (publish, hide, new pulse comment…) are debounced: a burst of moderation decisions
// causes one recompute of 'all', DEBOUNCE_MS after the last event (at most MAX_WAIT_MS after the
// first). 'public' never follows events: it is recomputed on a fixed schedule (a leased job, see
// routes.ts), so polling the public themes cannot tell when anyone wrote. Across nodes, runs go
// through leased jobs (server/plugins/jobs.ts): one writer per snapshot at a time.
//
// Full or incremental? A full computation re-finds the themes (new topics appear, labels follow the
// words) and keeps ids by similarity; it is cheap up to a few thousand comments. Above FULL_UP_TO
// comments, a small change (see SMALL_CHANGE) is applied incrementally — new comments join their most likely
// theme, withdrawn ones leave — and every FULL_EVERY-th run is full again so new topics still surface.
// While the engine thread holds the scope's model, a full computation there (at any size) starts from
// the comments it holds with the change applied ('recompute'): only the change crosses, and only the
// memberships that moved come back, so neither kind of run costs this thread the corpus (it still reads
// every source to find the change). Below FULL_UP_TO runs come every 10 s under a steady stream: sent
// over in full, each one's answer and rows were what slowed room delivery in the second after its save.
//
// The engine runs on its own thread (engine-client.ts), which keeps the models between runs; the
// database stays here. This side remembers what each model was computed from, to send only the change.

export const DEBOUNCE_MS = 1500;
const MAX_WAIT_MS = 10_000;
/**
 * Above FULL_UP_TO comments a change waits up to a minute (a steady stream of writes never lets the
 * debounce settle, so this is how often runs come). Each run reads every source and takes its answer
 * back on this thread; at 10 s apart, with 20 writes a second, those runs were what held up live traffic
 * (room delivery p99 2× its first minute in the 15-minute soak). Moderators' themes are a minute old at
 * most; "Recompute now" still runs at once.
 */
export const LARGE_MAX_WAIT_MS = 60_000;
const FULL_UP_TO = 5000;
const FULL_EVERY = 20;
/**
 * A change of up to SMALL_CHANGE of the corpus is applied incrementally; one up to LARGE_CHANGE too while
 * the last full run is under FULL_AT_LEAST_EVERY_MS old. At a run a minute under a steady stream (20
 * writes a second: 1,200 a run) every run below 24k comments was otherwise full, each sending the whole
 * corpus to the engine thread and every membership back; new topics still surface within ten minutes.
 */
const SMALL_CHANGE = 0.05;
const LARGE_CHANGE = 0.25;
const FULL_AT_LEAST_EVERY_MS = 10 * 60_000;
/**
 * Above FULL_UP_TO comments the job paces itself: after a run of d ms the next waits until at least
 * PACE × d ms after it ended, so under a steady stream of writes the recompute is busy at most
 * 1 / (1 + PACE) of the time whatever the corpus size. A run's duration grows with the corpus; without
 * pacing so did its share of the machine, and live traffic (room delivery) slowed as the corpus grew.
 * Freshness gives way instead: at 27k comments and ~1 s runs the moderators' themes are at most ~20 s old.
 */
export const PACE = 10;
/**
 * Whether the engine thread keeps a scope's model between runs, for incremental updates. The public
 * snapshot runs once an hour (THEMES_PUBLIC_EVERY_MINUTES): kept, its model would hold ~1 KB a comment
 * (~100 MB at 100k) to save one full computation an hour (~15 s of the thread's CPU at 100k).
 */
const KEEPS_MODEL: Record<ThemeScope, boolean> = { all: true, public: false };
/**
 * A scope computed from another's model on the engine thread: the employees' snapshot is the published
 * part of what the moderators' model holds, so its hourly run sends only the comments changed since the
 * moderators' last run, and takes the text of its rows in SQL from the moderators' rows (SnapshotCopy).
 * Computed from the sources instead, each hourly run read every published comment's text on the server's
 * thread and sent it over (3.1 s at the soak's 27k comments, with 45 ms of room delivery beside it and the
 * server's heap from 69 to 127 MB).
 */
const DERIVES_FROM: Partial<Record<ThemeScope, ThemeScope>> = { public: 'all' };

/**
 * The most comments one snapshot themes: the newest MAX_ITEMS (by day). Trends look back at most 16
 * weeks and the daily series 90 days, so while the newest 100k span that long a ceiling on the oldest
 * comments costs nothing a moderator sees, and it bounds what the engine thread and this side hold however large the corpus grows
 * (the 100k bench peaks at ≈ 0.6 GB, `npm run bench:themes -- speed`; a 1M-item corpus is themed as its
 * newest 100k).
 */
export const MAX_ITEMS = 100_000;

interface ScopeState {
  /** The engine generation holding this scope's model (a new thread has none). */
  generation: number;
  /** What each item was computed from: its source's hash (computed in SQL; this side holds no text). */
  items: Map<string, string>;
  runsSinceFull: number;
  /** When its last full computation ended (Date.now()). */
  fullAt: number;
}

/** The source hash and the source a stored row key (`theme|hash|source|sentiment|centrality`) names. */
function storedRow(key: string | undefined): { hash: string; source: ThemeSource } | undefined {
  if (key === undefined) return undefined;
  const [, hash, source] = key.split('|', 3);
  return { hash: hash!, source: source as ThemeSource };
}

/** The fingerprint of the row a stored key describes (as saveSnapshot wrote it). */
function keyFingerprint(scope: ThemeScope, itemId: string, key: string): string {
  const [themeId, hash, source, sentiment] = key.split('|');
  return rowFingerprint(scope, {
    itemId,
    themeId: themeId!,
    hash: hash!,
    source: source as ThemeSource,
    sentiment: Number(sentiment),
  });
}

/** The newest `limit` items (by day, then id), or all of them. */
export function newest<Item extends { id: string; day: string }>(items: Item[], limit = MAX_ITEMS): Item[] {
  if (items.length <= limit) return items;
  return [...items]
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, limit);
}

export class ThemesJob {
  readonly #db: Kysely<Database>;
  readonly #log: FastifyBaseLogger;
  readonly #sources: ThemeSources;
  readonly #engine: ThemeEngineWorker;
  readonly #states = new Map<ThemeScope, ScopeState>();
  #timer: NodeJS.Timeout | null = null;
  #firstEventAt = 0;
  #running: Promise<void> | null = null;
  /** Scopes asked for while a run was going: the next round computes them. */
  #pending = new Set<ThemeScope>();
  /** Requests handed to `requestRun` that have not settled yet (idle() waits for them). */
  #requests = 0;
  /** How a change asks for a recompute of 'all' (the routes route it through the leased job). */
  requestRun: () => Promise<void> = () => this.recompute(['all']);
  #closed = false;
  #waiters: Array<() => void> = [];
  /** When the last run here ended and how long it took, if its corpus was large enough to pace. */
  #paced: { endedAt: number; durationMs: number } | null = null;
  #scheduleAfterRun = false;
  /** The last run here read more than FULL_UP_TO comments. */
  #large = false;
  /** Counts forgetModels() calls: a run that began before one does not record what the engine holds. */
  #forgotten = 0;
  /** Per scope, this node's last save: when (theme_run.computed_at) and each row's key. */
  readonly #saved = new Map<ThemeScope, { computedAt: Date; rows: Map<string, string> }>();

  constructor(
    { db, log, sources }: { db: Kysely<Database>; log: FastifyBaseLogger; sources: ThemeSources },
    engine = new ThemeEngineWorker(log),
  ) {
    this.#db = db;
    this.#log = log;
    this.#sources = sources;
    this.#engine = engine;
  }

  /** The engine thread's heap after its last computation (for operators and the soak bench). */
  get engineHeap() {
    return this.#engine.heap;
  }

  /**
   * Which of these texts (one theme's distinct comments) to split off, proposed on the engine thread;
   * the part is named from its published texts only, never repeating `label` (the theme's name).
   */
  proposeSplit(texts: string[], options: { published: boolean[]; label: string }) {
    return this.#engine.proposeSplit(texts, options);
  }

  /** Something changed: recompute the moderators' snapshot soon (debounced). */
  schedule(): void {
    if (this.#closed) return;
    const now = Date.now();
    if (!this.#timer) this.#firstEventAt = now;
    else clearTimeout(this.#timer);
    const rest = this.#paced ? this.#paced.endedAt + PACE * this.#paced.durationMs - now : 0;
    const maxWait = this.#large ? LARGE_MAX_WAIT_MS : MAX_WAIT_MS;
    const wait = Math.max(0, rest, Math.min(DEBOUNCE_MS, this.#firstEventAt + maxWait - now));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // Events during a run are paced from its end, not run back to back behind it.
      if (this.#running) this.#scheduleAfterRun = true;
      else void this.track(this.requestRun());
    }, wait);
  }

  /** Counts a pending request toward idle() (it may start a run here, or on another node). */
  track(request: Promise<void>): Promise<void> {
    this.#requests++;
    return request
      .catch(() => {})
      .finally(() => {
        this.#requests--;
        this.#settle();
      });
  }

  /** A moderator corrected a theme: the next run of every scope computes in full, with the correction. */
  forgetModels(): void {
    this.#states.clear();
    this.#forgotten++;
  }

  /** Recomputes now (runs are serialised; a call during a run causes one more run after it). */
  async recompute(scopes: ThemeScope[] = ['all', 'public']): Promise<void> {
    for (const scope of scopes) this.#pending.add(scope);
    // A run in progress picks the new scopes up in its next round.
    if (this.#running) return this.#running;
    this.#running = (async () => {
      try {
        while (this.#pending.size > 0 && !this.#closed) {
          const round = new Set(this.#pending);
          this.#pending.clear();
          await this.#run(round);
        }
      } catch (error) {
        if (!this.#closed) this.#log.error({ err: error }, 'themes recompute failed');
        throw error;
      } finally {
        this.#running = null;
        if (this.#scheduleAfterRun) {
          this.#scheduleAfterRun = false;
          this.schedule();
        }
        this.#settle();
      }
    })();
    return this.#running;
  }

  /** Resolves once nothing is scheduled or running (tests wait on this instead of sleeping). */
  idle(): Promise<void> {
    if (!this.#timer && !this.#running && this.#requests === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #settle(): void {
    if (this.#timer || this.#running || this.#requests > 0) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    // A computation still running is abandoned: its snapshot would not be saved anyway.
    await this.#engine.close();
    await this.#running?.catch(() => {});
    this.#settle();
  }

  async #run(scopes: Set<ThemeScope>): Promise<void> {
    const started = performance.now();
    const asOf = today();
    let count = 0;
    if (scopes.has('all')) count = await this.#runScope('all', asOf);
    if (scopes.has('public') && !this.#closed) count = Math.max(count, await this.#runScope('public', asOf));
    this.#large = count > FULL_UP_TO;
    this.#paced = this.#large ? { endedAt: Date.now(), durationMs: performance.now() - started } : null;
  }

  /** Computes and saves one scope's snapshot; answers how many comments it themed. */
  async #runScope(scope: ThemeScope, asOf: string): Promise<number> {
    const started = performance.now();
    const inScope = (item: SourceDigest) => scope === 'all' || item.published;
    const state = this.#states.get(scope);
    const forgotten = this.#forgotten;
    // Until this run is saved, what the engine holds for the scope is not known to be what `state` says
    // (a run that fails after the engine changed its model would leave the two apart, and later runs, and
    // the scopes derived from it, would build on comments the sources no longer hold): set again at the end.
    this.#states.delete(scope);
    const last = this.#saved.get(scope);
    // Nothing to read: an empty snapshot, without loading any language model.
    let computed: Computed = {
      themes: [],
      hidden: [],
      unclustered: 0,
      memberships: new Map(),
      complete: true,
    };
    /**
     * 'update': the change applied to the model kept on the engine thread. 'recompute': a full computation
     * there, from the comments it holds with the change applied. 'derive': a full computation there from
     * the comments another scope's model holds (DERIVES_FROM), with the change since applied. 'full': from
     * every source, sent over. All but the last send only the change; the first two take back only
     * changed memberships.
     */
    let mode: 'update' | 'recompute' | 'derive' | 'full' = 'full';
    const base = DERIVES_FROM[scope];
    const baseState = base && this.#states.get(base);
    /** What each themed comment was computed from (its source's hash), and the oldest day among them. */
    let hashes = new Map<string, string>();
    let firstDay: string | null = null;
    /** Comments read in full this run (text and all): those sent to the engine, and rows to write. */
    const placed = new Map<string, SourceItem>();
    /** Withdrawn items (changed ones are withdrawn and added again). */
    let removed: string[] = [];
    if (state?.generation === this.#engine.generation && last) {
      // The change, found from digests (hashes computed in SQL): only what changed is read in full.
      const digests = newest(await this.#sources.digest(this.#db)).filter(inScope);
      for (const [n, digest] of digests.entries()) {
        if (n % SLICE === SLICE - 1) await nextTurn();
        hashes.set(digest.id, digest.hash);
        if (firstDay === null || digest.day < firstDay) firstDay = digest.day;
      }
      removed = [...state.items].filter(([id, hash]) => hashes.get(id) !== hash).map(([id]) => id);
      const changed = new Set(removed);
      const fresh = digests.filter((digest) => !state.items.has(digest.id) || changed.has(digest.id));
      const added = (await this.#sources.read(this.#db, fresh)).filter(inScope);
      for (const item of added) {
        placed.set(item.id, item);
        hashes.set(item.id, item.hash); // as read (it may have changed since its digest)
      }
      // Gone between the digest and the read: not sent, so not held.
      for (const digest of fresh) if (!placed.has(digest.id)) hashes.delete(digest.id);
      const share = (removed.length + added.length) / Math.max(1, hashes.size);
      const fullIsRecent = Date.now() - state.fullAt < FULL_AT_LEAST_EVERY_MS;
      if (hashes.size === 0) {
        // Everything withdrawn: the full path below saves the empty snapshot.
      } else if (
        hashes.size > FULL_UP_TO &&
        state.runsSinceFull < FULL_EVERY &&
        (share <= SMALL_CHANGE || (share <= LARGE_CHANGE && fullIsRecent))
      ) {
        mode = 'update';
        computed = await this.#engine.update(scope, { added, removed, asOf });
      } else {
        mode = 'recompute';
        const [previous, corrections] = await Promise.all([
          retiredThemes(this.#db, scope),
          listCorrections(this.#db),
        ]);
        computed = await this.#engine.recompute(scope, { added, removed, asOf, previous, corrections });
      }
    } else if (base && baseState?.generation === this.#engine.generation) {
      const every = newest(await this.#sources.digest(this.#db));
      const now = new Map<string, string>();
      for (const [n, digest] of every.entries()) {
        if (n % SLICE === SLICE - 1) await nextTurn();
        now.set(digest.id, digest.hash);
        if (!inScope(digest)) continue;
        hashes.set(digest.id, digest.hash);
        if (firstDay === null || digest.day < firstDay) firstDay = digest.day;
      }
      // Held there as it is now: the same hash (which covers whether it is published; the thread keeps
      // only the published ones). Changed or gone since, it is withdrawn; what is in scope and not held
      // as it is now is read and sent.
      removed = [...baseState.items].filter(([id, hash]) => now.get(id) !== hash).map(([id]) => id);
      const fresh = every.filter(
        (digest) => inScope(digest) && baseState.items.get(digest.id) !== digest.hash,
      );
      const added = (await this.#sources.read(this.#db, fresh)).filter(inScope);
      for (const item of added) {
        placed.set(item.id, item);
        hashes.set(item.id, item.hash);
      }
      for (const digest of fresh) if (!placed.has(digest.id)) hashes.delete(digest.id);
      if (hashes.size > 0) {
        mode = 'derive';
        const [previous, corrections] = await Promise.all([
          previousThemes(this.#db, scope),
          listCorrections(this.#db),
        ]);
        computed = await this.#engine.derive(scope, { base, added, removed, asOf, previous, corrections });
        // Every comment it themed must be one in scope now, and each once: else the base's model is not
        // what this side knows it holds (and the scope would show what it must not): start it over.
        const themed = [...computed.memberships.keys()];
        if (themed.length !== hashes.size || !themed.every((id) => hashes.has(id))) {
          this.#log.error(
            { scope, base },
            'themes: derived corpus differs from the sources; computing in full',
          );
          this.#states.delete(base);
          this.#engine.forget(base);
          return this.#runScope(scope, asOf);
        }
      }
    }
    if (mode === 'full') {
      // The digests first, then the text of only what is in scope, a batch of ids at a time: read whole,
      // every source's text crossed to this thread in one go, and the public snapshot's hourly run read
      // all 27k comments to keep the ~1k published ones (the soak's worst window, 99 ms).
      const inScopeNow = newest(await this.#sources.digest(this.#db)).filter(inScope);
      const sources = (await this.#sources.read(this.#db, inScopeNow)).filter(inScope);
      if (this.#closed) return 0;
      hashes = new Map();
      firstDay = null;
      for (const [n, item] of sources.entries()) {
        if (n % SLICE === SLICE - 1) await nextTurn();
        hashes.set(item.id, item.hash);
        placed.set(item.id, item);
        if (firstDay === null || item.day < firstDay) firstDay = item.day;
      }
      if (sources.length > 0) {
        const [previous, corrections] = await Promise.all([
          previousThemes(this.#db, scope),
          listCorrections(this.#db),
        ]);
        computed = await this.#engine.compute(scope, sources, { asOf, previous, corrections });
      }
    }
    const { themes, complete } = computed;
    /** A comment this node's last save stored as it is now (same source hash): its row holds its text. */
    const storedAsIs = (id: string) => {
      const stored = storedRow(last?.rows.get(id));
      return stored && stored.hash === hashes.get(id) ? stored : undefined;
    };
    // Memberships that moved without a change of their own (a recompute regroups) are moved in place, their
    // text left in the stored row. Only those with no stored row (in no theme until now) are read in full.
    // Derived from another scope, those whose row there holds them as they are now are copied in SQL —
    // while the base's stored snapshot is still this node's last save of it (else every copy would fail).
    const baseSaved = mode === 'derive' ? this.#saved.get(base!) : undefined;
    const baseRun = baseSaved && (await latestRun(this.#db, base!));
    const baseRows =
      baseSaved && baseRun && new Date(baseRun.computedAt).getTime() === baseSaved.computedAt.getTime()
        ? baseSaved.rows
        : undefined;
    /** Comment id → the key of the base scope's row its text is copied from. */
    const copies = new Map<string, string>();
    const unread: Array<{ id: string }> = [];
    for (const membership of computed.memberships.values()) {
      const id = membership.itemId;
      if (membership.themeId === null || placed.has(id) || storedAsIs(id)) continue;
      const baseKey = baseRows?.get(id);
      if (baseKey !== undefined && storedRow(baseKey)!.hash === hashes.get(id)) copies.set(id, baseKey);
      else unread.push({ id });
    }
    for (const item of await this.#sources.read(this.#db, unread))
      if (hashes.get(item.id) === item.hash) placed.set(item.id, item);
    // Each row as a short key (its theme, its source's hash, its scores): a row whose key equals the one
    // this node last saved is not built, hashed or written again. Every run used to build and hash a
    // row per comment, and those objects kept the collector busy enough to hold up live traffic. When
    // only the change came back, the keys are updated in place: the run's cost on this thread follows
    // the change, not the corpus.
    const keys = complete ? new Map<string, string>() : last!.rows;
    /** Rows withdrawn, or whose comment is now in no theme, that no placed comment took back. */
    const left = new Set<string>();
    for (const id of removed) if (keys.delete(id)) left.add(id);
    /** The rows to write in full, and (`all` false: a save of the change) the rows to move in place. */
    const rows = async (all: boolean) => {
      const items: SnapshotItem[] = [];
      const moved: SnapshotMove[] = [];
      const copied: SnapshotCopy[] = [];
      let n = 0;
      for (const membership of computed.memberships.values()) {
        if (++n % SLICE === 0) await nextTurn();
        const id = membership.itemId;
        const source = placed.get(id);
        const asStored = all || source ? undefined : storedAsIs(id);
        const copyOf = source || asStored ? undefined : copies.get(id);
        // In no theme, or changed since the engine read it (the next run sees the change): no row.
        if (membership.themeId === null || !(source ?? asStored ?? copyOf)) {
          if (keys.delete(id)) left.add(id);
          continue;
        }
        const { hash, source: from } = (source ?? asStored ?? storedRow(copyOf))!;
        const prefix = `${membership.themeId}|${hash}|${from}|${membership.sentiment}`;
        const stored = last?.rows.get(id);
        const unchanged = !all && keepsStored(stored, prefix, membership.centrality);
        keys.set(id, unchanged ? stored! : `${prefix}|${membership.centrality}`);
        left.delete(id);
        if (unchanged) continue;
        const row = {
          itemId: id,
          themeId: membership.themeId,
          source: from,
          hash,
          sentiment: membership.sentiment,
          centrality: membership.centrality,
        };
        if (copyOf !== undefined) {
          copied.push({ ...row, fromScope: base!, fromFingerprint: keyFingerprint(base!, id, copyOf) });
          continue;
        }
        if (!source) {
          moved.push(row);
          continue;
        }
        items.push({
          ...row,
          text: source.text,
          day: source.day,
          published: source.published,
          departmentId: source.departmentId,
          status: source.status ?? null,
          prompt: source.prompt?.text ?? null,
          promptAskedOn: source.prompt?.askedOn ?? null,
        });
      }
      return { items, moved, copied };
    };
    const snapshot = {
      scope,
      asOf,
      firstDay,
      themes,
      hidden: computed.hidden,
      itemCount: hashes.size,
      unclustered: computed.unclustered,
      incremental: mode === 'update',
    };
    let saved: SaveStats;
    try {
      const { items, moved, copied } = await rows(!last);
      if (this.#closed) return 0;
      const delta = last && {
        since: last.computedAt,
        removed: complete ? [...last.rows.keys()].filter((id) => !keys.has(id)) : [...left],
        moved,
      };
      saved = await saveSnapshot(
        this.#db,
        { ...snapshot, items, durationMs: performance.now() - started },
        delta ? { delta, copied } : { copied },
      );
    } catch (error) {
      this.#saved.delete(scope);
      if (!(error instanceof StaleSnapshotError || error instanceof StaleCopyError)) throw error;
      // The base scope's rows were saved since by someone else: run again, reading the text.
      if (error instanceof StaleCopyError) {
        this.#saved.delete(base!);
        return this.#runScope(scope, asOf);
      }
      // Saved since by someone else (another node, or a save whose answer was lost): compare in full.
      // Only the change came back, or rows were to be moved or copied: run again with nothing assumed stored.
      if (!complete || mode === 'derive') return this.#runScope(scope, asOf);
      const { items } = await rows(true);
      if (this.#closed) return 0;
      saved = await saveSnapshot(this.#db, { ...snapshot, items, durationMs: performance.now() - started });
    }
    this.#saved.set(scope, { computedAt: saved.computedAt, rows: keys });
    // A correction made during the run: the next run computes in full, with it.
    if (hashes.size > 0 && KEEPS_MODEL[scope] && forgotten === this.#forgotten)
      this.#states.set(scope, {
        generation: this.#engine.generation,
        items: hashes,
        runsSinceFull: mode === 'update' ? (state?.runsSinceFull ?? 0) + 1 : 0,
        fullAt: mode === 'update' ? (state?.fullAt ?? 0) : Date.now(),
      });
    else {
      this.#states.delete(scope);
      this.#engine.forget(scope);
    }
    this.#log.info(
      {
        scope,
        items: hashes.size,
        themes: themes.length,
        incremental: mode === 'update',
        mode,
        themesWritten: saved.themesWritten,
        themesRetired: saved.themesRetired,
        itemsWritten: saved.itemsWritten,
        itemsMoved: saved.itemsMoved,
        itemsCopied: saved.itemsCopied,
        itemsDeleted: saved.itemsDeleted,
        /** Comments whose text was read this run (the rest were known from their digest). */
        itemsRead: placed.size,
        ms: Math.round(performance.now() - started),
        engineHeapMb: this.#engine.heap && Math.round(this.#engine.heap.used / 2 ** 20),
      },
      'themes recomputed',
    );
    return hashes.size;
  }
}

const jobs = new WeakMap<object, ThemesJob>();

/** The app's one themes job (created on first use; the routes plugin wires it to content events). */
export function themesJob(app: Pick<FastifyInstance, 'db' | 'log' | 'themeSources'>): ThemesJob {
  let job = jobs.get(app.db);
  if (!job) jobs.set(app.db, (job = new ThemesJob({ db: app.db, log: app.log, sources: app.themeSources })));
  return job;
}
