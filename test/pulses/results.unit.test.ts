import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shapeResults } from '../../server/pulses/results.ts';

const DEPARTMENTS = ['a', 'b', 'c', 'd', 'e'];
const answers = fc.array(
  fc.record({
    score: fc.integer({ min: 0, max: 10 }),
    department: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: null }),
    comment: fc.boolean(),
  }),
  { maxLength: 60 },
);

describe('pulse results never expose a group below k', () => {
  test('shown counts are ≥ k, and what is hidden cannot be recovered from the total', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 3, max: 8 }), (generated, k) => {
        const rows = generated.map((answer, index) => ({
          id: String(index),
          score: answer.score,
          comment: answer.comment ? 'a comment' : null,
          day: '2026-01-01',
          departmentId: answer.department,
          departmentName: answer.department,
          commentModeration: 'published' as const,
          commentHideReason: null,
        }));
        const results = shapeResults('0-10', rows, k, 'public', true);
        if (rows.length < k) {
          // Every cell hidden, zeros too (a shown zero would point at where the few answers are).
          for (const cell of [...results.breakdown, ...results.distribution.cells])
            expect(cell.suppressed).toBe(true);
          expect(results.score).toBeNull();
          expect(results.comments).toEqual([]);
          return;
        }
        for (const cells of [results.breakdown, results.distribution.cells]) {
          let shown = 0;
          for (const cell of cells) {
            if (cell.count !== null && cell.count > 0) expect(cell.count).toBeGreaterThanOrEqual(k);
            shown += cell.count ?? 0;
          }
          const hidden = rows.length - shown;
          expect(hidden === 0 || hidden >= k).toBe(true);
        }
        for (const row of results.breakdown) if (row.suppressed) expect(row.score).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
