import type { DepartmentKind } from '../../db/schema.ts';
import { suppress } from '../privacy/min-group.ts';

// Pure shaping of kudos counts through the one minimum-group-size module.

/** The last `n` months as 'YYYY-MM' (UTC), newest first. */
export function recentMonths(n: number, now = new Date()): string[] {
  return Array.from({ length: n }, (_, back) => {
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return at.toISOString().slice(0, 7);
  });
}

/** Oldest first, each month hidden below k; the total only when no month is hidden. */
export function monthlySeries(monthsNewestFirst: string[], counts: Map<string, number>, k: number) {
  const months = [...monthsNewestFirst].reverse();
  const cells = months.map((month) => ({ key: month, count: counts.get(month) ?? 0 }));
  // No total is published next to the months (it would let a hidden month be worked out by subtraction),
  // so no shown month has to be hidden as a complement. Without hidden months the total is just their sum.
  const shown = suppress(cells, k);
  const total = shown.cells.some((cell) => cell.suppressed)
    ? null
    : cells.reduce((sum, cell) => sum + cell.count, 0);
  return {
    total,
    months: shown.cells.map((cell) => ({ month: cell.key, count: cell.count, suppressed: cell.suppressed })),
  };
}

interface DepartmentRef {
  id: string;
  name: string;
  kind: DepartmentKind;
}

/** Shown counts ranked (ties: backstage first, then by name); zeros unranked; hidden ones after, alphabetical, unranked. */
export function recognitionRanking(departments: DepartmentRef[], counts: Map<string, number>, k: number) {
  const cells = departments.map((department) => ({
    key: department.id,
    count: counts.get(department.id) ?? 0,
  }));
  // As for months: no total is published beside hidden cells, so no complementary cell has to go.
  const shown = suppress(cells, k);
  const total = shown.cells.some((cell) => cell.suppressed)
    ? null
    : cells.reduce((sum, cell) => sum + cell.count, 0);
  const rows = departments.map((department, index) => ({ department, ...shown.cells[index]! }));
  const visible = rows
    .filter((row) => !row.suppressed)
    .sort(
      (a, b) =>
        b.count! - a.count! ||
        Number(b.department.kind === 'backstage') - Number(a.department.kind === 'backstage') ||
        a.department.name.localeCompare(b.department.name),
    );
  const hidden = rows
    .filter((row) => row.suppressed)
    .sort((a, b) => a.department.name.localeCompare(b.department.name));
  return {
    total,
    departments: [
      // Teams with no kudos yet are listed but not ranked.
      ...visible.map((row, index) => ({
        department: row.department,
        count: row.count,
        suppressed: false,
        rank: row.count! > 0 ? index + 1 : null,
      })),
      ...hidden.map((row) => ({ department: row.department, count: null, suppressed: true, rank: null })),
    ],
  };
}
