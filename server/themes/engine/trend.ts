// Trend of a theme from its daily counts, by a stated test rather than a ratio of tiny numbers.
//
// Model: a theme's comments arrive as a Poisson process. Comparing the rate in a recent window
// (length W days) with the rate in the theme's own baseline before it (length B days) is the
// conditional binomial test for two Poisson rates: given n = recent + baseline comments, under "no
// change" recent ~ Binomial(n, W / (W + B)). One-sided p-values below ALPHA decide, and a minimum
// effect size keeps large themes from being "rising" over a trivial change. When the totals over all
// themes are known, the change must also be significant in the theme's share of all comments (binomial
// test against the baseline share), so growth of the whole stream does not make every theme rise:
//   emerging — significant rise, and the theme hardly existed before the last two windows;
//   rising   — significant rise over the last 14 days, rate ≥ 1.5× the baseline;
//   fading   — significant fall over the last 28 days (a fall needs longer to show), rate ≤ 0.5×;
//   steady   — otherwise (including too little history to tell).

export type Trend = 'emerging' | 'rising' | 'steady' | 'fading';

export const ALPHA = 0.05;
export const WINDOW_DAYS = 14;
const BASELINE_WINDOWS = 8;
const RISE_RATIO = 1.5;
const FALL_RATIO = 0.5;
const SMALL_FALL_ALPHA = 0.1;
const SMALL_FALL_RATIO = 0.3;
/** How much less of an effect keeps last time's trend (hysteresis): 1.25× to stay rising, 0.6× fading. */
const RATIO_SLACK = 1.2;

/** P(X ≤ k) for X ~ Poisson(mean). */
export function poissonLower(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let total = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    total += term;
  }
  return Math.min(1, total);
}

export interface TrendTest {
  trend: Trend;
  recent: number;
  baseline: number;
  /** Rate ratio recent/baseline (Infinity when the baseline is empty). */
  ratio: number;
  /** One-sided p-value of the deciding test (the rise test unless fading). */
  pValue: number;
  /** Days of the recent window the test compared (14 for a rise or none, 28 for a fall). */
  window: number;
  /**
   * Comments the theme would have had in that window at its baseline rate ("up from about 3 in a usual two
   * weeks"); null when there was no baseline to compare with.
   */
  usual: number | null;
  /**
   * How all comments' rate in that window compares with theirs over the same baseline (2: twice as many a day);
   * null without totals. A theme that grew no faster than everything is steady: this says so.
   */
  overall: number | null;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** Lanczos approximation of ln Γ(x). */
function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed exactly in log space. */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let total = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
    total += term;
    if (term < total * 1e-15 && i > n * p) break;
  }
  return Math.min(1, total);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialLower(k: number, n: number, p: number): number {
  return binomialUpper(n - k, n, 1 - p);
}

export interface TrendWindowOptions {
  /** Last day of the period (trends are measured against it). */
  asOf: string;
  /** First day with any data at all (the baseline cannot start before it). */
  firstDay: string;
  windowDays?: number;
  /**
   * Comments per day over all themes. When given, a change must also show in the theme's share of all
   * comments: when a new source starts (weekly pulse comments, say) and everything grows, nothing is "rising".
   */
  totals?: DayCounts;
  /**
   * The typical theme's share of its own comments that fall in the recent window (rise: the last w days;
   * fall: the last 2w), from `typicalShares`. A change then shows if the theme beat the whole stream's
   * growth (`totals`) or the typical theme's: when a few themes rise at once they make the stream grow
   * too, and against the stream alone none of them would be rising; when a new source lifts every theme,
   * the typical theme grows with them (and so does the stream), and nothing is rising.
   */
  typical?: { rise: number; fall: number };
  /**
   * The trend the theme had last time, when its content has not really changed since (hysteresis): a
   * theme keeps a trend while its tests stay under 2α, and moves into another only when they are under
   * α/2, so a theme on the edge does not flip between recomputes. Every test of a direction (the rate,
   * the share, the small-fall test) gets the same threshold; the effect it needs (the rate ratio) is a
   * fifth looser to stay.
   */
  previous?: Trend;
}

/** Comments per day. */
export type DayCounts = Map<string, number>;

export function countDays(days: Iterable<string>): DayCounts {
  const counts: DayCounts = new Map();
  for (const day of days) counts.set(day, (counts.get(day) ?? 0) + 1);
  return counts;
}

