import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** null → embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  adminUsername: string | null;
  adminPassword: string | null;
  /** Fill an empty embedded database with a demo organisation. Never on real Postgres. */
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Master secret for key encryption and keyed hashes; null → generated key file in dataDir. */
  secret: string | null;
  /** Extra origins allowed to make state-changing staff requests (the app's own origin always is). */
  allowedOrigins: string[];
  /** Set behind a TLS-terminating proxy so cookies get `Secure`. Client IPs are never read either way. */
  trustProxy: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** Shed load with 503 when the event loop lags more than this (0 = never). */
  maxEventLoopDelayMs: number;
  /** Where the built client lives. */
  clientDir: string;
  /** How often each node looks for due background jobs (JOB_TICK_MS). */
  jobTickMs: number;
  /** A job's lease: a node that stops renewing it (crashed) loses the job after this (JOB_LEASE_MS). */
  jobLeaseMs: number;
  /** The public themes snapshot is recomputed on this fixed schedule only (THEMES_PUBLIC_EVERY_MINUTES). */
  themesPublicEveryMinutes: number;
  /**
   * Threads that compute blind signatures beside the event loop (SIGNING_THREADS; 0 = on the loop,
   * the default on 1–2 cores).
   */
  signingThreads: number;
  /** When the browser wallet lets anonymous writes and identified requests happen (served to it). */
  walletTiming: WalletTiming;
}

/** A range [min, max] in milliseconds; the wallet draws uniformly from it each time. */
export type Range = [number, number];

/**
 * The wallet's timing (DESIGN §2.6): identified activity (enrolment, fetching tokens) and anonymous
 * writes never sit next to each other. Every value is drawn at random in the browser from its range.
 */
export interface WalletTiming {
  /** After enrolling, the first anonymous writes wait this long (hides them among others who enrolled). */
  holdAfterEnrolMs: Range;
  /** After any other identified request, and before one after an anonymous write. */
  quietMs: Range;
  /** Added to every anonymous write and between receipt checks, so writes do not leave in step. */
  jitterMs: Range;
  /** Between two scheduled token refills. */
  refillMs: Range;
  /** From seeing a new key in the public directory to fetching tokens for it. */
  newKeyMs: Range;
}

function range(env: Env, name: string, fallback: Range, unitMs: number): Range {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(raw);
  const low = Number(match?.[1]);
  const high = Number(match?.[2]);
  if (!match || high < low) throw new ConfigError(name, `must be a range like "120-600", got "${raw}"`);
  return [Math.round(low * unitMs), Math.round(high * unitMs)];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * A server process on a shared database needs the shared master secret: without GREENROOM_SECRET each
 * node would make its own key file, and issuer keys, receipts and seats sealed on one node would fail
 * on every other. (Checked by main, the one entry point that runs nodes; tests and benchmarks building
 * an app on a private database need no key file.)
 */
export function requireSharedSecret(config: Config): void {
  if (config.databaseUrl && !config.secret) {
    throw new ConfigError(
      'GREENROOM_SECRET',
      'must be set when DATABASE_URL is set. Every node sharing a database must use the same master secret ' +
        '(e.g. openssl rand -hex 32); without it each node would generate its own key file and tokens, ' +
        'receipts and seats made on one node would fail on the others.',
    );
  }
}

/** Reads and validates every setting in one place; a bad value names its variable. */
export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const adminUsername = env.GREENROOM_ADMIN_USERNAME?.trim() || null;
  const adminPassword = env.GREENROOM_ADMIN_PASSWORD || null;
  if (Boolean(adminUsername) !== Boolean(adminPassword)) {
    throw new ConfigError(
      adminUsername ? 'GREENROOM_ADMIN_PASSWORD' : 'GREENROOM_ADMIN_USERNAME',
      'set both GREENROOM_ADMIN_USERNAME and GREENROOM_ADMIN_PASSWORD, or neither',
    );
  }
  if (adminPassword && adminPassword.length < 12) {
    throw new ConfigError('GREENROOM_ADMIN_PASSWORD', 'must be at least 12 characters');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const secret = env.GREENROOM_SECRET || null;
  if (secret && secret.length < 32) {
    throw new ConfigError('GREENROOM_SECRET', 'must be at least 32 characters (e.g. openssl rand -hex 32)');
  }
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError(
        'ALLOWED_ORIGINS',
        `"${origin}" is not an origin like https://greenroom.example.com`,
      );
    }
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: env.DATA_DIR || './data',
    adminUsername,
    adminPassword,
    seedDemo: databaseUrl ? false : boolean(env, 'SEED_DEMO', true),
    logLevel,
    secret,
    allowedOrigins,
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    bodyLimit: integer(env, 'BODY_LIMIT', 64 * 1024, 1024, 10 * 1024 * 1024),
    maxEventLoopDelayMs: integer(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 60_000),
    clientDir: env.CLIENT_DIR || path.resolve(import.meta.dirname, '../dist/client'),
    walletTiming: {
      holdAfterEnrolMs: range(env, 'WALLET_HOLD_SECONDS', [5 * MINUTE, 60 * MINUTE], SECOND),
      quietMs: range(env, 'WALLET_QUIET_SECONDS', [2 * MINUTE, 10 * MINUTE], SECOND),
      jitterMs: range(env, 'WALLET_JITTER_SECONDS', [2 * SECOND, 30 * SECOND], SECOND),
      refillMs: range(env, 'WALLET_REFILL_HOURS', [6 * HOUR, 30 * HOUR], HOUR),
      newKeyMs: range(env, 'WALLET_NEW_KEY_SECONDS', [1 * MINUTE, 30 * MINUTE], SECOND),
    },
    jobTickMs: integer(env, 'JOB_TICK_MS', 5000, 10, 600_000),
    jobLeaseMs: integer(env, 'JOB_LEASE_MS', 60_000, 100, 3_600_000),
    themesPublicEveryMinutes: integer(env, 'THEMES_PUBLIC_EVERY_MINUTES', 60, 1, 24 * 60),
    // On two cores the database and the HTTP stack already fill the other one, and handing each
    // signature to a thread costs about as much CPU as it frees (bench/issuance.ts, README).
    signingThreads: integer(
      env,
      'SIGNING_THREADS',
      availableParallelism() > 2 ? Math.min(4, availableParallelism() - 1) : 0,
      0,
      64,
    ),
  };
}
