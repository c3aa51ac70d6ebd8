// Issuer keys: one RSA-2048 key per scope (`general` per epoch, `pulse:<id>`, `focus-group:<id>`).
// Private keys are stored sealed with the master secret and held decrypted in memory per node.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Secrets } from '../plugins/secrets.ts';
import { DEFAULT_SETTINGS, getSettings } from '../shared/settings.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import type { BudgetRule } from './queries.ts';
import {
  decodeTokenKey,
  encodeTokenKey,
  generateIssuerKey,
  modulusOf,
  tokenKeyIdOf,
  truncatedKeyId,
  type IssuerKeyPair,
} from './crypto.ts';
import { departmentScope, hasDepartmentSiblings, parseScope } from './scopes.ts';
import {
  appendKeyLog,
  deleteKeys,
  findKey,
  findOverlappingLoggedKey,
  insertKey,
  keysVersion,
  listKeys,
  lockKeyLog,
  type KeyRow,
} from './queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tokens stay redeemable this long after their key's end (clocks differ; requests are in flight). */
export const REDEMPTION_SKEW_MS = 10 * 60 * 1000;
/** Keys are destroyed, and their spent-token rows purged, this long after their end. */
export const RETIREMENT_GRACE_MS = DAY_MS;
const SEAL_PURPOSE = 'token-key';

export interface IssuerKey {
  /** token_key_id, hex. */
  id: string;
  idBytes: Buffer;
  truncatedId: number;
  scope: string;
  /** Budget stored with the key; `general` keys follow the admin setting instead (see budgetFor). */
  budget: number;
  notBefore: Date;
  notAfter: Date;
  /** SPKI (RSASSA-PSS) as published. */
  tokenKey: Buffer;
  keyPair: IssuerKeyPair;
  /** Big-endian modulus, to refuse blinded messages ≥ n before spending budget. */
  modulus: Buffer;
}

export const isIssuable = (key: IssuerKey, now = new Date()) => now < key.notAfter;
export const isRedeemable = (key: IssuerKey, now = new Date()) =>
  key.notBefore <= now && now.getTime() < key.notAfter.getTime() + REDEMPTION_SKEW_MS;

/** What key upkeep uses: the database, the master secret (keys are sealed with it), this node's keyring, a log. */
export interface KeyDeps {
  db: Kysely<Database>;
  secrets: Secrets;
  keyring: Keyring;
  log: FastifyBaseLogger;
}

/** The narrow dependencies of key upkeep, from the app (the keyring is the tokens feature's `tokenKeys`). */
export const keyDeps = (app: Pick<FastifyInstance, 'db' | 'secrets' | 'tokenKeys' | 'log'>): KeyDeps => ({
  db: app.db,
  secrets: app.secrets,
  keyring: app.tokenKeys,
  log: app.log,
});

