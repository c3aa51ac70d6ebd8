// Department-proving scopes. `<scope>@<department id>` is a sibling of `<scope>` whose key is issued
// only to members enrolled with that department and shares the base key's budget, so spending one
// proves "the author is one of this department's members" and still counts as one of that person's.
// Only scopes where a department label is worth proving have siblings.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const departmentScope = (scope: string, departmentId: string) => `${scope}@${departmentId}`;

/** Whether a base scope may have department siblings: the general scope and pulse answers. */
export const hasDepartmentSiblings = (scope: string) => scope === 'general' || scope.startsWith('pulse:');

/** `{ base, departmentId }` for a scope; departmentId null for an ordinary scope. */
export function parseScope(scope: string): { base: string; departmentId: string | null } {
  const at = scope.lastIndexOf('@');
  if (at < 0) return { base: scope, departmentId: null };
  const base = scope.slice(0, at);
  const departmentId = scope.slice(at + 1);
  if (!hasDepartmentSiblings(base) || !UUID.test(departmentId)) return { base: scope, departmentId: null };
  return { base, departmentId: departmentId.toLowerCase() };
}

/** Whether a token of `keyScope` may pay for a route that spends `routeScope`. */
export const paysFor = (keyScope: string, routeScope: string) =>
  keyScope === routeScope || parseScope(keyScope).base === routeScope;
