// OWNER: tokens feature (issue 3). The public surface below is the contract other views code against.
// The wallet keeps the membership credential, unspent tokens, receipts and seats in this browser's
// IndexedDB — nothing that names the person. Tokens are fetched in whole batches ahead of use.
import { ApiError } from './api.ts';
import { tokensApi, type PublishedKey } from './api/tokens.ts';
import { openWalletStore, type WalletStore } from './wallet/idb.ts';
import { isRedeemableAt, keyIsForHost, MAX_BATCH, tokenKeyIdOf } from './wallet/keys.ts';
import { departmentScope, hasDepartmentSibling, isDepartmentScope, planFill } from './wallet/department.ts';

/** A receipt the browser keeps: the only way back to an anonymous conversation. */
export interface WalletReceipt {
  kind: 'suggestion' | 'kudos';
  /** Id of the anonymous item. */
  id: string;
  receipt: string;
  /** First words of what was written, so the author recognises it. Never sent to the server. */
  excerpt: string;
  day: string;
}

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

const REFILL_EVERY_MS = 30 * 60 * 1000;

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
  /** False when the browser keeps nothing after the tab closes (no IndexedDB, e.g. some private windows). */
  persistent = $state(true);
  /** A background fetch is under way. */
  filling = $state(false);
  /** What went wrong last time tokens were fetched, in plain words (null: nothing). */
  problem = $state<string | null>(null);

  #now = $state(Date.now());
  #store: WalletStore | null = null;
  #credential: string | null = null;
  #ready: Promise<void>;
  #filling = new Map<string, Promise<void>>();

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
    const { credential, departmentId, departmentName } = await tokensApi.enrol(code.trim());
    await this.#store!.put('meta', credential, 'credential');
    await this.#store!.put('meta', departmentId ?? null, 'departmentId');
    await this.#store!.put('meta', departmentName ?? null, 'departmentName');
    this.#credential = credential;
    this.departmentId = departmentId ?? null;
    this.departmentName = departmentName ?? null;
    this.enrolled = true;
    this.problem = null;
    void this.#fill(null);
  }

  /** Fetch tokens for a scope ahead of use (e.g. when a pulse or focus group is listed). */
  async prefetch(scope: string): Promise<void> {
    await this.#ready;
    if (this.enrolled) await this.#fill(scope);
  }

  /**
   * Spends one token of the scope on `post`. The server spends a token only in the same transaction as
   * the write it pays for, so any answer but 401 (token refused or already spent) means the token is
   * still good and it goes back to the wallet. Without an answer (the network failed) nobody knows, so
   * it is not reused.
   */
  async spendOn<T>(scope: string, post: (authorization: string) => Promise<T>): Promise<T> {
    const authorization = await this.spend(scope);
    try {
      return await post(authorization);
    } catch (error) {
      if (error instanceof ApiError && error.status !== 401)
        await this.giveBack(authorization, scope).catch(() => {});
      throw error;
    }
  }

  /** Takes one token for the scope; returns the Authorization header value `PrivateToken token="…"`. */
  async spend(scope = 'general'): Promise<string> {
    await this.#ready;
    if (!this.enrolled) throw new ApiError(401, 'not_enrolled', 'This browser is not enrolled yet.');
    let token = this.#take(scope);
    if (!token) {
      // Normally tokens are here long before they are needed; this is the fallback for a brand-new scope.
      await this.#fill(scope);
      token = this.#take(scope);
    }
    if (!token) {
      const message =
        this.upcoming(scope) > 0 && scope !== 'general'
          ? 'This is not open yet; your token for it is ready.'
          : scope === 'general'
            ? "You have used all of this week's tokens. New ones arrive when the next week starts."
            : 'You have already used your one token for this.';
      throw new ApiError(429, 'no_tokens', message);
    }
    await this.#store!.remove('tokens', token.id);
    return token.header;
  }

  /**
   * Puts a token back when its request was refused before anything was written (a 400 or 404).
   * Never after a network error: the server may have spent it, and reusing it would link two requests.
   */
  async giveBack(header: string, scope = 'general'): Promise<void> {
    await this.#ready;
    const tokenKeyId = tokenKeyIdOf(header);
    const key = (await tokensApi.keys(scope)).keys.find((candidate) => candidate.tokenKeyId === tokenKeyId);
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

  /** Forgets everything in this browser: credential, tokens, receipts, seats. */
  async forget(): Promise<void> {
    await this.#ready;
    for (const token of this.tokens) await this.#store!.remove('tokens', token.id);
    for (const receipt of this.receipts) await this.#store!.remove('receipts', receipt.receipt);
    for (const seat of this.seats) await this.#store!.remove('seats', seat.focusGroupId);
    await this.#store!.remove('meta', 'credential');
    await this.#store!.remove('meta', 'departmentId');
    await this.#store!.remove('meta', 'departmentName');
    this.#credential = null;
    this.departmentId = null;
    this.departmentName = null;
    this.enrolled = false;
    this.tokens = [];
    this.receipts = [];
    this.seats = [];
  }

  async #load(): Promise<void> {
    const { store, persistent } = await openWalletStore();
    this.#store = store;
    this.persistent = persistent;
    this.#credential = (await store.get<string>('meta', 'credential')) ?? null;
    this.departmentId = (await store.get<string | null>('meta', 'departmentId')) ?? null;
    this.departmentName = (await store.get<string | null>('meta', 'departmentName')) ?? null;
    const now = Date.now();
    const tokens = await store.all<HeldToken>('tokens');
    for (const token of tokens) if (Date.parse(token.notAfter) <= now) await store.remove('tokens', token.id);
    this.tokens = tokens.filter((token) => Date.parse(token.notAfter) > now);
    this.receipts = (await store.all<WalletReceipt>('receipts')).sort((a, b) => b.day.localeCompare(a.day));
    this.seats = await store.all<WalletSeat>('seats');
    this.enrolled = this.#credential !== null;
    this.loaded = true;
    if (this.enrolled) void this.#fill(null);
    // Keeps `remaining` right across an epoch boundary and picks up newly published keys.
    setInterval(() => (this.#now = Date.now()), 60_000);
    setInterval(() => this.enrolled && void this.#fill(null), REFILL_EVERY_MS);
  }

  /** The soonest-ending spendable token of the scope, removed from the held list synchronously. */
  #take(scope: string): HeldToken | undefined {
    const now = Date.now();
    const token = this.tokens
      .filter((candidate) => candidate.scope === scope && isRedeemableAt(candidate, now))
      .sort((a, b) => a.notAfter.localeCompare(b.notAfter))[0];
    if (token) this.tokens = this.tokens.filter((candidate) => candidate.id !== token.id);
    return token;
  }

  /** Fetches whatever budget is left for the scope's keys (all published scopes when null). */
  #fill(scope: string | null): Promise<void> {
    const flight = scope ?? '*';
    let running = this.#filling.get(flight);
    if (!running) {
      running = this.#fillNow(scope).finally(() => this.#filling.delete(flight));
      this.#filling.set(flight, running);
    }
    return running;
  }

  async #fillNow(scope: string | null): Promise<void> {
    const credential = this.#credential;
    if (!credential) return;
    this.filling = true;
    try {
      const now = Date.now();
      // A department scope is filled through its base key (they share one budget).
      const asked = scope && isDepartmentScope(scope) ? scope.slice(0, scope.lastIndexOf('@')) : scope;
      const keys = (await tokensApi.keys(asked ?? undefined)).keys.filter(
        (key) => Date.parse(key.notAfter) > now,
      );
      const foreign = keys.filter((key) => !keyIsForHost(key, location.host));
      if (foreign.length > 0) {
        this.problem = 'The server offered keys that do not name this site, so no tokens were fetched.';
        return;
      }
      // Department siblings are created on first request: ask for this member's department's ones.
      const departmentId = this.departmentId;
      const siblings: PublishedKey[] = [];
      if (departmentId) {
        const bases = new Set(
          keys
            .filter((key) => !isDepartmentScope(key.scope) && hasDepartmentSibling(key.scope))
            .map((key) => key.scope),
        );
        for (const base of bases) {
          const found = (await tokensApi.keys(departmentScope(base, departmentId))).keys;
          siblings.push(
            ...found.filter((key) => keyIsForHost(key, location.host) && Date.parse(key.notAfter) > now),
          );
        }
      }
      const left = new Map(
        (await tokensApi.budget(credential)).keys.map((entry) => [entry.tokenKeyId, entry.remaining]),
      );
      const held = (scope: string, key: PublishedKey) =>
        this.tokens.filter((token) => token.scope === scope && token.tokenKeyId === key.tokenKeyId).length;
      const bases = keys.filter((key) => !isDepartmentScope(key.scope));
      for (const { key, count } of planFill(bases, siblings, left, held, departmentId, MAX_BATCH)) {
        await this.#obtain(key, count, credential);
      }
      this.problem = null;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_credential') {
        await this.#store!.remove('meta', 'credential');
        this.#credential = null;
        this.enrolled = false;
        this.problem = 'This browser’s membership is no longer recognised. Enrol again with a new code.';
      } else {
        this.problem = 'Could not fetch tokens just now; the wallet will try again later.';
      }
    } finally {
      this.filling = false;
    }
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
}

export const wallet = new Wallet();
