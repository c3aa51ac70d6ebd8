// The outbox's timing rule (issue 13): when an anonymous write may leave, against the enrolment and the
// end of the last identified exchange. Ranges of one value make each draw exact.
import { describe, expect, it } from 'vitest';
import { afterExchange, sendMoment } from '../../client/src/lib/wallet/timing.ts';

type Policy = Parameters<typeof sendMoment>[1];
const policy: Policy = { holdAfterEnrolMs: [200, 200], quietMs: [10, 10], jitterMs: [0, 0] };

describe('when an anonymous write leaves', () => {
  it('waits the hold counted from the enrolment, not from the end of its refill', () => {
    // Enrolled at 1000, the refill ended at 1100: the hold (200) ends at 1200, after the quiet period.
    expect(sendMoment({ now: 1050, enrolledAt: 1000, identifiedAt: 1100 }, policy)).toBe(1200);
  });

  it('never leaves within the quiet period after an identified exchange, even when the hold is over', () => {
    // A refill that ran past the hold: the write waits the quiet period after its end.
    expect(sendMoment({ now: 1050, enrolledAt: 1000, identifiedAt: 1250 }, policy)).toBe(1260);
  });

  it('leaves a jitter after it was written once hold and quiet period are over', () => {
    const later: Policy = { ...policy, jitterMs: [5, 5] };
    expect(sendMoment({ now: 5000, enrolledAt: 1000, identifiedAt: 1250 }, later)).toBe(5005);
    // Before enrolling (0: never) only the jitter counts: 0 is not a moment to count a hold from.
    expect(sendMoment({ now: 50, enrolledAt: 0, identifiedAt: 0 }, later)).toBe(55);
  });

  it('draws each write its own moment within the ranges', () => {
    const wide: Policy = {
      holdAfterEnrolMs: [300_000, 3_600_000],
      quietMs: [1, 2],
      jitterMs: [2_000, 30_000],
    };
    const moments = Array.from({ length: 50 }, () =>
      sendMoment({ now: 1_000, enrolledAt: 1_000, identifiedAt: 1_000 }, wide),
    );
    for (const at of moments) {
      expect(at).toBeGreaterThanOrEqual(1_000 + 300_000 + 2_000);
      expect(at).toBeLessThan(1_000 + 3_600_000 + 30_000);
    }
    // Fifty writes of one person do not leave together (drawn per write, not once per visit).
    expect(new Set(moments.map((at) => Math.floor(at / 60_000))).size).toBeGreaterThan(20);
  });

  it('after a refill, a waiting write moves past a quiet period from its end and keeps its own hold', () => {
    // Its moment (1500) is after the refill's end (1100) and quiet period: kept, not drawn again.
    expect(afterExchange(1500, 1100, policy)).toBe(1500);
    // Its moment fell inside the refill: a quiet period after the end.
    expect(afterExchange(1050, 1100, policy)).toBe(1110);
    // Redrawn many times, writes spread over the hold as drawn: taking the later of two hold draws (what
    // the outbox did until 7 December 2026) put their mean at two thirds of the range, not one half.
    const wide: Policy = { holdAfterEnrolMs: [0, 600_000], quietMs: [1, 1], jitterMs: [0, 0] };
    const moments = Array.from({ length: 4000 }, () => {
      const drawn = sendMoment({ now: 0, enrolledAt: 1, identifiedAt: 0 }, wide);
      return afterExchange(drawn, 10, wide);
    });
    const mean = moments.reduce((sum, at) => sum + at, 0) / moments.length;
    expect(mean).toBeGreaterThan(270_000);
    expect(mean).toBeLessThan(330_000);
  });
});
