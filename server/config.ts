import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** null → embedded PGlite in dataDir. */
  databaseUrl: string | null;
  /** Connections each node keeps to Postgres at most (DATABASE_POOL_SIZE). */
  poolSize: number;
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
  /** Enrolment through the company's OpenID Connect provider (null: codes only). */
  oidc: OidcConfig | null;
  /** Staff sign-in through the same provider (optional); null unless a role group is configured. */
  staffOidc: StaffOidcConfig | null;
  /** Outbound webhooks for moderators (Slack, Teams, signed generic). */
  webhooks: WebhookConfig;
}

export interface StaffOidcConfig {
  /** GREENROOM_STAFF_OIDC_ADMIN_GROUPS: comma list; a member of any of them signs in as admin. */
  adminGroups: string[];
  /** GREENROOM_STAFF_OIDC_MODERATOR_GROUPS: comma list; a member of any of them (and of no admin group) signs in as moderator. */
  moderatorGroups: string[];
  /** GREENROOM_STAFF_OIDC_REDIRECT_URI: the staff callback as registered; default: the origin of OIDC_REDIRECT_URI (or of the request) + /api/staff/oidc/callback. */
  redirectUri: string | null;
}

export interface OidcConfig {
  /** OIDC_ISSUER_URL: the issuer; its /.well-known/openid-configuration is read on first use. */
  issuer: string;
  /** OIDC_CLIENT_ID / OIDC_CLIENT_SECRET: this app's registration at the provider. */
  clientId: string;
  clientSecret: string;
  /** OIDC_SCOPES (default "openid"; add "groups", "profile" as the mapping needs). */
  scopes: string;
  /** OIDC_REDIRECT_URI: the callback as registered; default: this request's origin + the callback path. */
  redirectUri: string | null;
  /** OIDC_PROVIDER_NAME: shown on the button ("Enrol with Acme"). */
  providerName: string;
  /** OIDC_GROUPS_CLAIM (default "groups"): the claim holding the person's groups. */
  groupsClaim: string;
  /** OIDC_ALLOWED_GROUPS: comma list; when set, only people in one of them may enrol. */
  allowedGroups: string[];
  /** OIDC_DEPARTMENT_CLAIM: the claim naming the department (may be the groups claim). */
  departmentClaim: string | null;
  /** OIDC_DEPARTMENT_MAP: "claim value=Department name;…"; without it the value is the department's name. */
  departmentMap: Record<string, string>;
  /** OIDC_ALLOW_HTTP: talk to an http:// issuer (local test providers only). */
  allowHttp: boolean;
  /** OIDC_TIMEOUT_MS: every request to the provider gives up after this. */
  timeoutMs: number;
}

export interface WebhookConfig {
  /** WEBHOOK_ALLOW_PRIVATE: deliver to loopback/private/link-local addresses (tests, on-premise chat). */
  allowPrivate: boolean;
  /** WEBHOOK_TIMEOUT_MS: one delivery attempt gives up after this. */
  timeoutMs: number;
  /** WEBHOOK_RETRY_BASE_MS: backoff before attempt n is base × 4^(n-1). */
  retryBaseMs: number;
  /** WEBHOOK_ATTEMPTS: tries per message, first one included. */
  attempts: number;
  /** NOTIFY_EVERY_MINUTES: the batch schedule (queue counts, focus groups soon); digests go weekly. */
  everyMinutes: number;
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

const groupList = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);

function staffOidcConfig(env: Env, oidc: OidcConfig | null): StaffOidcConfig | null {
  const adminGroups = groupList(env.GREENROOM_STAFF_OIDC_ADMIN_GROUPS);
  const moderatorGroups = groupList(env.GREENROOM_STAFF_OIDC_MODERATOR_GROUPS);
  if (adminGroups.length === 0 && moderatorGroups.length === 0) return null;
  if (!oidc)
    throw new ConfigError(
      'GREENROOM_STAFF_OIDC_ADMIN_GROUPS',
      'staff sign-in uses the company provider: set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too',
    );
  const redirectUri = env.GREENROOM_STAFF_OIDC_REDIRECT_URI?.trim() || null;
  if (redirectUri && !/^https?:\/\/[^\s]+$/.test(redirectUri))
    throw new ConfigError('GREENROOM_STAFF_OIDC_REDIRECT_URI', 'must be an http(s) URL');
  return { adminGroups, moderatorGroups, redirectUri };
}

function oidcConfig(env: Env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER_URL?.trim();
  if (!issuer) return null;
  if (!/^https?:\/\/[^\s]+$/.test(issuer)) throw new ConfigError('OIDC_ISSUER_URL', 'must be an http(s) URL');
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'must be set when OIDC_ISSUER_URL is set');
  if (!clientSecret) throw new ConfigError('OIDC_CLIENT_SECRET', 'must be set when OIDC_ISSUER_URL is set');
  const allowHttp = boolean(env, 'OIDC_ALLOW_HTTP', false);
  if (issuer.startsWith('http:') && !allowHttp)
    throw new ConfigError(
      'OIDC_ISSUER_URL',
      'must be https (set OIDC_ALLOW_HTTP=true for a local test provider)',
    );
  const departmentMap: Record<string, string> = {};
  for (const pair of (env.OIDC_DEPARTMENT_MAP ?? '').split(';')) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    if (at < 1)
      throw new ConfigError('OIDC_DEPARTMENT_MAP', `"${pair}" is not "claim value=Department name"`);
    departmentMap[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  const scopes = (env.OIDC_SCOPES?.trim() || 'openid').split(/[\s,]+/);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  return {
    issuer,
    clientId,
    clientSecret,
    scopes: scopes.join(' '),
    redirectUri: env.OIDC_REDIRECT_URI?.trim() || null,
    providerName: env.OIDC_PROVIDER_NAME?.trim() || 'your company',
    groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || 'groups',
    allowedGroups: (env.OIDC_ALLOWED_GROUPS ?? '')
      .split(',')
      .map((group) => group.trim())
      .filter(Boolean),
    departmentClaim: env.OIDC_DEPARTMENT_CLAIM?.trim() || null,
    departmentMap,
    allowHttp,
    timeoutMs: integer(env, 'OIDC_TIMEOUT_MS', 5000, 100, 60_000),
  };
}

/** Reads and validates every setting in one place; a bad value names its variable. */
export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const oidc = oidcConfig(env);
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
    poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 3, 500),
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
    oidc,
    staffOidc: staffOidcConfig(env, oidc),
    webhooks: {
      allowPrivate: boolean(env, 'WEBHOOK_ALLOW_PRIVATE', false),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 5000, 50, 60_000),
      retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 30_000, 1, 3_600_000),
      attempts: integer(env, 'WEBHOOK_ATTEMPTS', 4, 1, 10),
      everyMinutes: integer(env, 'NOTIFY_EVERY_MINUTES', 60, 1, 24 * 60),
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
