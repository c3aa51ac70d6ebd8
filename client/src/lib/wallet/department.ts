// Department-proving tokens (k counts people). A member enrolled with a department's code may obtain
// `<scope>@<department>` tokens for `general` and `pulse:<id>`; they share the base key's budget, so the
// wallet decides up front how to split it: a small pool of general tokens that say "I work in <dept>"
// (spent only when the author ticks that box) and, for pulses, the department token instead of the
// plain one, so the answer counts in the team's breakdown (shown only from k people).
import type { PublishedKey } from '../api/tokens.ts';

/** General tokens kept back for "I work in <dept>" per epoch; the rest are plain. */
export const DEPARTMENT_POOL = 5;

export const departmentScope = (scope: string, departmentId: string) => `${scope}@${departmentId}`;
export const hasDepartmentSibling = (scope: string) => scope === 'general' || scope.startsWith('pulse:');
export const isDepartmentScope = (scope: string) => scope.includes('@');

/** The scope a pulse answer is paid with: the department's when the member has one. */
export const pulseScopeFor = (pulseScope: string, departmentId: string | null) =>
  departmentId ? departmentScope(pulseScope, departmentId) : pulseScope;

/**
 * How many tokens to obtain per key. `left` is the remaining budget per key id (a sibling reports its
 * base key's), `held` how many unspent tokens the wallet has per scope.
 */
export function planFill(
  keys: PublishedKey[],
  siblings: PublishedKey[],
  left: Map<string, number>,
  held: (scope: string, key: PublishedKey) => number,
  departmentId: string | null,
  maxBatch: number,
): Array<{ key: PublishedKey; count: number }> {
  const plan: Array<{ key: PublishedKey; count: number }> = [];
  for (const key of keys) {
    if (isDepartmentScope(key.scope)) continue;
    const remaining = left.get(key.tokenKeyId) ?? 0;
    const sibling =
      departmentId && hasDepartmentSibling(key.scope)
        ? siblings.find(
            (candidate) =>
              candidate.scope === departmentScope(key.scope, departmentId) &&
              candidate.notBefore === key.notBefore,
          )
        : undefined;
    if (!sibling) {
      plan.push({ key, count: Math.min(remaining, maxBatch) });
      continue;
    }
    // Pulses: the one answer goes through the department key. General: a small department pool first.
    const want =
      key.scope === 'general' ? Math.max(0, DEPARTMENT_POOL - held(sibling.scope, sibling)) : remaining;
    const forSibling = Math.min(remaining, want, maxBatch);
    plan.push({ key: sibling, count: forSibling });
    if (key.scope === 'general') plan.push({ key, count: Math.min(remaining - forSibling, maxBatch) });
  }
  return plan.filter((entry) => entry.count > 0);
}
