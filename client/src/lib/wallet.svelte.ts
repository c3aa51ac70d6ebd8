// OWNER: tokens feature. The public surface below is the contract other views code against.
// The wallet keeps the membership credential, unspent tokens, receipts, seats and the outbox in this
// browser's IndexedDB — nothing that names the person.
//
// What the operator must never see (issue 13): an identified request (one carrying the credential:
// enrolling, fetching tokens) next to the same person's anonymous write, in time or in the database's
// transaction order. So:
// - ordinary page loads send no credential; tokens are fetched in whole batches at enrolment and then
//   at random moments (a scheduled refill, or soon after a new key appears in the public directory);
// - anonymous writes go through an outbox that survives a closed tab and sends each one at a random
//   moment, never before a random quiet period after the last identified request;
// - a refill never starts while the outbox holds anything, nor within a quiet period after a send;
// - keys come only from the public directory, one per scope per period (see wallet/key-checks.ts).
import { today } from '../../../common/days.ts';
import { newReceipt } from '../../../common/receipts.ts';
import { ApiError, post } from './api.ts';
import { t } from './i18n/index.ts';
import { tokensApi, type PublishedKey } from './api/tokens.ts';
import { forgetAllTraces } from './browser-traces.ts';
import { openWalletStore, STORE_NAMES, type WalletStore } from './wallet/idb.ts';
import { acceptKeys, unknownBudgetKeys, type AcceptedKey } from './wallet/key-checks.ts';
import { isRedeemableAt, keyIsForHost, MAX_BATCH, tokenKeyIdOf } from './wallet/keys.ts';
import {
  afterExchange,
  DEFAULT_POLICY,
  draw,
  loadPolicy,
  sendMoment,
  type WalletPolicy,
} from './wallet/timing.ts';
import { departmentScope, hasDepartmentSibling, isDepartmentScope, planFill } from './wallet/department.ts';

/** A receipt the browser keeps: the only way back to an anonymous conversation. */
export interface WalletReceipt {
  kind: 'suggestion' | 'kudos';
  /** Id of the anonymous item; empty while it waits in the outbox. */
  id: string;
  receipt: string;
  /** First words of what was written, so the author recognises it. Never sent to the server. */
  excerpt: string;
  day: string;
  /** The conversation's state when the person last saw it (see receiptState); absent: never checked. */
  seen?: string;
  /** Its state at the last background check: different from `seen` means news (a reply, a decision). */
  latest?: string;
}

/** What counts as news in a conversation: its status, a rejection reason, the number of moderator replies. */
export function receiptState(thread: {
  item: { status: string; reason?: string };
  messages: { from: string }[];
}): string {
  const replies = thread.messages.filter((message) => message.from === 'moderator').length;
  return `${thread.item.status}|${thread.item.reason ?? ''}|${replies}`;
}

/** The state of a suggestion or kudos just sent: awaiting a moderator, no reply. */
export const SENT_STATE = 'pending||0';

/** A focus-group seat: the seat secret goes in the socket's first frame, never in a URL. */
export interface WalletSeat {
  focusGroupId: string;
  seat: string;
  pseudonym: string;
}

/** An unspent token: the ready Authorization header value and when its key accepts it. */
export interface HeldToken {
  id: string;
  scope: string;
  tokenKeyId: string;
  header: string;
  notBefore: string;
  notAfter: string;
}

export type OutboxKind = 'suggestion' | 'kudos' | 'vote' | 'pulse' | 'seat' | 'handoff';

/** An anonymous write waiting for its moment. Its token is already taken from the wallet. */
export interface OutboxEntry {
  id: string;
  kind: OutboxKind;
  /** What it is about: the suggestion voted for, the pulse answered, the focus group joined. */
  target?: string;
  scope: string;
  path: string;
  body: Record<string, unknown>;
  authorization: string;
  /** Not sent before this moment (ms since the epoch). */
  sendAt: number;
  /** Sent before this moment: its token's key stops being accepted then (a week's or a pulse's key). */
  sendBy?: number;
  attempts: number;
  /** Why it could not be sent (shown to the person); null while it waits. */
  failed: string | null;
  /** For suggestions and kudos: the receipt the browser made for it. */
  receipt?: string;
}

