import argon2 from 'argon2';
import { argon2Queue, type Argon2Lane } from '../work-queue.ts';

// OWASP password storage cheat sheet: argon2id, 19 MiB, t=2, p=1.
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

// Every hash and verification goes through the bounded argon2 queue (server/work-queue.ts): a flood
// is shed with 503, and staff sign-in is served before anonymous enrolment attempts.
export const hashPassword = (password: string, lane: Argon2Lane = 'background') =>
  argon2Queue.run(lane, () => argon2.hash(password, ARGON2_OPTIONS));

export async function verifyPassword(
  hash: string,
  password: string,
  lane: Argon2Lane = 'sign-in',
): Promise<boolean> {
  return argon2Queue.run(lane, async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

// Verified against when the username is unknown, so a miss costs the same time as a wrong password.
let decoyHash: Promise<string> | null = null;
export function decoy(): Promise<string> {
  decoyHash ??= hashPassword('greenroom-decoy-password');
  decoyHash.catch(() => (decoyHash = null));
  return decoyHash;
}