/** Trend of one theme from the days of its comments. */
export function trendOf(input: string[] | DayCounts, options: TrendWindowOptions): TrendTest {
  const w = options.windowDays ?? WINDOW_DAYS;
  const was =
    options.previous === undefined || options.previous === 'steady'
      ? null
      : options.previous === 'fading'
        ? 'down'
        : 'up';
  /** The significance level for a move up or down: looser to stay in last time's trend, stricter to enter one. */
  const levelFor = (direction: 'up' | 'down', alpha: number) =>
    options.previous === undefined ? alpha : was === direction ? 2 * alpha : alpha / 2;
  // And the effect it needs: a large theme's p-value is tiny either way, and its rate ratio on the line
  // (1.5×) would flip it at every recompute; staying needs a fifth less.
  const riseRatioNeeded = was === 'up' ? RISE_RATIO / RATIO_SLACK : RISE_RATIO;
  const fallRatioAllowed = (ratio: number) => (was === 'down' ? ratio * RATIO_SLACK : ratio);
  const ages = (counts: string[] | DayCounts) => {
    const byAge = new Map<number, number>();
    for (const [day, n] of Array.isArray(counts) ? countDays(counts) : counts) {
      const age = daysBetween(day, options.asOf);
      if (age >= 0) byAge.set(age, (byAge.get(age) ?? 0) + n);
    }
    return byAge;
  };
  const themeAges = ages(input);
  const totalAges = options.totals ? ages(options.totals) : null;
  let total = 0;
  for (const n of themeAges.values()) total += n;
  // Comments aged in [toInclusive, fromExclusive) days before asOf.
  const sum = (byAge: Map<number, number>, fromExclusive: number, toInclusive: number) => {
    let result = 0;
    for (const [age, n] of byAge) if (age >= toInclusive && age < fromExclusive) result += n;
    return result;
  };
  const count = (fromExclusive: number, toInclusive: number) => sum(themeAges, fromExclusive, toInclusive);
  /** One-sided p-value of the theme's share of all comments, recent window vs baseline (1 without totals). */
  const shareP = (
    direction: 'up' | 'down',
    window: number,
    baselineDays: number,
    recent: number,
    baseline: number,
  ) => {
    // Against the typical theme (when given): either reference may show the theme beat it.
    let typicalP = 1;
    if (options.typical) {
      const timeShare = window / (window + baselineDays);
      const typical = direction === 'up' ? options.typical.rise : options.typical.fall;
      typicalP =
        direction === 'up'
          ? binomialUpper(recent, recent + baseline, Math.max(timeShare, typical))
          : binomialLower(recent, recent + baseline, Math.min(timeShare, typical));
    }
    if (!totalAges) return options.typical ? typicalP : 0;
    const recentAll = sum(totalAges, window, 0);
    const baselineAll = sum(totalAges, window + baselineDays, window);
    const share = (baseline + 0.5) / (baselineAll + 1);
    const streamP =
      direction === 'up' ? binomialUpper(recent, recentAll, share) : binomialLower(recent, recentAll, share);
    return Math.min(streamP, typicalP);
  };
  const history = daysBetween(options.firstDay, options.asOf) + 1;
  /** The baseline's count scaled to the recent window's length. */
  const usualOf = (baseline: number, window: number, baselineDays: number) =>
    baselineDays > 0 ? Math.round(((baseline * window) / baselineDays) * 10) / 10 : null;
  /** All comments' rate in the window against theirs over the baseline before it. */
  const overallOf = (window: number, baselineDays: number) => {
    if (!totalAges || baselineDays <= 0) return null;
    const before = sum(totalAges, window + baselineDays, window);
    return before === 0
      ? null
      : Math.round((sum(totalAges, window, 0) / window / (before / baselineDays)) * 10) / 10;
  };
  if (history < 2 * w)
    return {
      trend: 'steady',
      recent: count(w, 0),
      baseline: 0,
      ratio: 1,
      pValue: 1,
      window: w,
      usual: null,
      overall: null,
    };

  // Rise: the last w days against up to BASELINE_WINDOWS·w days before them.
  const riseBaselineDays = Math.min(history - w, BASELINE_WINDOWS * w);
  const recent = count(w, 0);
  const baseline = count(w + riseBaselineDays, w);
  const riseP = binomialUpper(recent, recent + baseline, w / (w + riseBaselineDays));
  const riseRatio = baseline === 0 ? (recent > 0 ? Infinity : 1) : recent / w / (baseline / riseBaselineDays);
  const older = count(Infinity, 2 * w);
  const up = levelFor('up', ALPHA);
  if (
    riseP < up &&
    riseRatio >= riseRatioNeeded &&
    shareP('up', w, riseBaselineDays, recent, baseline) < up
  ) {
    const trend = older <= Math.max(1, 0.1 * total) && recent >= 3 ? 'emerging' : 'rising';
    const usual = usualOf(baseline, w, riseBaselineDays);
    const overall = overallOf(w, riseBaselineDays);
    return { trend, recent, baseline, ratio: riseRatio, pValue: riseP, window: w, usual, overall };
  }

  // Fall: the last 2w days against the baseline before them.
  const fall = 2 * w;
  const fallBaselineDays = Math.min(history - fall, BASELINE_WINDOWS * w);
  if (fallBaselineDays >= w) {
    const fallRecent = count(fall, 0);
    const fallBaseline = count(fall + fallBaselineDays, fall);
    const fallP = binomialLower(fallRecent, fallRecent + fallBaseline, fall / (fall + fallBaselineDays));
    const fallRatio = fallBaseline === 0 ? 1 : fallRecent / fall / (fallBaseline / fallBaselineDays);
    const down = levelFor('down', ALPHA);
    if (
      fallP < down &&
      fallRatio <= fallRatioAllowed(FALL_RATIO) &&
      shareP('down', fall, fallBaselineDays, fallRecent, fallBaseline) < down
    )
      return {
        trend: 'fading',
        recent: fallRecent,
        baseline: fallBaseline,
        ratio: fallRatio,
        pValue: fallP,
        window: fall,
        usual: usualOf(fallBaseline, fall, fallBaselineDays),
        overall: overallOf(fall, fallBaselineDays),
      };
    // A small theme (ten comments, say) that has gone nearly silent cannot reach α = 0.05 however clear
    // the fall: there, a stronger effect (≤ 0.3×) at α = 0.1 against the baseline rate taken as known
    // (Poisson). A wrong "fading" draws no attention, so it is the cheaper mistake.
    const expected = (fallBaseline * fall) / fallBaselineDays;
    const smallP = poissonLower(fallRecent, expected);
    const smallDown = levelFor('down', SMALL_FALL_ALPHA);
    if (
      fallBaseline >= 5 &&
      smallP < smallDown &&
      fallRatio <= fallRatioAllowed(SMALL_FALL_RATIO) &&
      shareP('down', fall, fallBaselineDays, fallRecent, fallBaseline) < smallDown
    )
      return {
        trend: 'fading',
        recent: fallRecent,
        baseline: fallBaseline,
        ratio: fallRatio,
        pValue: smallP,
        window: fall,
        usual: usualOf(fallBaseline, fall, fallBaselineDays),
        overall: overallOf(fall, fallBaselineDays),
      };
  }
  return {
    trend: 'steady',
    recent,
    baseline,
    ratio: riseRatio,
    pValue: riseP,
    window: w,
    usual: usualOf(baseline, w, riseBaselineDays),
    overall: overallOf(w, riseBaselineDays),
  };
}