export interface QueueRequest {
  kind: OutboxKind;
  scope: string;
  path: string;
  body?: Record<string, unknown>;
  target?: string;
  /** Suggestions and kudos: what to show in the wallet's receipt list. */
  excerpt?: string;
}

interface Meta {
  /** Anonymous writes wait until at least this moment (after enrolment or any identified request). */
  holdUntil: number;
  /**
   * When this browser enrolled (the enrolment's answer, before its first refill) and when its last
   * identified exchange ended (0: never). The first writes' hold counts from the enrolment, not from the
   * refill's end: a refill under load ends in the order people enrolled, stretched by however long it
   * took, and holds counted from those ends let an operator rank writes by them (issue 13 attack: 1.2–1.6×
   * chance). A refill that runs past a drawn moment only delays that write a quiet period past its end.
   */
  enrolledAt: number;
  identifiedAt: number;
  /** Identified requests wait until at least this moment (after an anonymous write or receipt check). */
  identifiedNotBefore: number;
  /** When the next scheduled refill is due. */
  nextRefillAt: number;
  /** Keys accepted from the public directory, one per scope per period. */
  acceptedKeys: AcceptedKey[];
  /** Keys whose budget was already fetched: a key not in here is new and gets a refill soon. */
  fetchedKeys: string[];
}

const freshMeta = (): Meta => ({
  holdUntil: 0,
  enrolledAt: 0,
  identifiedAt: 0,
  identifiedNotBefore: 0,
  nextRefillAt: 0,
  acceptedKeys: [],
  fetchedKeys: [],
});

const randomId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

class Wallet {
  /** True once IndexedDB was read. */
  loaded = $state(false);
  enrolled = $state(false);
  /** The department of the code this browser enrolled with (null: none); it can prove it, nothing else. */
  departmentId = $state<string | null>(null);
  departmentName = $state<string | null>(null);
  receipts = $state<WalletReceipt[]>([]);
  seats = $state<WalletSeat[]>([]);
  /** Unspent tokens of every scope (read-only outside; use remaining/spend). */
  tokens = $state.raw<HeldToken[]>([]);
  /** Anonymous writes waiting to leave this browser. */
  outbox = $state.raw<OutboxEntry[]>([]);
  /** False when the browser keeps nothing after the tab closes (no IndexedDB, e.g. some private windows). */
  persistent = $state(true);
  /** A background fetch is under way. */
  filling = $state(false);
  /** What went wrong last time tokens were fetched, in plain words (null: nothing). */
  problem = $state<string | null>(null);
  /** The server did something a fair server never does with keys (null: nothing seen). */
  warning = $state<string | null>(null);
  /** When the next refill is planned (for the wallet page). */
  nextRefillAt = $state<number | null>(null);

