import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inScale, pulseScore } from '../../server/pulses/score.ts';

describe('pulse score', () => {
  test('eNPS: % promoters (9–10) minus % detractors (0–6)', () => {
    expect(pulseScore('0-10', [10, 9, 8, 7, 6, 0])).toBe(0);
    expect(pulseScore('0-10', [10, 10, 10, 3])).toBe(50);
    expect(pulseScore('0-10', [])).toBeNull();
  });

  test('eNPS stays within −100…100 and the 1–5 average within 1…5', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (scores) => {
        const score = pulseScore('0-10', scores)!;
        return score >= -100 && score <= 100;
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (scores) => {
        const score = pulseScore('1-5', scores)!;
        return score >= 1 && score <= 5;
      }),
    );
  });

  test('scales', () => {
    expect(inScale('1-5', 0)).toBe(false);
    expect(inScale('1-5', 5)).toBe(true);
    expect(inScale('0-10', 0)).toBe(true);
    expect(inScale('0-10', 11)).toBe(false);
  });
});