function toIssuerKey(app: Pick<KeyDeps, 'secrets'>, row: KeyRow): IssuerKey {
  const tokenKey = Buffer.from(row.tokenKey);
  const idBytes = Buffer.from(row.id, 'hex');
  const privateKey: KeyObject = createPrivateKey({
    key: app.secrets.decrypt(SEAL_PURPOSE, Buffer.from(row.privateKey)),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  if (!tokenKeyIdOf(encodeTokenKey(publicKey)).equals(idBytes) || !decodeTokenKey(tokenKey)) {
    throw new Error(`token key ${row.id} does not match its private key`);
  }
  return {
    id: row.id,
    idBytes,
    truncatedId: row.truncatedId,
    scope: row.scope,
    budget: row.budget,
    notBefore: new Date(row.notBefore),
    notAfter: new Date(row.notAfter),
    tokenKey,
    keyPair: { privateKey, publicKey },
    modulus: modulusOf(publicKey),
  };
}

/** This node's view of the issuer keys: a cache of the token_key table, refreshed on a miss. */
export class Keyring {
  #byId = new Map<string, IssuerKey>();
  #loadedAt = 0;
  #version = '';
  readonly #app: Pick<KeyDeps, 'db' | 'secrets'>;

  constructor(deps: Pick<KeyDeps, 'db' | 'secrets'>) {
    this.#app = deps;
  }

  /** Every stored key (live and upcoming), re-read from the database at most every `maxAgeMs`. */
  async all(maxAgeMs = 30_000): Promise<IssuerKey[]> {
    if (Date.now() - this.#loadedAt > maxAgeMs) await this.reload();
    return [...this.#byId.values()];
  }

  /**
   * Every stored key, exactly as the database has them now: one small query, and a re-read only when a
   * key was added or removed (on any node). What a node publishes must never lag what it budgets.
   */
  async current(): Promise<IssuerKey[]> {
    const version = await keysVersion(this.#app.db);
    if (version !== this.#version) await this.reload(version);
    return [...this.#byId.values()];
  }

  async reload(version?: string): Promise<void> {
    // The version is read before the rows: a key added in between is then read now and again next time,
    // never missed.
    const seen = version ?? (await keysVersion(this.#app.db));
    const rows = await listKeys(this.#app.db);
    const next = new Map<string, IssuerKey>();
    for (const row of rows) next.set(row.id, this.#byId.get(row.id) ?? toIssuerKey(this.#app, row));
    this.#byId = next;
    this.#loadedAt = Date.now();
    this.#version = seen;
  }

  /** A key by its full id; asks the database when another node may have created it. */
  async byId(id: string): Promise<IssuerKey | null> {
    const cached = this.#byId.get(id);
    if (cached) return cached;
    if (!/^[0-9a-f]{64}$/.test(id)) return null;
    const row = await findKey(this.#app.db, { id });
    return row ? this.#remember(row) : null;
  }

  /** The live key a TokenRequest names by its last byte (unique among stored keys). */
  async byTruncatedId(truncatedId: number): Promise<IssuerKey | null> {
    for (const key of this.#byId.values()) if (key.truncatedId === truncatedId) return key;
    const row = await findKey(this.#app.db, { truncatedId });
    return row ? this.#remember(row) : null;
  }

  forget(ids: string[]): void {
    for (const id of ids) this.#byId.delete(id);
  }

  #remember(row: KeyRow): IssuerKey {
    const key = toIssuerKey(this.#app, row);
    this.#byId.set(key.id, key);
    return key;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Issuer keys (tokens feature). */
    tokenKeys: Keyring;
  }
}

export interface ScopeKeyInput {
  scope: string;
  /** Tokens each member may obtain for this key (1 for pulses and focus groups). */
  budget: number;
  notBefore: Date;
  notAfter: Date;
}

/** Refused: a second key for a scope in a window where it already has one (a "tagging" key, DESIGN §2.9). */
export class KeyOverlapError extends Error {
  constructor(scope: string, existing: { tokenKeyId: string; notBefore: Date; notAfter: Date }) {
    super(
      `scope "${scope}" already has key ${existing.tokenKeyId.slice(0, 12)} for ` +
        `${new Date(existing.notBefore).toISOString()} – ${new Date(existing.notAfter).toISOString()}: one key per scope per window`,
    );
    this.name = 'KeyOverlapError';
  }
}

/**
 * Creates the issuer key of a scope (call it when a pulse or focus group is created) and appends it to
 * the public key log in the same transaction. Idempotent per (scope, notBefore): a second call, on any
 * node, returns the key the first one stored. A window overlapping another key of the scope (live or
 * retired: the log keeps every one) is refused with KeyOverlapError.
 */
export async function createScopeKey(app: KeyDeps, input: ScopeKeyInput): Promise<{ tokenKeyId: string }> {
  if (!(input.notAfter > input.notBefore)) throw new Error('a key must end after it starts');
  if (!Number.isInteger(input.budget) || input.budget < 1)
    throw new Error('a key needs a budget of at least 1');
  // The last byte of the key id must be unique among stored keys: draw keys until one fits.
  for (let attempt = 0; attempt < 64; attempt++) {
    const existing = await findKey(app.db, { scope: input.scope, notBefore: input.notBefore });
    if (existing) return { tokenKeyId: existing.id };
    // Generated outside the transaction: RSA key generation takes a while and the log is locked inside.
    const keyPair = await generateIssuerKey();
    const tokenKey = encodeTokenKey(keyPair.publicKey);
    const idBytes = tokenKeyIdOf(tokenKey);
    const row: KeyRow = {
      id: idBytes.toString('hex'),
      truncatedId: truncatedKeyId(idBytes),
      scope: input.scope,
      tokenKey,
      privateKey: app.secrets.encrypt(
        SEAL_PURPOSE,
        keyPair.privateKey.export({ format: 'der', type: 'pkcs8' }),
      ),
      budget: input.budget,
      notBefore: input.notBefore,
      notAfter: input.notAfter,
    };
    let stored: string;
    try {
      stored = await app.db.transaction().execute(async (trx) => {
        await lockKeyLog(trx);
        const raced = await findKey(trx, { scope: input.scope, notBefore: input.notBefore });
        if (raced) return raced.id;
        const overlap = await findOverlappingLoggedKey(trx, input);
        if (overlap) throw new KeyOverlapError(input.scope, overlap);
        await insertKey(trx, row);
        await appendKeyLog(trx, {
          scope: row.scope,
          tokenKeyId: row.id,
          notBefore: row.notBefore,
          notAfter: row.notAfter,
        });
        return row.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) continue; // a taken last byte: draw another key
      throw error;
    }
    if (stored !== row.id) return { tokenKeyId: stored };
    app.keyring.forget([row.id]);
    await app.keyring.byId(row.id);
    app.log.info({ scope: input.scope, tokenKeyId: row.id }, 'issuer key created');
    return { tokenKeyId: row.id };
  }
  throw new Error('no free truncated token key id: too many live issuer keys');
}

const startOfDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/**
 * Makes sure the `general` scope has a key for the current epoch and one for the next, published
 * ahead so browsers can fetch next epoch's tokens early. Epochs start at 00:00 UTC. Windows never
 * overlap: a key made to fill a gap ends where the next existing one starts, whatever the epoch
 * length setting says now.
 */
export async function ensureGeneralKeys(app: KeyDeps, now = new Date()): Promise<void> {
  const { epochDays, generalBudget } = await getSettings(app.db);
  const general = (await app.keyring.all(0)).filter((key) => key.scope === 'general');
  const window = (notBefore: Date) => {
    const byEpoch = notBefore.getTime() + epochDays * DAY_MS;
    const nextStart = Math.min(
      ...general.map((key) => key.notBefore.getTime()).filter((start) => start > notBefore.getTime()),
    );
    return { notBefore, notAfter: new Date(Math.min(byEpoch, nextStart)) };
  };
  const current = general.find((key) => key.notBefore <= now && now < key.notAfter);
  let currentEnd = current?.notAfter;
  if (!currentEnd) {
    // After the last key that ended (a server down for a while), or at today's midnight.
    const ended = general.filter((key) => key.notAfter <= now).map((key) => key.notAfter.getTime());
    const start = new Date(Math.max(startOfDay(now).getTime(), ...ended));
    const fill = window(start);
    currentEnd = fill.notAfter;
    await createGeneralKey(fill);
  }
  if (!general.some((key) => key.notBefore.getTime() === currentEnd.getTime())) {
    await createGeneralKey(window(currentEnd));
  }

  async function createGeneralKey(window: { notBefore: Date; notAfter: Date }) {
    try {
      await createScopeKey(app, { scope: 'general', budget: generalBudget, ...window });
    } catch (error) {
      // Another node made a key for part of this window after this node looked: that key serves.
      if (!(error instanceof KeyOverlapError)) throw error;
      app.log.warn({ err: error }, 'general key not created: its window is taken');
    }
  }
}

/** The per-member budget of a key: `general` follows the admin setting, scoped keys keep theirs. */
export async function budgetFor(db: Kysely<Database>, key: IssuerKey): Promise<number> {
  if (parseScope(key.scope).base !== 'general') return key.budget;
  return (await getSettings(db)).generalBudget;
}

/** budgetFor as a rule the issuance statement applies itself, so issuing costs no settings read. */
export const budgetRuleFor = (key: IssuerKey): BudgetRule =>
  parseScope(key.scope).base === 'general'
    ? { setting: 'generalBudget', fallback: DEFAULT_SETTINGS.generalBudget }
    : { fixed: key.budget };

/**
 * The key whose budget a key spends: a department sibling (`general@<dept>`) shares its base key's
 * (same scope without the department, same window), so proving a department never adds tokens.
 */
export function budgetKeyOf(keys: IssuerKey[], key: IssuerKey): IssuerKey | null {
  const { base, departmentId } = parseScope(key.scope);
  if (!departmentId) return key;
  return keys.find((k) => k.scope === base && k.notBefore.getTime() === key.notBefore.getTime()) ?? null;
}

/**
 * Creates the department siblings of a base scope's issuable keys on first request (idempotent, any
 * node). Creating them lazily keeps key generation to the departments whose members ask.
 */
export async function ensureDepartmentKeys(
  app: KeyDeps,
  scope: string,
  departmentExists: (id: string) => Promise<boolean>,
  now = new Date(),
): Promise<void> {
  const { base, departmentId } = parseScope(scope);
  if (!departmentId || !hasDepartmentSiblings(base)) return;
  const keys = (await app.keyring.all()).filter((key) => isIssuable(key, now));
  const bases = keys.filter((key) => key.scope === base);
  const missing = bases.filter(
    (key) => !keys.some((k) => k.scope === scope && k.notBefore.getTime() === key.notBefore.getTime()),
  );
  if (missing.length === 0 || !(await departmentExists(departmentId))) return;
  for (const key of missing) {
    await createScopeKey(app, {
      scope: departmentScope(base, departmentId),
      budget: key.budget,
      notBefore: key.notBefore,
      notAfter: key.notAfter,
    });
  }
}

/**
 * Destroys keys that ended more than the grace period ago, with their spent-token and issuance rows.
 * After that no token of theirs can be redeemed anyway, so forgetting the nullifiers is safe.
 */
export async function retireKeys(
  app: KeyDeps,
  now = new Date(),
): Promise<{ keys: number; spentTokens: number }> {
  const retired = await deleteKeys(app.db, new Date(now.getTime() - RETIREMENT_GRACE_MS));
  app.keyring.forget(retired.keyIds);
  if (retired.keyIds.length > 0) {
    app.log.info({ keys: retired.keyIds.length, spentTokens: retired.spentTokens }, 'issuer keys retired');
  }
  return { keys: retired.keyIds.length, spentTokens: retired.spentTokens };
}

/** Hourly upkeep, on one node at a time (a leased job): next epoch's key published, ended keys destroyed. */
export const KEY_MAINTENANCE_JOB = 'issuer-keys';
export async function maintainKeys(app: KeyDeps): Promise<void> {
  await ensureGeneralKeys(app);
  await retireKeys(app);
}
