import { suppressGrid } from '../shared/min-group.ts';
import type { RatingGroup } from './queries.ts';
import { EFFORT_MAX, OUTCOME_MAX, type ScoreCell } from '../../common/api/handoffs.ts';

// Team scorecards: every backstage team × the months of one calendar quarter, with each team's quarter,
// all teams per month and all teams over the quarter. One grid, suppressed as a whole through the shared
// minimum-group module, serves both the moderators' side-by-side view and each department page — so a
// cell hidden in one view is hidden in every view, and no view's numbers subtract to a small group.
// A finished quarter's grid never changes again, which is why periods are calendar quarters, not a
// rolling window (two overlapping windows would subtract to a single month).

/** 'YYYY-Qn' of a day. */
export const quarterOf = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The months of a quarter up to `today` ('YYYY-MM'), and its first day. */
export function quarterMonths(quarter: string, today: string): { months: string[]; firstDay: string } {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  const months = [first, first + 1, first + 2]
    .map((month) => `${year}-${String(month).padStart(2, '0')}`)
    .filter((month) => month <= today.slice(0, 7));
  return { months, firstDay: `${year}-${String(first).padStart(2, '0')}-01` };
}

/** The quarter before one ('2026-Q1' → '2025-Q4'). */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** What a period picker offers, newest first: the last four quarters, each followed by its months so far. */
export function recentPeriods(today: string): string[] {
  const periods: string[] = [];
  let quarter = quarterOf(today);
  for (let i = 0; i < 4; i++) {
    periods.push(quarter, ...quarterMonths(quarter, today).months.reverse());
    quarter = previousQuarter(quarter);
  }
  return periods;
}

interface Tally {
  count: number;
  effort: number[];
  outcome: number[];
  kudos: number;
}
const emptyTally = (): Tally => ({
  count: 0,
  effort: Array<number>(EFFORT_MAX).fill(0),
  outcome: Array<number>(OUTCOME_MAX).fill(0),
  kudos: 0,
});
function add(into: Tally, group: Pick<RatingGroup, 'effort' | 'outcome' | 'kudosAlert' | 'count'>) {
  into.count += group.count;
  into.effort[group.effort - 1]! += group.count;
  into.outcome[group.outcome - 1]! += group.count;
  if (group.kudosAlert) into.kudos += group.count;
}
function merge(tallies: Tally[]): Tally {
  const total = emptyTally();
  for (const tally of tallies) {
    total.count += tally.count;
    total.kudos += tally.kudos;
    tally.effort.forEach((n, i) => (total.effort[i]! += n));
    tally.outcome.forEach((n, i) => (total.outcome[i]! += n));
  }
  return total;
}
const mean = (distribution: number[], count: number) =>
  Math.round((distribution.reduce((sum, n, i) => sum + n * (i + 1), 0) / count) * 100) / 100;

function cell(period: string, tally: Tally, shown: boolean): ScoreCell {
  if (!shown || tally.count === 0) {
    return {
      period,
      suppressed: !shown,
      ratings: shown ? 0 : null,
      effort: null,
      outcome: null,
      effortDistribution: null,
      outcomeDistribution: null,
      kudosAlerts: shown ? 0 : null,
    };
  }
  return {
    period,
    suppressed: false,
    ratings: tally.count,
    effort: mean(tally.effort, tally.count),
    outcome: mean(tally.outcome, tally.count),
    effortDistribution: tally.effort,
    outcomeDistribution: tally.outcome,
    kudosAlerts: tally.kudos,
  };
}

export interface Grid {
  quarter: string;
  months: string[];
  teams: Array<{ department: { id: string; name: string }; cells: ScoreCell[]; quarter: ScoreCell }>;
  allTeams: { cells: ScoreCell[]; quarter: ScoreCell };
}

export function scoreGrid(
  teams: Array<{ id: string; name: string }>,
  groups: RatingGroup[],
  quarter: string,
  months: string[],
  k: number,
): Grid {
  const tallies = teams.map(() => months.map(emptyTally));
  const row = new Map(teams.map((team, i) => [team.id, i]));
  for (const group of groups) {
    const i = row.get(group.departmentId);
    const j = months.indexOf(group.month);
    if (i !== undefined && j >= 0) add(tallies[i]![j]!, group);
  }
  const counts = tallies.map((cells) => cells.map((tally) => tally.count));
  const shown = suppressGrid(counts, k);
  const rowTallies = tallies.map(merge);
  const columnTallies = months.map((_, j) => merge(tallies.map((cells) => cells[j]!)));
  return {
    quarter,
    months,
    teams: teams.map((team, i) => ({
      department: { id: team.id, name: team.name },
      cells: months.map((month, j) => cell(month, tallies[i]![j]!, !shown.hidden[i]![j])),
      quarter: cell(quarter, rowTallies[i]!, shown.rowTotals[i]!),
    })),
    allTeams: {
      cells: months.map((month, j) => cell(month, columnTallies[j]!, shown.columnTotals[j]!)),
      quarter: cell(quarter, merge(rowTallies), shown.grandTotal),
    },
  };
}

/** Latest shown month's mean effort minus the shown month before it (adjacent months only). */
export function change(cells: ScoreCell[]): number | null {
  for (let j = cells.length - 1; j > 0; j--) {
    const latest = cells[j]!;
    const before = cells[j - 1]!;
    if (latest.effort !== null && before.effort !== null)
      return Math.round((latest.effort - before.effort) * 100) / 100;
  }
  return null;
}
