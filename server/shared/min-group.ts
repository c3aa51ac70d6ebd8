// The one module every aggregate view uses: no count, chart or breakdown ever shows a group smaller
// than the minimum group size k, and no hidden group can be recovered by subtracting shown numbers
// from a shown total (complementary suppression). Pure: the browser may import it too.

export const MINIMUM_GROUP_SIZE_FLOOR = 3;

/** k is admin-settable but never below 3. */
export const clampMinimumGroupSize = (k: number): number =>
  Math.max(MINIMUM_GROUP_SIZE_FLOOR, Number.isFinite(k) ? Math.floor(k) : MINIMUM_GROUP_SIZE_FLOOR);

export interface Cell<K extends string> {
  key: K;
  count: number;
  /**
   * How many different people could have produced the cell, when that is not `count` (k counts people,
   * never items: five suggestions labelled "Legal" come from however many members can prove Legal).
   * Omitted: every counted thing is one person (a budget-1 scope, e.g. one pulse answer per member).
   */
  people?: number;
}

export interface ShownCell<K extends string> {
  key: K;
  /** null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

export interface Suppressed<K extends string> {
  cells: ShownCell<K>[];
  /** The total, or null when showing it would expose a small group. */
  total: number | null;
}

/** A cell is a small group when it holds something but fewer than k items or fewer than k people. */
export const isSmallGroup = (cell: { count: number; people?: number }, k: number): boolean =>
  cell.count > 0 && (cell.count < k || (cell.people ?? cell.count) < k);

/**
 * Suppresses every small group (0 < count < k, or fewer than k people behind it). When a total is shown, the hidden part is recoverable
 * as `total − shown`; it must be 0 or ≥ k (a single hidden piece of ≥ k is not a small group, and
 * several hidden pieces summing to ≥ k cannot be told apart). If not, the next smallest shown cells
 * are hidden too; if even that cannot work, the total is hidden. Zero cells are shown: an empty
 * group exposes nobody.
 */
export function suppress<K extends string>(cells: Cell<K>[], k: number, total?: number): Suppressed<K> {
  const minimum = clampMinimumGroupSize(k);
  const hidden = new Set<number>();
  cells.forEach((cell, index) => {
    if (isSmallGroup(cell, minimum)) hidden.add(index);
  });
  let showTotal = total !== undefined && total >= minimum;
  if (showTotal) {
    // Whatever is not shown, the reader computes as total − shown: that sum must be 0 or ≥ k.
    // A total larger than the cells' sum (people who declared no group) counts as one more hidden piece.
    const remainder = Math.max(0, total! - cells.reduce((sum, cell) => sum + cell.count, 0));
    const recoverable = () => [...hidden].reduce((sum, index) => sum + cells[index]!.count, 0) + remainder;
    const safe = () => recoverable() === 0 || recoverable() >= minimum;
    // Candidates for complementary suppression, smallest first (hiding small cells loses least).
    const candidates = cells
      .map((cell, index) => ({ index, count: cell.count }))
      .filter(({ index, count }) => !hidden.has(index) && count > 0)
      .sort((a, b) => a.count - b.count);
    while (!safe() && candidates.length) hidden.add(candidates.shift()!.index);
    if (!safe()) showTotal = false;
  }
  return {
    cells: cells.map((cell, index) =>
      hidden.has(index)
        ? { key: cell.key, count: null, suppressed: true }
        : { key: cell.key, count: cell.count, suppressed: false },
    ),
    total: showTotal ? total! : null,
  };
}

/**
 * Whether what a group of people produced (their comments, their score, their stories' days) may be
 * released at all: only when at least k people are in it. Every view asks this one question.
 */
export const releasable = (people: number, k: number): boolean => people >= clampMinimumGroupSize(k);

/**
 * Counts of things that are each published in full, with their day (kudos stories), are shown as they
 * are: anyone can recount them from the public list, so hiding a small count would protect nobody and
 * only pretend to. k applies to groups whose members' content is not each shown (answers, departments).
 */
export const publishedItemCount = (count: number): number => count;

/** A single number (e.g. "answers this week") is shown only when it is at least k. */
export const showCount = (count: number, k: number): number | null =>
  count >= clampMinimumGroupSize(k) ? count : null;

export interface SuppressedGrid {
  /** hidden[row][column]: the cell's count (and everything computed from it) is not shown. */
  hidden: boolean[][];
  /** Whether each row's total is shown (e.g. a team over the quarter). */
  rowTotals: boolean[];
  /** Whether each column's total is shown (e.g. all teams in a month). */
  columnTotals: boolean[];
  grandTotal: boolean;
}

/**
 * Complementary suppression for a table of people counts shown together with its row totals, column
 * totals and grand total (teams × months, "all teams" and "the quarter"). Small groups are hidden; then,
 * until nothing changes: every line's hidden part (total − shown) must be 0 or ≥ k, and no hidden small
 * group may be determined by the shown numbers taken together (subtracting a row and a column, not just
 * one line). Where either fails, the smallest shown cell of that line is hidden too, else the line's total.
 */
