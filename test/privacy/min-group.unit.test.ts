import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clampMinimumGroupSize, showCount, suppress } from '../../server/shared/min-group.ts';

const table = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 });
const kArb = fc.integer({ min: 3, max: 10 });
const cellsOf = (counts: number[]) => counts.map((count, i) => ({ key: `g${i}`, count }));

describe('suppress (fast-check properties)', () => {
  test('no shown cell is a group below k (0 < n < k)', () => {
    fc.assert(
      fc.property(table, kArb, fc.boolean(), (counts, k, withTotal) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const result = suppress(cellsOf(counts), k, withTotal ? total : undefined);
        for (const cell of result.cells) {
          if (cell.count !== null) expect(cell.count === 0 || cell.count >= k).toBe(true);
        }
        if (result.total !== null) expect(result.total).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 2000 },
    );
  });

  test('subtracting shown cells from a shown total never reveals a group below k', () => {
    fc.assert(
      fc.property(table, kArb, fc.integer({ min: 0, max: 10 }), (counts, k, unrecorded) => {
        const total = counts.reduce((a, b) => a + b, 0) + unrecorded;
        const result = suppress(cellsOf(counts), k, total);
        if (result.total === null) return;
        const shownSum = result.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
        const recovered = result.total - shownSum;
        // What an attacker can compute: the hidden remainder. It is 0 or ≥ k …
        expect(recovered === 0 || recovered >= k).toBe(true);
        // … and a small hidden group is never the only hidden piece (the remainder would be exactly it).
        const hiddenCells = result.cells
          .map((cell, i) => ({ ...cell, truth: counts[i]! }))
          .filter((cell) => cell.suppressed);
        const pieces = hiddenCells.length + (unrecorded > 0 ? 1 : 0);
        if (pieces === 1 && hiddenCells.length === 1) expect(hiddenCells[0]!.truth).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 2000 },
    );
  });

  test('shown numbers are the true numbers', () => {
    fc.assert(
      fc.property(table, kArb, (counts, k) => {
        const result = suppress(
          cellsOf(counts),
          k,
          counts.reduce((a, b) => a + b, 0),
        );
        result.cells.forEach((cell, i) => {
          if (cell.count !== null) expect(cell.count).toBe(counts[i]);
        });
      }),
    );
  });

  test('nothing is suppressed when every group is at least k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 10, max: 50 }), { minLength: 1, maxLength: 8 }),
        kArb,
        (counts, k) => {
          const total = counts.reduce((a, b) => a + b, 0);
          const result = suppress(cellsOf(counts), k, total);
          expect(result.cells.every((cell) => !cell.suppressed)).toBe(true);
          expect(result.total).toBe(total);
        },
      ),
    );
  });
});

describe('suppress (examples)', () => {
  test('one small cell next to a total also hides the next smallest cell', () => {
    const result = suppress(cellsOf([2, 7, 30]), 5, 39);
    expect(result.cells.map((cell) => cell.count)).toEqual([null, null, 30]);
    expect(result.total).toBe(39);
  });
  test('two small cells whose sum is below k hide a third', () => {
    const result = suppress(cellsOf([1, 2, 6, 40]), 5, 49);
    expect(result.cells.map((cell) => cell.count)).toEqual([null, null, null, 40]);
  });
  test('a total below k is hidden with every cell', () => {
    const result = suppress(cellsOf([1, 2]), 5, 3);
    expect(result).toEqual({
      cells: [expect.objectContaining({ count: null }), expect.objectContaining({ count: null })],
      total: null,
    });
  });
  test('k never goes below 3', () => {
    expect(clampMinimumGroupSize(1)).toBe(3);
    expect(clampMinimumGroupSize(7)).toBe(7);
    expect(showCount(2, 1)).toBeNull();
    expect(showCount(3, 1)).toBe(3);
  });
});
