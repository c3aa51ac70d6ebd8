// Key consistency (DESIGN §2.9, issue 13): a server that gave one person a key of their own could
// recognise that person's tokens later. The wallet learns keys only from the public directory (the
// same answer for everyone, fetched without a credential), accepts one key per scope per validity
// window, and refuses anything else — with a warning people can see and report.
import type { IssuerKey } from './keys.ts';

export interface AcceptedKey {
  tokenKeyId: string;
  scope: string;
  notBefore: string;
  notAfter: string;
}

const overlaps = (a: AcceptedKey, b: AcceptedKey) =>
  Date.parse(a.notBefore) < Date.parse(b.notAfter) && Date.parse(b.notBefore) < Date.parse(a.notAfter);

/**
 * Splits the directory's keys into the ones this wallet trusts and plain-words problems. A key is
 * refused when it overlaps, in the same scope, a key accepted before (or another new key), or when
 * a key accepted before comes back with a different window.
 */
export function acceptKeys(
  directory: IssuerKey[],
  accepted: AcceptedKey[],
  now: number,
): { accepted: AcceptedKey[]; trusted: IssuerKey[]; problems: string[] } {
  const known = new Map(
    accepted.filter((key) => Date.parse(key.notAfter) > now).map((key) => [key.tokenKeyId, key]),
  );
  const problems: string[] = [];
  const trusted: IssuerKey[] = [];
  const fresh: IssuerKey[] = [];
  for (const key of directory) {
    const before = known.get(key.tokenKeyId);
    if (!before) fresh.push(key);
    else if (
      before.scope !== key.scope ||
      before.notBefore !== key.notBefore ||
      before.notAfter !== key.notAfter
    )
      problems.push(`The key ${key.tokenKeyId.slice(0, 8)} came back with a different scope or window.`);
    else trusted.push(key);
  }
  const refused = new Set<string>();
  for (const key of fresh) {
    const clash =
      [...known.values()].find((other) => other.scope === key.scope && overlaps(other, key)) ??
      fresh.find((other) => other !== key && other.scope === key.scope && overlaps(other, key));
    if (clash) {
      refused.add(key.tokenKeyId);
      problems.push(
        `The server published a second key for “${key.scope}” in the same period (${key.tokenKeyId.slice(0, 8)}). ` +
          'A second key could single someone out, so this browser will not use it.',
      );
    }
  }
  for (const key of fresh) {
    if (refused.has(key.tokenKeyId)) continue;
    trusted.push(key);
    known.set(key.tokenKeyId, {
      tokenKeyId: key.tokenKeyId,
      scope: key.scope,
      notBefore: key.notBefore,
      notAfter: key.notAfter,
    });
  }
  return { accepted: [...known.values()], trusted, problems };
}

/**
 * Budget entries naming keys the public directory did not show: the answer to a credential must add
 * nothing to what everyone sees, or it could hand this one person a key of their own.
 */
export function unknownBudgetKeys(budget: { tokenKeyId: string }[], directory: IssuerKey[]): string[] {
  const ids = new Set(directory.map((key) => key.tokenKeyId));
  return budget.map((entry) => entry.tokenKeyId).filter((id) => !ids.has(id));
}