export function suppressGrid(counts: number[][], k: number): SuppressedGrid {
  const minimum = clampMinimumGroupSize(k);
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const rowSums = counts.map(sum);
  const columnSums = Array.from({ length: columns }, (_, j) => sum(counts.map((row) => row[j]!)));
  const shownTotal = (total: number) => total === 0 || total >= minimum;
  const hidden = counts.map((row) => row.map((count) => isSmallGroup({ count }, minimum)));
  const rowTotals = rowSums.map(shownTotal);
  const columnTotals = columnSums.map(shownTotal);
  let grandTotal = shownTotal(sum(rowSums));

  type Line = { cells: Array<[number, number]>; shown: () => boolean; hideTotal: () => void };
  const lines: Line[] = [
    ...counts.map((_, i) => ({
      cells: Array.from({ length: columns }, (_, j) => [i, j] as [number, number]),
      shown: () => rowTotals[i]!,
      hideTotal: () => (rowTotals[i] = false),
    })),
    ...Array.from({ length: columns }, (_, j) => ({
      cells: Array.from({ length: rows }, (_, i) => [i, j] as [number, number]),
      shown: () => columnTotals[j]!,
      hideTotal: () => (columnTotals[j] = false),
    })),
  ];
  /** Hides the smallest shown non-empty cell of the line, else its total. */
  const widen = (line: Line) => {
    const candidate = line.cells
      .filter(([i, j]) => !hidden[i]![j]! && counts[i]![j]! > 0)
      .sort(([a, b], [c, d]) => counts[a]![b]! - counts[c]![d]!)[0];
    if (candidate) hidden[candidate[0]]![candidate[1]] = true;
    else line.hideTotal();
  };

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (!line.shown()) continue;
      const remainder = sum(line.cells.filter(([i, j]) => hidden[i]![j]).map(([i, j]) => counts[i]![j]!));
      if (remainder > 0 && remainder < minimum) {
        widen(line);
        changed = true;
      }
    }
    // The grand total against the shown row totals and against the shown column totals.
    if (grandTotal) {
      const hiddenRows = sum(rowSums.filter((_, i) => !rowTotals[i]));
      const hiddenColumns = sum(columnSums.filter((_, j) => !columnTotals[j]));
      if ((hiddenRows > 0 && hiddenRows < minimum) || (hiddenColumns > 0 && hiddenColumns < minimum)) {
        grandTotal = false;
        changed = true;
      }
    }
    if (changed) continue;
    // A hidden small group pinned down by several lines at once (row − column, …).
    for (let i = 0; i < rows && !changed; i++) {
      for (let j = 0; j < columns && !changed; j++) {
        if (!hidden[i]![j] || !isSmallGroup({ count: counts[i]![j]! }, minimum)) continue;
        if (!determined(hidden, rowTotals, columnTotals, grandTotal, [i, j])) continue;
        const line = lines.find(
          (candidate) => candidate.shown() && candidate.cells.some(([a, b]) => a === i && b === j),
        );
        if (line) widen(line);
        else grandTotal = false;
        changed = true;
      }
    }
  }
  return { hidden, rowTotals, columnTotals, grandTotal };
}

/**
 * Whether the hidden cell's value follows from the shown line totals: its unit vector lies in the span of
 * the constraints (rank drops when its column is removed). Gaussian elimination over the hidden cells.
 */
function determined(
  hidden: boolean[][],
  rowTotals: boolean[],
  columnTotals: boolean[],
  grandTotal: boolean,
  target: [number, number],
): boolean {
  const unknowns: Array<[number, number]> = [];
  hidden.forEach((row, i) => row.forEach((isHidden, j) => isHidden && unknowns.push([i, j])));
  const constraints: number[][] = [];
  rowTotals.forEach((shown, i) => {
    if (shown) constraints.push(unknowns.map(([a]) => (a === i ? 1 : 0)));
  });
  columnTotals.forEach((shown, j) => {
    if (shown) constraints.push(unknowns.map(([, b]) => (b === j ? 1 : 0)));
  });
  // The grand total with the hidden row totals (or column totals) as one more sum of hidden cells.
  if (grandTotal) {
    constraints.push(unknowns.map(([a]) => (rowTotals[a] ? 0 : 1)));
    constraints.push(unknowns.map(([, b]) => (columnTotals[b] ? 0 : 1)));
  }
  const index = unknowns.findIndex(([a, b]) => a === target[0] && b === target[1]);
  const without = constraints.map((row) => row.filter((_, column) => column !== index));
  return rank(constraints) > rank(without);
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const factor = m[i]![c]! / m[r]![c]!;
      if (factor !== 0) m[i] = m[i]!.map((value, k) => value - factor * m[r]![k]!);
    }
    r++;
  }
  return r;
}
