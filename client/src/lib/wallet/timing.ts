// When the wallet may act (DESIGN §2.6, issue 13). Identified activity — enrolling, fetching tokens —
// and anonymous writes never sit next to each other in time or in the database's transaction order:
// anonymous writes wait in the outbox until a random moment after the last identified request, and
// token refills happen at random moments of their own, never right before or after an anonymous write.
import { get } from '../api.ts';

export type Range = [number, number];

/** The server's published ranges (ms); every browser draws its own delays from them. */
export interface WalletPolicy {
  holdAfterEnrolMs: Range;
  quietMs: Range;
  jitterMs: Range;
  refillMs: Range;
  newKeyMs: Range;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Used until the policy arrives (and if it never does): the defaults the server ships with. */
export const DEFAULT_POLICY: WalletPolicy = {
  holdAfterEnrolMs: [5 * MINUTE, 60 * MINUTE],
  quietMs: [2 * MINUTE, 10 * MINUTE],
  jitterMs: [2_000, 30_000],
  refillMs: [6 * HOUR, 30 * HOUR],
  newKeyMs: [MINUTE, 30 * MINUTE],
};

export async function loadPolicy(): Promise<WalletPolicy> {
  try {
    return await get<WalletPolicy>('/api/wallet/policy');
  } catch {
    return DEFAULT_POLICY;
  }
}

/** A uniform draw from the range, from the platform's CSPRNG (Math.random is predictable). */
export function draw([low, high]: Range): number {
  const [word] = crypto.getRandomValues(new Uint32Array(1));
  return low + (high - low) * (word! / 2 ** 32);
}

/**
 * When a write queued at `now` may leave: a fresh draw from the hold after the enrolment (counted from
 * the enrolment itself, not from the end of its refill: refills under load end in enrolment order,
 * stretched by how long they took), a fresh draw from the quiet period after the last identified
 * exchange ended, whichever is later and not before now, plus jitter. Drawn per write, so a person's
 * writes scatter over the window instead of leaving together in enrolment order. A time of 0: never.
 */
export function sendMoment(
  { now, enrolledAt, identifiedAt }: { now: number; enrolledAt: number; identifiedAt: number },
  policy: Pick<WalletPolicy, 'holdAfterEnrolMs' | 'quietMs' | 'jitterMs'>,
): number {
  const afterEnrol = enrolledAt ? enrolledAt + draw(policy.holdAfterEnrolMs) : 0;
  const afterFetch = identifiedAt ? identifiedAt + draw(policy.quietMs) : 0;
  return Math.max(now, afterEnrol, afterFetch) + draw(policy.jitterMs);
}

/**
 * A waiting write's moment once an identified exchange has ended at `end`: its own moment, or a fresh
 * quiet period and jitter after that end if that is later. The hold is not drawn again: keeping the later
 * of two draws pushed the writes queued during a refill toward the hold's end, and refills last longer
 * for some people than for others.
 */
export function afterExchange(
  sendAt: number,
  end: number,
  policy: Pick<WalletPolicy, 'quietMs' | 'jitterMs'>,
): number {
  return Math.max(sendAt, end + draw(policy.quietMs) + draw(policy.jitterMs));
}

/** "within 4 minutes", "within a minute", "in a few seconds": how long until `at`, for people. */
export function describeWait(at: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((at - now) / 1000));
  if (seconds <= 10) return 'in a few seconds';
  if (seconds < 60) return `within ${Math.ceil(seconds / 10) * 10} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes === 1) return 'within a minute';
  if (minutes < 90) return `within ${minutes} minutes`;
  return `within ${Math.ceil(minutes / 60)} hours`;
}
