import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Backoff, Limit } from '../plugins/throttle.ts';
import type { Secrets } from '../plugins/secrets.ts';

// Who may try a staff password how often — without ever reading the client's address.
//
// The "source bucket" of a sign-in attempt is the browser's *device cookie*: a random id, bound to
// the username by an HMAC, set (HttpOnly, SameSite=Strict, path /api/staff/login) by a successful
// sign-in. Attempts from a browser that signed in as this user before count in that device's own
// bucket; every other attempt counts in the user's "unknown device" bucket. An outsider guessing
// passwords therefore slows down only the unknown-device bucket: the real user, on a browser they
// used before, signs in at once. (OWASP "device cookies"; no IP, no user agent, nothing stored in
// clear — the throttle table keeps only a truncated keyed hash of each bucket, for at most an hour.)
//
// Each bucket gets FREE_ATTEMPTS at once, then a doubling delay (1 s, 2 s, 4 s… at most 15 min) —
// a guessing rate that makes brute force hopeless without ever locking an account. A successful
// sign-in clears its bucket, so successes never count. Overall, unknown-device attempts across all
// usernames are capped per minute (a spray over many usernames), separately from known devices.

export const DEVICE_COOKIE = 'greenroom_device';
export const DEVICE_TTL_SECONDS = 365 * 24 * 3600;
const PURPOSE = 'staff-login-device';
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_MS = 15 * 60 * 1000;
export const OVERALL_PER_MINUTE = 120;

const normal = (username: string) => username.trim().toLowerCase();
const tag = (secrets: Secrets, username: string, id: string) =>
  secrets.hmac(PURPOSE, `${normal(username)}\n${id}`).slice(0, 32);

export function newDevice(secrets: Secrets, username: string): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${tag(secrets, username, id)}`;
}

/** The device id when the cookie is one this server issued for this username, else null. */
export function readDevice(secrets: Secrets, cookie: string | undefined, username: string): string | null {
  const [id, mac] = (cookie ?? '').split('.');
  if (!id || !mac || !/^[\w-]{22}$/.test(id)) return null;
  const expected = Buffer.from(tag(secrets, username, id));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? cookie! : null;
}

export function loginThrottle(
  username: string,
  device: string | null,
): { limits: Limit[]; backoff: Backoff } {
  const bucket = device ? `device:${device.split('.')[0]}` : 'unknown-device';
  return {
    backoff: {
      key: `login:${normal(username)}:${bucket}`,
      freeHits: FREE_ATTEMPTS,
      maxDelayMs: MAX_DELAY_MS,
      windowMs: 60 * 60 * 1000,
    },
    limits: [
      {
        key: device ? 'login:*:known-device' : 'login:*:unknown-device',
        max: OVERALL_PER_MINUTE,
        windowMs: 60 * 1000,
        message: 'Too many sign-in attempts on this server; try again in a minute.',
      },
    ],
  };
}
