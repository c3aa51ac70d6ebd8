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
