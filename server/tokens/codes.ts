// Enrolment codes and membership credentials: how they look, how they are stored.
import { randomBytes, randomInt } from 'node:crypto';
import type { Limit } from '../plugins/throttle.ts';
import { hashPassword, verifyPassword } from '../shared/passwords.ts';
import { CODES_PER_WINDOW } from '../../common/api/tokens.ts';

/** No 0/O, 1/I/L: a code read off paper is typed right the first time. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUP = 4;
/** The first two groups name the stored row; the last two are the secret (≈ 40 bits, argon2id). */
const ID_LENGTH = 8;
const SECRET_LENGTH = 8;

export interface EnrolmentCode {
  /** As handed out: `K7QM-4XRT-9HWP-2FNC`. */
  code: string;
  id: string;
  secret: string;
}

const randomChars = (count: number) =>
  Array.from({ length: count }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

const grouped = (chars: string) => chars.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');

export function newEnrolmentCode(): EnrolmentCode {
  const id = randomChars(ID_LENGTH);
  const secret = randomChars(SECRET_LENGTH);
  return { code: grouped(id + secret), id, secret };
}

/** Accepts what people type: any case, spaces or dashes anywhere. Null when it cannot be a code. */
export function parseEnrolmentCode(input: string): { id: string; secret: string } | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== ID_LENGTH + SECRET_LENGTH) return null;
  for (const char of chars) if (!CODE_ALPHABET.includes(char)) return null;
  return { id: chars.slice(0, ID_LENGTH), secret: chars.slice(ID_LENGTH) };
}

// Same argon2id parameters as staff passwords (OWASP: 19 MiB, t=2, p=1).
export const hashCodeSecret = (secret: string) => hashPassword(secret);
export const verifyCodeSecret = (hash: string, secret: string) => verifyPassword(hash, secret, 'enrolment');

let decoyHash: Promise<string> | null = null;
/** Verified against when the code's id is unknown, so a miss costs the same time as a wrong secret. */
export function decoyCodeHash(): Promise<string> {
  decoyHash ??= hashCodeSecret(randomChars(SECRET_LENGTH));
  decoyHash.catch(() => (decoyHash = null));
  return decoyHash;
}

/** A membership credential: 256 random bits, base64url (43 characters). */
export const newCredential = () => randomBytes(32).toString('base64url');
export const CREDENTIAL_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** The keyed hash stored for a credential (HMAC-SHA256 under the server's master secret). */
export const CREDENTIAL_PURPOSE = 'member-credential';

/** Codes generated per 10 minutes, counted across all nodes (each one is an argon2id hash). */
export const CODE_BUDGET: Limit = { key: 'enrolment-codes:*', max: CODES_PER_WINDOW, windowMs: 10 * 60_000 };
