// TEMPORARY until server/privacy/min-group.ts lands.
export function voicesOf(counts: Map<string, number>, names: Map<string, string>, k: number) {
  return [...counts]
    .filter(([, count]) => count >= k)
    .map(([id, count]) => ({ department: { id, name: names.get(id) ?? '' }, count }));
}
