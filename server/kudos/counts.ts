import type { DepartmentKind } from '../../db/schema.ts';
import { publishedItemCount } from '../shared/min-group.ts';

// Pure shaping of kudos counts through the one privacy module. Every published story is listed with its
// day (GET /api/kudos?department=), so its counts are recountable by anyone: they are shown as counts
// (publishedItemCount), never "hidden" while the list next to them gives them away.

/** The last `n` months as 'YYYY-MM' (UTC), newest first. */
export function recentMonths(n: number, now = new Date()): string[] {
  return Array.from({ length: n }, (_, back) => {
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return at.toISOString().slice(0, 7);
  });
}

/** Oldest first: published stories per month, and their total. */
export function monthlySeries(monthsNewestFirst: string[], counts: Map<string, number>) {
  const months = [...monthsNewestFirst]
    .reverse()
    .map((month) => ({ month, count: publishedItemCount(counts.get(month) ?? 0), suppressed: false }));
  return { total: months.reduce((sum, month) => sum + month.count, 0), months };
}

interface DepartmentRef {
  id: string;
  name: string;
  kind: DepartmentKind;
}

/** Departments ranked by published stories (ties: backstage first, then by name); zeros unranked. */
export function recognitionRanking(departments: DepartmentRef[], counts: Map<string, number>) {
  const rows = departments.map((department) => ({
    department,
    count: publishedItemCount(counts.get(department.id) ?? 0),
  }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const visible = rows.sort(
    (a, b) =>
      b.count - a.count ||
      Number(b.department.kind === 'backstage') - Number(a.department.kind === 'backstage') ||
      a.department.name.localeCompare(b.department.name),
  );
  return {
    total,
    // Teams with no kudos yet are listed but not ranked.
    departments: visible.map((row, index) => ({
      department: row.department,
      count: row.count,
      suppressed: false,
      rank: row.count > 0 ? index + 1 : null,
    })),
  };
}
