import { describe, expect, it } from 'vitest';
import {
  addDays,
  binomialLower,
  binomialUpper,
  countDays,
  dailyCounts,
  trendOf,
  typicalFor,
  typicalShares,
} from '../../server/themes/engine/trend.ts';

const asOf = '2025-03-31';
const firstDay = '2025-01-01';
/** `count` comments spread evenly over days [from, to] days before asOf. */
function spread(count: number, fromAge: number, toAge: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    addDays(asOf, -Math.round(fromAge - ((fromAge - toAge) * i) / Math.max(1, count - 1))),
  );
}

describe('binomial tails', () => {
  it('match exact values', () => {
    expect(binomialUpper(0, 10, 0.3)).toBe(1);
    expect(binomialUpper(10, 10, 0.5)).toBeCloseTo(1 / 1024, 10);
    expect(binomialUpper(2, 4, 0.5)).toBeCloseTo(11 / 16, 10);
    expect(binomialLower(1, 4, 0.5)).toBeCloseTo(5 / 16, 10);
    expect(binomialUpper(5, 4, 0.5)).toBe(0);
  });
});

describe('trend', () => {
  it('is steady when the recent rate matches the baseline', () => {
    expect(trendOf(spread(30, 89, 0), { asOf, firstDay }).trend).toBe('steady');
  });

  it('is rising when the last two weeks are significantly busier than the theme used to be', () => {
    const days = [...spread(10, 89, 15), ...spread(15, 13, 0)];
    const test = trendOf(days, { asOf, firstDay });
    expect(test.trend).toBe('rising');
    expect(test.pValue).toBeLessThan(0.05);
    expect(test.ratio).toBeGreaterThan(1.5);
  });

  it('is emerging when a theme appears from nothing', () => {
    expect(trendOf(spread(8, 10, 0), { asOf, firstDay }).trend).toBe('emerging');
  });

  it('is fading when the theme went quiet', () => {
    expect(trendOf(spread(25, 89, 35), { asOf, firstDay }).trend).toBe('fading');
  });

  it('does not call a trend from tiny numbers', () => {
    expect(trendOf([addDays(asOf, -1)], { asOf, firstDay }).trend).toBe('steady');
    expect(
      trendOf([addDays(asOf, -80), addDays(asOf, -1), addDays(asOf, -2)], { asOf, firstDay }).trend,
    ).toBe('steady');
    expect(trendOf(spread(2, 80, 60), { asOf, firstDay }).trend).toBe('steady');
  });

  it('is not rising when the whole stream grew, not the theme’s share of it', () => {
    const days = [...spread(10, 89, 15), ...spread(15, 13, 0)];
    // Every theme tripled in the last two weeks (a new source came online): this one kept its share.
    const totals = countDays([...spread(100, 89, 15), ...spread(150, 13, 0)]);
    const steady = trendOf(days, { asOf, firstDay, totals });
    expect(steady.trend).toBe('steady');
    // It says why: the theme's 15 against a usual ~2.8, and all comments' rate up about as much.
    expect(steady.recent / steady.usual!).toBeGreaterThan(4);
    expect(steady.overall!).toBeGreaterThan(4);
    // Against a steady stream, the same counts are a rise.
    expect(trendOf(days, { asOf, firstDay, totals: countDays([...days, ...spread(200, 89, 0)]) }).trend).toBe(
      'rising',
    );
  });

  it('a few themes rising together are rising (the typical theme did not grow); a new source still is not', () => {
    // Four small themes rise at once and make the whole stream grow; five stay flat.
    const risers = [0, 1, 2, 3].map(() => [...spread(3, 89, 20), ...spread(8, 13, 0)]);
    const flat = [0, 1, 2, 3, 4].map(() => spread(6, 89, 0));
    const totals = countDays([...risers, ...flat].flat());
    const shares = typicalShares([...risers, ...flat].map(countDays), { asOf, firstDay })!;
    const typical = (days: string[]) => typicalFor(shares, countDays(days), { asOf, firstDay });
    expect(trendOf(risers[0]!, { asOf, firstDay, totals, typical: typical(risers[0]!) }).trend).toBe(
      'rising',
    );
    for (const days of flat)
      expect(trendOf(days, { asOf, firstDay, totals, typical: typical(days) }).trend).toBe('steady');
    // A new source lifts every theme threefold: the typical theme grew as much, and nothing is rising.
    const lifted = [0, 1, 2, 3, 4, 5, 6, 7].map(() => [...spread(10, 89, 15), ...spread(15, 13, 0)]);
    const everyone = typicalShares(lifted.map(countDays), { asOf, firstDay })!;
    const all = countDays(lifted.flat());
    for (const days of lifted)
      expect(
        trendOf(days, {
          asOf,
          firstDay,
          totals: all,
          typical: typicalFor(everyone, countDays(days), { asOf, firstDay }),
        }).trend,
      ).toBe('steady');
  });

  it('a rising theme is not part of its own reference: in a small set with three risers, each is still rising', () => {
    // Seven small themes: three rise (5 of their 8 comments in the last two weeks), one mixed theme grew a
    // little, three are flat. Counted in their own reference the risers pulled the typical theme's recent
    // share up to the mixed theme's (0.3), and a rise of 5 of 8 missed α there.
    const risers = [0, 1, 2].map(() => [...spread(3, 89, 20), ...spread(5, 13, 0)]);
    const mixed = [...spread(7, 89, 20), ...spread(3, 13, 0)];
    const flat = [0, 1, 2].map(() => spread(6, 89, 0));
    const themes = [...risers, mixed, ...flat];
    const totals = countDays(themes.flat());
    const shares = typicalShares(themes.map(countDays), { asOf, firstDay })!;
    const middle = shares.rise[Math.floor(shares.rise.length / 2)]!;
    expect(middle).toBeCloseTo(0.3, 2);
    const counted = { rise: middle, fall: shares.fall[Math.floor(shares.fall.length / 2)]! };
    expect(trendOf(risers[0]!, { asOf, firstDay, totals, typical: counted }).trend).toBe('steady');
    const typical = (days: string[]) => typicalFor(shares, countDays(days), { asOf, firstDay });
    for (const days of risers)
      expect(trendOf(days, { asOf, firstDay, totals, typical: typical(days) }).trend).toBe('rising');
    for (const days of [mixed, ...flat])
      expect(trendOf(days, { asOf, firstDay, totals, typical: typical(days) }).trend).toBe('steady');
  });

  it('says what it compared: the window and its usual count at the baseline rate', () => {
    // history 90 days: a rise compares the last 14 days with the 76 before, a fall the last 28 with the 62 before.
    const rising = trendOf([...spread(10, 89, 15), ...spread(15, 13, 0)], { asOf, firstDay });
    expect(rising).toMatchObject({ trend: 'rising', window: 14, recent: 15 });
    expect(rising.usual).toBeCloseTo((rising.baseline * 14) / 76, 1);
    expect(rising.recent).toBeGreaterThan(rising.usual!);
    expect(rising.overall).toBeNull(); // no totals given
    const fading = trendOf(spread(40, 89, 30), { asOf, firstDay });
    expect(fading).toMatchObject({ trend: 'fading', window: 28, recent: 0 });
    expect(fading.usual).toBeCloseTo((40 * 28) / 62, 1);
    const steady = trendOf(spread(30, 89, 0), { asOf, firstDay });
    expect(steady).toMatchObject({ trend: 'steady', window: 14 });
    expect(Math.abs(steady.recent - steady.usual!)).toBeLessThan(2);
    // Too little history: nothing to compare with.
    expect(trendOf(spread(5, 10, 0), { asOf, firstDay: addDays(asOf, -20) })).toMatchObject({
      trend: 'steady',
      recent: 5,
      usual: null,
    });
  });

  it('is steady without enough history to compare', () => {
    expect(trendOf(spread(10, 5, 0), { asOf, firstDay: addDays(asOf, -6) }).trend).toBe('steady');
  });

  it('ignores days after asOf', () => {
    expect(trendOf([...spread(30, 89, 0), ...spread(20, -10, -1)], { asOf, firstDay }).trend).toBe('steady');
  });
});