type PeriodOptions = { asOf: string; firstDay: string; windowDays?: number };

/**
 * The share of a theme's comments that are recent (rise: the last w days against up to BASELINE_WINDOWS·w
 * before; fall: the last 2w likewise), for a theme with at least 3 comments in those windows.
 */
function recentShares(days: DayCounts, options: PeriodOptions): { rise?: number; fall?: number } {
  const w = options.windowDays ?? WINDOW_DAYS;
  const history = daysBetween(options.firstDay, options.asOf) + 1;
  const share = (window: number) => {
    const baselineDays = Math.min(history - window, BASELINE_WINDOWS * w);
    let recent = 0;
    let baseline = 0;
    for (const [day, n] of days) {
      const age = daysBetween(day, options.asOf);
      if (age < 0) continue;
      if (age < window) recent += n;
      else if (age < window + baselineDays) baseline += n;
    }
    return recent + baseline >= 3 ? recent / (recent + baseline) : undefined;
  };
  return { rise: share(w), fall: share(2 * w) };
}

const median = (sorted: number[]) => {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Every theme's recent shares (rise and fall), sorted: what `typicalFor` takes each theme's reference from. */
export interface TypicalShares {
  rise: number[];
  fall: number[];
}

/**
 * The recent shares of the themes with at least 3 comments in the windows (`recentShares`), sorted. Null
 * when fewer than 3 themes can tell.
 */
export function typicalShares(themes: DayCounts[], options: PeriodOptions): TypicalShares | null {
  const rise: number[] = [];
  const fall: number[] = [];
  for (const days of themes) {
    const shares = recentShares(days, options);
    if (shares.rise !== undefined) rise.push(shares.rise);
    if (shares.fall !== undefined) fall.push(shares.fall);
  }
  if (rise.length < 3 || fall.length < 3) return null;
  return { rise: rise.sort((a, b) => a - b), fall: fall.sort((a, b) => a - b) };
}

/**
 * The typical theme's recent shares as a reference for one theme: the median over the other themes, the
 * theme itself left out. With seven themes, three of them rising, a rising theme counted in its own
 * reference pulled the median up to where a clear rise (5 of 8 comments in the last two weeks) missed
 * α (bench/themes-tuning-trends.ts).
 */
export function typicalFor(
  typical: TypicalShares,
  days: DayCounts,
  options: PeriodOptions,
): { rise: number; fall: number } {
  const own = recentShares(days, options);
  const without = (sorted: number[], value: number | undefined) => {
    if (value === undefined) return sorted;
    const at = sorted.indexOf(value);
    return at < 0 ? sorted : [...sorted.slice(0, at), ...sorted.slice(at + 1)];
  };
  return { rise: median(without(typical.rise, own.rise)), fall: median(without(typical.fall, own.fall)) };
}

/** Zero-filled daily counts over the `span` days ending on asOf. */
export function dailyCounts(
  input: string[] | DayCounts,
  asOf: string,
  span: number,
): Array<{ day: string; count: number }> {
  const first = addDays(asOf, -(span - 1));
  const counts = Array.isArray(input) ? countDays(input) : input;
  return Array.from({ length: span }, (_, i) => {
    const day = addDays(first, i);
    return { day, count: counts.get(day) ?? 0 };
  });
}
