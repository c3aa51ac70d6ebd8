import { departmentExists } from '../shared/departments.ts';
import { budgetFor, ensureDepartmentKeys, ensureGeneralKeys, isIssuable, type KeyDeps } from './keys.ts';
import { parseScope } from './scopes.ts';

/** Live keys in the shape of DESIGN §6, with this request's issuer name and origin (`names`). */
export async function publishedKeys(
  deps: KeyDeps,
  names: { issuerName: string; originInfo: string },
  scope?: string,
) {
  const now = new Date();
  let keys = (await deps.keyring.current()).filter((key) => isIssuable(key, now));
  if (!keys.some((key) => key.scope === 'general' && key.notBefore <= now)) {
    await ensureGeneralKeys(deps, now);
    keys = (await deps.keyring.current()).filter((key) => isIssuable(key, now));
  }
  if (scope && parseScope(scope).departmentId && !keys.some((key) => key.scope === scope)) {
    await ensureDepartmentKeys(deps, scope, (id) => departmentExists(deps.db, id), now);
  }
  if (scope && !keys.some((key) => key.scope === scope))
    keys = (await deps.keyring.current()).filter((key) => isIssuable(key, now));
  const out = [];
  for (const key of keys) {
    if (scope && key.scope !== scope) continue;
    out.push({
      tokenKey: key.tokenKey.toString('base64url'),
      tokenKeyId: key.id,
      scope: key.scope,
      budget: await budgetFor(deps.db, key),
      notBefore: key.notBefore.toISOString(),
      notAfter: key.notAfter.toISOString(),
      ...names,
    });
  }
  return out;
}