describe('daily counts', () => {
  it('fills every day of the span with zeros where nothing was said', () => {
    const series = dailyCounts(['2025-03-30', '2025-03-30', '2025-03-01', '2024-01-01'], asOf, 5);
    expect(series).toEqual([
      { day: '2025-03-27', count: 0 },
      { day: '2025-03-28', count: 0 },
      { day: '2025-03-29', count: 0 },
      { day: '2025-03-30', count: 2 },
      { day: '2025-03-31', count: 0 },
    ]);
  });
});

describe('trend of a small theme', () => {
  it('calls a ten-comment theme that went silent for a month fading, and an even one steady', () => {
    const asOf = '2025-03-31';
    const firstDay = addDays(asOf, -89);
    // Nine comments over the first two months, one in the last fortnight.
    const fading = [0, 4, 9, 13, 18, 24, 31, 38, 50, 82].map((d) => addDays(firstDay, d));
    expect(trendOf(fading, { asOf, firstDay }).trend).toBe('fading');
    const even = [3, 12, 21, 30, 39, 48, 57, 66, 75, 84].map((d) => addDays(firstDay, d));
    expect(trendOf(even, { asOf, firstDay }).trend).toBe('steady');
  });
});

describe('trend between recomputes (hysteresis)', () => {
  // A theme with 40 comments over the baseline and `recent` in the last fortnight; the first `recent` whose
  // rise test lands in [low, high), searched rather than hard-coded so the bands are the test's own.
  const rising = (recent: number) => [...spread(40, 89, 15), ...spread(recent, 13, 0)];
  const recentWithP = (low: number, high: number) => {
    for (let recent = 1; recent < 60; recent++) {
      const test = trendOf(rising(recent), { asOf, firstDay });
      if (test.pValue >= low && test.pValue < high && test.ratio >= 1.5) return recent;
    }
    throw new Error(`no count gives a rise p-value in [${low}, ${high})`);
  };

  it('keeps a trend while its test stays under 2α and enters one only under α/2', () => {
    const edge = rising(recentWithP(0.05, 0.1)); // not significant at α = 0.05
    expect(trendOf(edge, { asOf, firstDay }).trend).toBe('steady');
    expect(trendOf(edge, { asOf, firstDay, previous: 'rising' }).trend).toBe('rising');
    expect(trendOf(edge, { asOf, firstDay, previous: 'steady' }).trend).toBe('steady');
    const significant = rising(recentWithP(0.025, 0.05)); // significant at α, not at α/2
    expect(trendOf(significant, { asOf, firstDay }).trend).toBe('rising');
    expect(trendOf(significant, { asOf, firstDay, previous: 'steady' }).trend).toBe('steady');
    expect(trendOf(significant, { asOf, firstDay, previous: 'fading' }).trend).toBe('steady');
    expect(trendOf(significant, { asOf, firstDay, previous: 'emerging' }).trend).toBe('rising');
  });

  it('a rising theme whose share of a grown stream did not rise is steady, however clear its own rise', () => {
    // Its own rate tripled (p far under α/2), but so did everything: the share test, not the rate test,
    // decides, and last time's "rising" is no reason to keep it.
    const days = [...spread(10, 89, 15), ...spread(15, 13, 0)];
    const totals = countDays([...spread(100, 89, 15), ...spread(150, 13, 0)]);
    const test = trendOf(days, { asOf, firstDay, totals, previous: 'rising' });
    expect(test.pValue).toBeLessThan(0.025);
    expect(test.trend).toBe('steady');
  });

  it('keeps "fading" for a fall that is no longer quite significant, and says the fall it kept', () => {
    // Baseline comments over days 89–29 before asOf, `recent` over the last 28: the first pair whose fall
    // is at most half the rate but whose p-value is in [α, 2α), so only the test's level decides.
    const fallen = (baseline: number, recent: number) => [
      ...spread(baseline, 89, 28),
      ...spread(recent, 27, 0),
    ];
    let edge: { baseline: number; recent: number } | null = null;
    for (let baseline = 10; baseline <= 80 && !edge; baseline++)
      for (let recent = 0; recent / 28 / (baseline / 62) <= 0.5 && !edge; recent++) {
        const p = binomialLower(recent, recent + baseline, 28 / 90);
        if (p >= 0.05 && p < 0.1 && trendOf(fallen(baseline, recent), { asOf, firstDay }).trend === 'steady')
          edge = { baseline, recent };
      }
    expect(edge, 'a fall on the edge of α').not.toBeNull();
    const kept = trendOf(fallen(edge!.baseline, edge!.recent), { asOf, firstDay, previous: 'fading' });
    expect(kept.trend).toBe('fading');
    expect(kept.window).toBe(28);
    expect(kept.recent).toBe(edge!.recent);
    expect(kept.pValue).toBeLessThan(0.1);
    expect(trendOf(fallen(edge!.baseline, edge!.recent), { asOf, firstDay, previous: 'rising' }).trend).toBe(
      'steady',
    );
  });
});

describe('trend between recomputes: the effect it needs', () => {
  it('a large theme whose rate sits on the 1.5× line keeps its trend, and enters none from steady', () => {
    // 400 comments over the baseline, and the last fortnight at about 1.4× their rate: p is tiny either
    // way, so only the effect decides.
    const days = [...spread(400, 89, 15), ...spread(103, 13, 0)];
    const fresh = trendOf(days, { asOf, firstDay });
    expect(fresh.pValue).toBeLessThan(0.01);
    expect(fresh.ratio).toBeGreaterThan(1.3);
    expect(fresh.ratio).toBeLessThan(1.5);
    expect(fresh.trend).toBe('steady');
    expect(trendOf(days, { asOf, firstDay, previous: 'steady' }).trend).toBe('steady');
    expect(trendOf(days, { asOf, firstDay, previous: 'rising' }).trend).toBe('rising');
    // Well under it, it goes back to steady whatever it was.
    const flat = [...spread(400, 89, 15), ...spread(80, 13, 0)];
    expect(trendOf(flat, { asOf, firstDay, previous: 'rising' }).trend).toBe('steady');
  });
});