  #now = $state(Date.now());
  #store: WalletStore | null = null;
  #credential: string | null = null;
  #policy: WalletPolicy = DEFAULT_POLICY;
  #meta: Meta = freshMeta();
  #ready: Promise<void>;
  #refillChain: Promise<void> = Promise.resolve();
  /** Every receipt check of every page waits its turn here: one at a time, a random gap apart. */
  #receiptChain: Promise<void> = Promise.resolve();
  #lastReceiptCheckAt = 0;
  #pumping = false;
  #pumpTimer: ReturnType<typeof setTimeout> | undefined;
  #refillTimer: ReturnType<typeof setTimeout> | undefined;
  #waiters = new Map<
    string,
    { promise: Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();

  constructor() {
    this.#ready = typeof window === 'undefined' ? Promise.resolve() : this.#load();
  }

  /** Tokens held for a scope ('general', 'pulse:<id>', 'focus-group:<id>') that can be spent now. */
  remaining(scope = 'general'): number {
    return this.tokens.filter((token) => token.scope === scope && isRedeemableAt(token, this.#now)).length;
  }

  /** Tokens already fetched for a scope's next period (e.g. next week's general tokens). */
  upcoming(scope = 'general'): number {
    return this.tokens.filter((token) => token.scope === scope && Date.parse(token.notBefore) > this.#now)
      .length;
  }

  /** When the scope's current tokens stop being accepted (null: none held). */
  validUntil(scope = 'general'): Date | null {
    const ends = this.tokens
      .filter((token) => token.scope === scope && isRedeemableAt(token, this.#now))
      .map((token) => Date.parse(token.notAfter));
    return ends.length ? new Date(Math.max(...ends)) : null;
  }

  async enrol(code: string): Promise<void> {
    await this.#ready;
    await this.#keepMembership(await tokensApi.enrol(code.trim()));
  }

  /** Collects the credential of a finished company sign-in (the server hands it over once). */
  async enrolWithCompany(): Promise<void> {
    await this.#ready;
    await this.#keepMembership(await tokensApi.claimCompanyEnrolment());
  }

  async #keepMembership({
    credential,
    departmentId,
    departmentName,
  }: {
    credential: string;
    departmentId: string | null;
    departmentName: string | null;
  }): Promise<void> {
    await this.#store!.put('meta', credential, 'credential');
    await this.#store!.put('meta', departmentId ?? null, 'departmentId');
    await this.#store!.put('meta', departmentName ?? null, 'departmentName');
    this.#credential = credential;
    this.departmentId = departmentId ?? null;
    this.departmentName = departmentName ?? null;
    this.enrolled = true;
    this.problem = null;
    // The first anonymous writes wait a long random while: they must not follow the enrolment.
    await this.#saveMeta({
      holdUntil: Math.max(this.#meta.holdUntil, Date.now() + draw(this.#policy.holdAfterEnrolMs)),
      enrolledAt: Date.now(),
    });
    void this.#refill();
  }

  /**
   * Says a scope (a pulse, a focus group) will be wanted. Never fetches now: a fetch when a form shows
   * would sit right before the answer. It brings the next refill forward to a random moment instead.
   */
  async prefetch(scope: string): Promise<void> {
    await this.#ready;
    if (!this.enrolled || this.remaining(scope) + this.upcoming(scope) > 0) return;
    const soon = Date.now() + draw(this.#policy.newKeyMs);
    if (soon < this.#meta.nextRefillAt) {
      await this.#saveMeta({ nextRefillAt: soon });
      this.#scheduleRefill();
    }
  }

  /** Fetches tokens now, on the person's explicit request (the wallet page's button). */
  async refillNow(): Promise<void> {
    await this.#ready;
    await this.#refill();
  }

  /**
   * Puts an anonymous write in the outbox: takes one token of the scope (fetching one only if none is
   * held — that fetch then delays the write by a quiet period), stores the write so it survives a
   * closed tab, and sends it at its moment. Suggestions and kudos get their receipt here, made in the
   * browser, so the author has it before anything leaves.
   */
  async queue(request: QueueRequest): Promise<OutboxEntry> {
    await this.#ready;
    const held = await this.#spendToken(request.scope);
    const authorization = held.header;
    // A minute's margin before the key ends; a write queued in that last minute leaves at once.
    const sendBy = Math.max(Date.now(), Date.parse(held.notAfter) - 60_000);
    const receipt = request.kind === 'suggestion' || request.kind === 'kudos' ? newReceipt() : undefined;
    const now = Date.now();
    const entry: OutboxEntry = {
      id: randomId(),
      kind: request.kind,
      ...(request.target && { target: request.target }),
      scope: request.scope,
      path: request.path,
      body: { ...request.body, ...(receipt && { receipt }) },
      authorization,
      sendAt: Math.min(this.#sendMoment(now), sendBy),
      sendBy,
      attempts: 0,
      failed: null,
      ...(receipt && { receipt }),
    };
    let resolve!: (value: unknown) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<unknown>((yes, no) => ((resolve = yes), (reject = no)));
    promise.catch(() => {}); // nobody may be waiting for it
    this.#waiters.set(entry.id, { promise, resolve, reject });
    await this.#store!.put('outbox', entry);
    this.outbox = [...this.outbox, entry];
    if (receipt && (request.kind === 'suggestion' || request.kind === 'kudos')) {
      await this.addReceipt({
        kind: request.kind,
        id: '',
        receipt,
        excerpt: request.excerpt ?? '',
        day: today(),
        seen: SENT_STATE,
      });
    }
    this.#schedulePump();
    return entry;
  }

  /** Each write draws its own moment (see `sendMoment`). */
  #sendMoment(now: number): number {
    const { enrolledAt, identifiedAt } = this.#meta;
    return sendMoment({ now, enrolledAt, identifiedAt }, this.#policy);
  }

  /** Resolves with the server's answer once an entry queued by this page is sent; rejects if refused. */
  delivered<T>(entryId: string): Promise<T> {
    const waiter = this.#waiters.get(entryId);
    if (!waiter) return Promise.reject(new Error('This action was not queued by this page.'));
    return waiter.promise as Promise<T>;
  }

  /** The waiting (or failed) outbox entry of a kind, optionally for one target. */
  pending(kind: OutboxKind, target?: string): OutboxEntry | undefined {
    return this.outbox.find(
      (entry) => entry.kind === kind && (target === undefined || entry.target === target),
    );
  }

  /** Forgets a failed entry after the person has read why. */
  async dismiss(entryId: string): Promise<void> {
    await this.#store!.remove('outbox', entryId);
    this.outbox = this.outbox.filter((entry) => entry.id !== entryId);
  }

  /** Takes one token for the scope; returns the Authorization header value `PrivateToken token="…"`. */
  async spend(scope = 'general'): Promise<string> {
    return (await this.#spendToken(scope)).header;
  }

  async #spendToken(scope: string): Promise<HeldToken> {
    await this.#ready;
    if (!this.enrolled) throw new ApiError(401, 'not_enrolled', 'This browser is not enrolled yet.');
    let token = this.#take(scope);
    if (!token) {
      // Normally tokens are here long before they are needed; this is the fallback for a brand-new scope.
      await this.#refill(scope);
      token = this.#take(scope);
    }
    if (!token) {
      // A refill that failed says so: "already used" would be wrong, the budget may be untouched.
      if (this.problem) throw new ApiError(503, 'no_tokens', this.problem);
      const message =
        this.upcoming(scope) > 0 && scope !== 'general'
          ? t('walletMsg.notOpenYet')
          : scope === 'general'
            ? t('walletMsg.weekUsed')
            : t('walletMsg.oneUsed');
      throw new ApiError(429, 'no_tokens', message);
    }
    await this.#store!.remove('tokens', token.id);
    return token;
  }

  /**
   * Puts a token back when its request was refused before anything was written (a 400 or 404).
   * Never after a network error: the server may have spent it, and reusing it would link two requests.
   */
  async giveBack(header: string, scope = 'general'): Promise<void> {
    await this.#ready;
    const tokenKeyId = tokenKeyIdOf(header);
    const key = this.#meta.acceptedKeys.find((candidate) => candidate.tokenKeyId === tokenKeyId);
    if (!key || this.tokens.some((token) => token.header === header)) return;
    const token: HeldToken = {
      id: randomId(),
      scope,
      tokenKeyId: key.tokenKeyId,
      header,
      notBefore: key.notBefore,
      notAfter: key.notAfter,
    };
    await this.#store!.put('tokens', token);
    this.tokens = [...this.tokens, token];
  }

  async addReceipt(receipt: WalletReceipt): Promise<void> {
    await this.#ready;
    await this.#store!.put('receipts', $state.snapshot(receipt));
    this.receipts = [receipt, ...this.receipts.filter((entry) => entry.receipt !== receipt.receipt)];
  }

  async removeReceipt(receipt: string): Promise<void> {
    await this.#ready;
    await this.#store!.remove('receipts', receipt);
    this.receipts = this.receipts.filter((entry) => entry.receipt !== receipt);
  }

  async addSeat(seat: WalletSeat): Promise<void> {
    await this.#ready;
    await this.#store!.put('seats', $state.snapshot(seat));
    this.seats = [seat, ...this.seats.filter((entry) => entry.focusGroupId !== seat.focusGroupId)];
  }

  seatFor(focusGroupId: string): WalletSeat | undefined {
    return this.seats.find((seat) => seat.focusGroupId === focusGroupId);
  }

  /**
   * Runs `check` for each item one at a time, at random intervals and never within a quiet period of
   * an identified request: opening every receipt at once, right after a credential request, would tie
   * the receipts to one another and to the person.
   */
  async spaced<T>(items: T[], check: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
    await this.#ready;
    for (const item of items) {
      if (signal?.aborted) return;
      await this.#inTurn(() => check(item), signal);
    }
  }

  /**
   * One receipt check, after every check already waiting (from any page or the background watch) and a
   * random gap after the last one ended: two checks never overlap or follow each other closely.
   */
  #inTurn(check: () => Promise<void>, signal?: AbortSignal): Promise<void> {
    const turn = this.#receiptChain.then(async () => {
      const gapUntil = this.#lastReceiptCheckAt ? this.#lastReceiptCheckAt + draw(this.#policy.jitterMs) : 0;
      const wait = Math.max(this.#meta.holdUntil, gapUntil) - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (signal?.aborted) return;
      await this.#saveMeta({
        identifiedNotBefore: Math.max(
          this.#meta.identifiedNotBefore,
          Date.now() + draw(this.#policy.quietMs),
        ),
      });
      try {
        await check();
      } catch {
        // A failed check is retried on the next round; it must not stop the queue.
      } finally {
        this.#lastReceiptCheckAt = Date.now();
      }
    });
    this.#receiptChain = turn;
    return turn;
  }

  /** Receipts whose conversation changed since the person last looked. */
  get news(): WalletReceipt[] {
    return this.receipts.filter(
      (entry) => entry.latest !== undefined && entry.latest !== (entry.seen ?? entry.latest),
    );
  }

  /** Random draw from the policy's quiet range: the pause between two rounds of background checks. */
  drawQuiet(): number {
    return draw(this.#policy.quietMs);
  }

  /** Random draw from the policy's jitter range. */
  drawJitter(): number {
    return draw(this.#policy.jitterMs);
  }

  /**
   * Records a conversation's state: `viewed` when the person is looking at it (clears its news); a
   * background check only updates `latest`. A receipt never checked before takes the first state as seen.
   */
  async noteReceiptState(receipt: string, state: string, viewed: boolean): Promise<void> {
    const kept = this.receipts.find((entry) => entry.receipt === receipt);
    if (!kept) return;
    const seen = viewed ? state : (kept.seen ?? state);
    if (kept.latest === state && kept.seen === seen) return;
    await this.addReceipt({ ...$state.snapshot(kept), latest: state, seen });
  }

  /** When anonymous writes may leave at the earliest (for pages that explain the wait). */
  get holdUntil(): number {
    return this.#meta.holdUntil;
  }

  /**
   * Deletes everything this browser holds of Greenroom: credential, tokens, receipts, seats, what
   * waits in the outbox, the timing state, and the small memories beside the wallet (votes, answered
   * pulses). Whoever uses the browser next finds nothing.
   */
  async forget(): Promise<void> {
    await this.#ready;
    // The small memories go first and at once: they say the most about what was done.
    forgetAllTraces();
    for (const store of STORE_NAMES) await this.#store!.clear(store);
    this.#credential = null;
    this.#meta = freshMeta();
    this.departmentId = null;
    this.departmentName = null;
    this.enrolled = false;
    this.tokens = [];
    this.receipts = [];
    this.seats = [];
    this.outbox = [];
  }

  async #load(): Promise<void> {
    const { store, persistent } = await openWalletStore();
    this.#store = store;
    this.persistent = persistent;
    this.#credential = (await store.get<string>('meta', 'credential')) ?? null;
    this.departmentId = (await store.get<string | null>('meta', 'departmentId')) ?? null;
    this.departmentName = (await store.get<string | null>('meta', 'departmentName')) ?? null;
    this.#meta = { ...this.#meta, ...((await store.get<Partial<Meta>>('meta', 'timing')) ?? {}) };
    const now = Date.now();
    const tokens = await store.all<HeldToken>('tokens');
    for (const token of tokens) if (Date.parse(token.notAfter) <= now) await store.remove('tokens', token.id);
    this.tokens = tokens.filter((token) => Date.parse(token.notAfter) > now);
    this.receipts = (await store.all<WalletReceipt>('receipts')).sort((a, b) => b.day.localeCompare(a.day));
    this.seats = await store.all<WalletSeat>('seats');
    this.outbox = (await store.all<OutboxEntry>('outbox')).sort((a, b) => a.sendAt - b.sendAt);
    this.enrolled = this.#credential !== null;
    this.nextRefillAt = this.#meta.nextRefillAt || null;
    this.loaded = true;
    this.#policy = await loadPolicy();
    // Anything left in the outbox by a closed tab goes out now, at its moment; no credential is sent.
    this.#schedulePump();
    if (this.enrolled) void this.#watchDirectory();
    setInterval(() => (this.#now = Date.now()), 60_000);
    // New keys (a pulse opened, next week's key) are noticed from the public directory alone.
    setInterval(() => this.enrolled && void this.#watchDirectory(), 10 * 60_000);
  }

  async #saveMeta(change: Partial<Meta>): Promise<void> {
    this.#meta = { ...this.#meta, ...change };
    this.nextRefillAt = this.#meta.nextRefillAt || null;
    await this.#store!.put('meta', $state.snapshot(this.#meta), 'timing');
  }

  /** The soonest-ending spendable token of the scope, removed from the held list synchronously (or only looked at). */
  #take(scope: string, remove = true): HeldToken | undefined {
    const now = Date.now();
    const trusted = new Set(this.#meta.acceptedKeys.map((key) => key.tokenKeyId));
    const token = this.tokens
      .filter(
        (candidate) =>
          candidate.scope === scope && isRedeemableAt(candidate, now) && trusted.has(candidate.tokenKeyId),
      )
      .sort((a, b) => a.notAfter.localeCompare(b.notAfter))[0];
    if (token && remove) this.tokens = this.tokens.filter((candidate) => candidate.id !== token.id);
    return token;
  }

  /** Reads the public directory (no credential), checks its keys, and plans a refill for new ones. */
  async #watchDirectory(): Promise<PublishedKey[]> {
    const now = Date.now();
    // Base keys, and the department siblings of this browser's own department only.
    const mine = this.departmentId;
    const keys = (await tokensApi.keys().catch(() => ({ keys: [] as PublishedKey[] }))).keys.filter(
      (key) =>
        Date.parse(key.notAfter) > now &&
        (!isDepartmentScope(key.scope) || (!!mine && key.scope.endsWith(`@${mine}`))),
    );
    if (keys.some((key) => !keyIsForHost(key, location.host))) {
      this.warning = t('walletMsg.foreignKeys');
      return [];
    }
    const { accepted, trusted, problems } = acceptKeys(keys, this.#meta.acceptedKeys, now);
    if (problems.length > 0) this.warning = problems.join(' ');
    await this.#saveMeta({ acceptedKeys: accepted });
    const fetched = new Set(this.#meta.fetchedKeys);
    if (trusted.some((key) => !fetched.has(key.tokenKeyId))) {
      const soon = now + draw(this.#policy.newKeyMs);
      if (!this.#meta.nextRefillAt || soon < this.#meta.nextRefillAt)
        await this.#saveMeta({ nextRefillAt: soon });
    } else if (!this.#meta.nextRefillAt) {
      await this.#saveMeta({ nextRefillAt: now + draw(this.#policy.refillMs) });
    }
    this.#scheduleRefill();
    return trusted;
  }

  #scheduleRefill(): void {
    clearTimeout(this.#refillTimer);
    if (!this.enrolled || !this.#meta.nextRefillAt) return;
    const at = Math.max(this.#meta.nextRefillAt, this.#meta.identifiedNotBefore);
    // Timers longer than ~24.8 days overflow; a day is plenty (the page is rarely open that long).
    const wait = Math.min(Math.max(at - Date.now(), 0), 24 * 3600_000);
    this.#refillTimer = setTimeout(() => void this.#scheduledRefill(), wait);
  }

  async #scheduledRefill(): Promise<void> {
    const now = Date.now();
    const blocked =
      this.outbox.some((entry) => !entry.failed) ||
      now < this.#meta.identifiedNotBefore ||
      now < this.#meta.nextRefillAt;
    if (blocked) {
      // Try again later: after the outbox empties and a quiet period passes.
      await this.#saveMeta({
        nextRefillAt: Math.max(this.#meta.nextRefillAt, now + draw(this.#policy.quietMs)),
      });
      this.#scheduleRefill();
      return;
    }
    await this.#refill();
  }

  /**
   * The identified moment: asks the budget with the credential and fetches every token left, for
   * every trusted key (or one scope when a write needs a token nobody fetched yet). Anonymous writes
   * then wait a fresh quiet period.
   */
  #refill(scope?: string): Promise<void> {
    // One refill at a time: two at once would race for the same budget. A scoped refill asked for while
    // a full one runs waits for it and is skipped if that one brought the scope's token.
    const run = this.#refillChain.then(() =>
      scope && this.#take(scope, false) ? undefined : this.#refillNow(scope),
    );
    this.#refillChain = run.catch(() => {});
    return run;
  }

  async #refillNow(scope?: string): Promise<void> {
    const credential = this.#credential;
    if (!credential) return;
    this.filling = true;
    try {
      // Department siblings (`general@<dept>`, `pulse:<id>@<dept>`) are created when first asked for.
      if (this.departmentId) {
        const bases = new Set(
          (await tokensApi.keys().catch(() => ({ keys: [] as PublishedKey[] }))).keys
            .map((key) => key.scope)
            .filter((base) => !isDepartmentScope(base) && hasDepartmentSibling(base)),
        );
        for (const base of bases)
          await tokensApi.keys(departmentScope(base, this.departmentId)).catch(() => {});
      }
      // A department scope is filled through its base key (they share one budget).
      const wanted = scope && isDepartmentScope(scope) ? scope.slice(0, scope.lastIndexOf('@')) : scope;
      const trusted = (await this.#watchDirectory()).filter(
        (key) => !wanted || key.scope === wanted || key.scope.startsWith(`${wanted}@`),
      );
      const now = Date.now();
      await this.#saveMeta({
        holdUntil: Math.max(this.#meta.holdUntil, now + draw(this.#policy.quietMs)),
        identifiedAt: now,
        nextRefillAt: now + draw(this.#policy.refillMs),
      });
      const directory = (await tokensApi.keys().catch(() => ({ keys: [] as PublishedKey[] }))).keys;
      const budget = (await tokensApi.budget(credential)).keys;
      const strangers = unknownBudgetKeys(budget, directory);
      if (strangers.length > 0) this.warning = t('walletMsg.privateKey');
      const left = new Map(budget.map((entry) => [entry.tokenKeyId, entry.remaining]));
      const held = (heldScope: string, key: PublishedKey) =>
        this.tokens.filter((token) => token.scope === heldScope && token.tokenKeyId === key.tokenKeyId)
          .length;
      const mine = this.departmentId;
      const siblings = trusted.filter((key) => mine && key.scope.endsWith(`@${mine}`));
      const bases = trusted.filter((key) => !isDepartmentScope(key.scope));
      for (const { key, count } of planFill(bases, siblings, left, held, mine, MAX_BATCH)) {
        await this.#obtain(key, count, credential);
      }
      const end = Date.now();
      await this.#saveMeta({
        fetchedKeys: [...new Set([...this.#meta.fetchedKeys, ...trusted.map((key) => key.tokenKeyId)])],
        holdUntil: Math.max(this.#meta.holdUntil, end + draw(this.#policy.quietMs)),
        identifiedAt: end,
      });
      this.problem = null;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credential') {
        await this.#store!.remove('meta', 'credential');
        this.#credential = null;
        this.enrolled = false;
        this.problem = t('walletMsg.notRecognised');
      } else {
        this.problem = t('walletMsg.fetchFailed');
      }
    } finally {
      this.filling = false;
      await this.#redrawOutbox();
      this.#scheduleRefill();
    }
  }

  /**
   * After identified activity ends, every waiting write leaves no sooner than a fresh quiet period after
   * that end (it only ever moves later; its hold is not drawn again): a write queued while tokens were
   * still arriving must not leave right after them.
   */
  async #redrawOutbox(): Promise<void> {
    const now = Date.now();
    const waiting = this.outbox.filter((entry) => !entry.failed);
    if (waiting.length === 0) return;
    const redrawn = new Map(
      waiting.map((entry) => [
        entry.id,
        {
          ...entry,
          sendAt: Math.min(afterExchange(entry.sendAt, now, this.#policy), entry.sendBy ?? Infinity),
        },
      ]),
    );
    for (const entry of redrawn.values()) await this.#store!.put('outbox', entry);
    this.outbox = this.outbox.map((entry) => redrawn.get(entry.id) ?? entry);
    this.#schedulePump();
  }

  async #obtain(key: PublishedKey, count: number, credential: string): Promise<void> {
    // The Privacy Pass library loads only when tokens are fetched, not with the first page.
    const { obtainTokens } = await import('./wallet/privacy-pass.ts');
    const headers = await obtainTokens(key, count, (bytes, batched) =>
      tokensApi.issue(credential, bytes, batched),
    );
    const fresh: HeldToken[] = headers.map((header) => ({
      id: randomId(),
      scope: key.scope,
      tokenKeyId: key.tokenKeyId,
      header,
      notBefore: key.notBefore,
      notAfter: key.notAfter,
    }));
    for (const token of fresh) await this.#store!.put('tokens', token);
    this.tokens = [...this.tokens, ...fresh];
  }

  // ---- the outbox ----

  #schedulePump(): void {
    clearTimeout(this.#pumpTimer);
    const next = Math.min(...this.outbox.filter((entry) => !entry.failed).map((entry) => entry.sendAt));
    if (!Number.isFinite(next)) return;
    this.#pumpTimer = setTimeout(() => void this.#pump(), Math.max(0, next - Date.now()));
  }

  async #pump(): Promise<void> {
    // Nothing anonymous leaves while identified requests are under way; the refill's end redraws.
    if (this.#pumping || this.filling) return;
    this.#pumping = true;
    try {
      for (;;) {
        const due = this.outbox
          .filter((entry) => !entry.failed && entry.sendAt <= Date.now())
          .sort((a, b) => a.sendAt - b.sendAt)[0];
        if (!due) break;
        await this.#deliver(due);
      }
    } finally {
      this.#pumping = false;
      this.#schedulePump();
    }
  }

  async #deliver(entry: OutboxEntry): Promise<void> {
    const settle = async (change: Partial<OutboxEntry> | null) => {
      if (change === null) {
        await this.#store!.remove('outbox', entry.id);
        this.outbox = this.outbox.filter((other) => other.id !== entry.id);
      } else {
        const updated = { ...entry, ...change };
        await this.#store!.put('outbox', updated);
        this.outbox = this.outbox.map((other) => (other.id === entry.id ? updated : other));
      }
    };
    try {
      const answer = await post<Record<string, unknown>>(entry.path, entry.body, {
        authorization: entry.authorization,
      });
      await settle(null);
      await this.#afterSend(entry, answer);
      this.#waiters.get(entry.id)?.resolve(answer);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500 || error.code === 'rate_limited') {
        // No answer, or the server is busy: the same write (same token) goes again a little later.
        await settle({ attempts: entry.attempts + 1, sendAt: Date.now() + draw(this.#policy.jitterMs) * 2 });
        return;
      }
      if (error.status === 401 && error.code === 'token_spent' && entry.attempts > 0) {
        // An earlier try reached the server and only its answer was lost: the write is in.
        await settle(null);
        await this.#afterSend(entry, {});
        this.#waiters.get(entry.id)?.resolve({});
        return;
      }
      // Refused before anything was written: any answer but 401 leaves the token unspent.
      if (error.status !== 401) await this.giveBack(entry.authorization, entry.scope).catch(() => {});
      if (entry.receipt) await this.removeReceipt(entry.receipt);
      await settle({ failed: error.message });
      this.#waiters.get(entry.id)?.reject(error);
    }
  }

  async #afterSend(entry: OutboxEntry, answer: Record<string, unknown>): Promise<void> {
    // The next identified request waits a quiet period after any anonymous write.
    await this.#saveMeta({
      identifiedNotBefore: Math.max(this.#meta.identifiedNotBefore, Date.now() + draw(this.#policy.quietMs)),
    });
    if (entry.receipt && typeof answer.id === 'string') {
      const kept = this.receipts.find((receipt) => receipt.receipt === entry.receipt);
      if (kept) await this.addReceipt({ ...$state.snapshot(kept), id: answer.id });
    }
    if (entry.kind === 'seat' && entry.target && typeof answer.seat === 'string') {
      await this.addSeat({
        focusGroupId: entry.target,
        seat: answer.seat,
        pseudonym: String(answer.pseudonym),
      });
    }
  }
}

export const wallet = new Wallet();
