import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { enrolledMembers } from '../shared/departments.ts';
import { suppress } from '../shared/min-group.ts';
import { getSettings } from '../shared/settings.ts';
import { departmentNames, ownDepartmentCounts } from './queries.ts';

export interface Voice {
  /** null: everyone else — smaller teams, suppressed teams and people who did not say. */
  department: { id: string; name: string } | null;
  count: number;
}

/**
 * Which own departments may be shown, and the "voices from" counts on the board. An own department is
 * proven by the token that paid for the suggestion (only its enrolled members get `general@<dept>`
 * tokens), so the people who could have written a "Legal" item are Legal's enrolled members: one
 * person posting five items never unlocks the label, and padding the team shows on the transparency page.
 * The period is everything published. A department is shown — on its items and in the counts — only
 * where at least k published suggestions share it and at least k members can prove it, and complementary suppression (the privacy module)
 * keeps a hidden team from being recovered by subtracting the shown teams from the total.
 */
export function ownDepartmentVisibility(
  counts: Map<string, number>,
  totalPublished: number,
  names: Map<string, string>,
  k: number,
  people: Map<string, number>,
): { visible: Set<string>; voices: Voice[] } {
  const result = suppress(
    [...counts].map(([key, count]) => ({ key, count, people: people.get(key) ?? 0 })),
    k,
    totalPublished,
  );
  const shown = result.cells.filter((cell) => !cell.suppressed && cell.count! > 0);
  const voices: Voice[] = shown
    .map((cell) => ({ department: { id: cell.key, name: names.get(cell.key) ?? '' }, count: cell.count! }))
    .sort((a, b) => b.count - a.count || a.department.name.localeCompare(b.department.name));
  // What is left over is by construction 0 or ≥ k, so it can be shown as one group.
  const rest = result.total === null ? 0 : result.total - shown.reduce((sum, cell) => sum + cell.count!, 0);
  if (rest > 0) voices.push({ department: null, count: rest });
  return { visible: new Set(shown.map((cell) => cell.key)), voices };
}

/** Own departments that may be shown (≥ k published, after complementary suppression) and the board's counts. */
export async function visibleOwnDepartments(db: Kysely<Database>) {
  const [{ minimumGroupSize }, { counts, total }, names, people] = await Promise.all([
    getSettings(db),
    ownDepartmentCounts(db),
    departmentNames(db),
    enrolledMembers(db),
  ]);
  return ownDepartmentVisibility(counts, total, names, minimumGroupSize, people);
}
