// Issuer keys: one RSA-2048 key per scope (`general` per epoch, `pulse:<id>`, `focus-group:<id>`).
// Private keys are stored sealed with the master secret and held decrypted in memory per node.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_SETTINGS, getSettings } from '../settings/queries.ts';
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
import { deleteKeys, findKey, insertKey, isUniqueViolation, listKeys, type KeyRow } from './queries.ts';

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

function toIssuerKey(app: FastifyInstance, row: KeyRow): IssuerKey {
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
  readonly #app: FastifyInstance;

  constructor(app: FastifyInstance) {
    this.#app = app;
  }

  /** Every stored key (live and upcoming), re-read from the database at most every `maxAgeMs`. */
  async all(maxAgeMs = 30_000): Promise<IssuerKey[]> {
    if (Date.now() - this.#loadedAt > maxAgeMs) await this.reload();
    return [...this.#byId.values()];
  }

  async reload(): Promise<void> {
    const rows = await listKeys(this.#app.db);
    const next = new Map<string, IssuerKey>();
    for (const row of rows) next.set(row.id, this.#byId.get(row.id) ?? toIssuerKey(this.#app, row));
    this.#byId = next;
    this.#loadedAt = Date.now();
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

/**
 * Creates the issuer key of a scope (call it when a pulse or focus group is created). Idempotent per
 * (scope, notBefore): a second call, on any node, returns the key the first one stored.
 */
export async function createScopeKey(
  app: FastifyInstance,
  input: ScopeKeyInput,
): Promise<{ tokenKeyId: string }> {
  if (!(input.notAfter > input.notBefore)) throw new Error('a key must end after it starts');
  if (!Number.isInteger(input.budget) || input.budget < 1)
    throw new Error('a key needs a budget of at least 1');
  // The last byte of the key id must be unique among stored keys: draw keys until one fits.
  for (let attempt = 0; attempt < 64; attempt++) {
    const existing = await findKey(app.db, { scope: input.scope, notBefore: input.notBefore });
    if (existing) return { tokenKeyId: existing.id };
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
    try {
      await insertKey(app.db, row);
    } catch (error) {
      if (isUniqueViolation(error)) continue; // a taken last byte, or another node won the race: look again
      throw error;
    }
    app.tokenKeys.forget([row.id]);
    await app.tokenKeys.byId(row.id);
    app.log.info({ scope: input.scope, tokenKeyId: row.id }, 'issuer key created');
    return { tokenKeyId: row.id };
  }
  throw new Error('no free truncated token key id: too many live issuer keys');
}

const startOfDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/**
 * Makes sure the `general` scope has a key for the current epoch and one for the next, published
 * ahead so browsers can fetch next epoch's tokens early. Epochs start at 00:00 UTC.
 */
export async function ensureGeneralKeys(app: FastifyInstance, now = new Date()): Promise<void> {
  const { epochDays, generalBudget } = await getSettings(app.db);
  const general = (await app.tokenKeys.all(0)).filter((key) => key.scope === 'general');
  const current = general.find((key) => key.notBefore <= now && now < key.notAfter);
  let currentEnd = current?.notAfter;
  if (!currentEnd) {
    const notBefore = startOfDay(now);
    currentEnd = new Date(notBefore.getTime() + epochDays * DAY_MS);
    await createScopeKey(app, { scope: 'general', budget: generalBudget, notBefore, notAfter: currentEnd });
  }
  if (!general.some((key) => key.notBefore.getTime() === currentEnd.getTime())) {
    const notAfter = new Date(currentEnd.getTime() + epochDays * DAY_MS);
    await createScopeKey(app, { scope: 'general', budget: generalBudget, notBefore: currentEnd, notAfter });
  }
}

/** The per-member budget of a key: `general` follows the admin setting, scoped keys keep theirs. */
export async function budgetFor(db: Kysely<Database>, key: IssuerKey): Promise<number> {
  if (key.scope !== 'general') return key.budget;
  return (await getSettings(db)).generalBudget;
}

/** budgetFor as a rule the issuance statement applies itself, so issuing costs no settings read. */
export const budgetRuleFor = (key: IssuerKey): BudgetRule =>
  key.scope === 'general'
    ? { setting: 'generalBudget', fallback: DEFAULT_SETTINGS.generalBudget }
    : { fixed: key.budget };

/**
 * Destroys keys that ended more than the grace period ago, with their spent-token and issuance rows.
 * After that no token of theirs can be redeemed anyway, so forgetting the nullifiers is safe.
 */
export async function retireKeys(
  app: FastifyInstance,
  now = new Date(),
): Promise<{ keys: number; spentTokens: number }> {
  const retired = await deleteKeys(app.db, new Date(now.getTime() - RETIREMENT_GRACE_MS));
  app.tokenKeys.forget(retired.keyIds);
  if (retired.keyIds.length > 0) {
    app.log.info({ keys: retired.keyIds.length, spentTokens: retired.spentTokens }, 'issuer keys retired');
  }
  return { keys: retired.keyIds.length, spentTokens: retired.spentTokens };
}

/** Hourly upkeep on every node: next epoch's key published, ended keys destroyed. */
export function startKeyMaintenance(app: FastifyInstance, intervalMs = 60 * 60 * 1000): () => void {
  const timer = setInterval(() => {
    ensureGeneralKeys(app)
      .then(() => retireKeys(app))
      .catch((error: unknown) => app.log.warn({ err: error }, 'issuer key maintenance failed'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
