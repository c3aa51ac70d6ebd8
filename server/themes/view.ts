import type { ThemeSource, ThemeTrend } from '../../db/tables/themes.ts';
import { suppress } from '../shared/min-group.ts';
import { pickQuotes, vocabularyOf } from './engine/quotes.ts';
import { quote } from './engine/redact.ts';
import { toneDistribution } from './engine/sentiment.ts';
import { countDays, dailyCounts, trendOf, WINDOW_DAYS } from './engine/trend.ts';

// The moderator's view of the 'all' snapshot: every number recomputed from the (filtered) comments of
// each theme, so filters by source, period and department give honest sizes, trends and quotes.

interface ThemeRowLike {
  id: string;
  label: string;
  keywords: string[];
  firstSeen: string;
  /** The snapshot's trend and its test, over everyone. */
  trend: ThemeTrend;
  /** A moderator's pin holds on it (the engine's answer, stored with the snapshot): listed first. */
  pinned?: boolean;
  /** The snapshot's tone over the whole theme (shown with a department filter: see below). */
  tone?: { positive: number; neutral: number; negative: number };
  trendTest: {
    recent?: number;
    baseline?: number;
    ratio?: number | null;
    pValue?: number;
    window?: number;
    usual?: number | null;
    overall?: number | null;
  };
}

/**
 * What a theme's trend was judged on, in the words a reader gets ("9 comments in the last two weeks, up
 * from about 3 in a usual two weeks"): the test's own window and baseline, so the sentence never argues with
 * the trend beside it (it compared the last two weeks with the two before, while the trend compares with up
 * to sixteen weeks). `portalWide`: the trend (and so these numbers) are the theme's over everyone, shown
 * beside a department's share of it.
 */
export interface TrendEvidence {
  days: number;
  recent: number;
  usual: number | null;
  /** All comments' rate in the window against their usual (a theme that grew no faster than everything is steady). */
  overall: number | null;
  portalWide: boolean;
}

/** The evidence of a stored snapshot test (one saved before it kept its window reads as none). */
export function evidenceOf(test: ThemeRowLike['trendTest'], portalWide = false): TrendEvidence {
  return {
    days: test.window ?? WINDOW_DAYS,
    recent: test.recent ?? 0,
    usual: test.window === undefined ? null : (test.usual ?? null),
    overall: test.overall ?? null,
    portalWide,
  };
}

interface ItemRowLike {
  id: string;
  themeId: string;
  source: ThemeSource;
  text: string;
  day: string;
  published: boolean;
  /** The source's moderation or lifecycle state, shown in the comment lists; null where there is none. */
  status: string | null;
  departmentId: string | null;
  sentiment: number;
  centrality: number;
  prompt: string | null;
  promptAskedOn: string | null;
}

export interface ViewOptions {
  asOf: string;
  firstDay: string | null;
  k: number;
  names: Map<string, string>;
  /** With a department filter, a theme with fewer than k comments would describe a small group: left out. */
  departmentFilter: boolean;
  /**
   * Per source, the items a moderator has yet to look at (`app.themeSources.awaiting`): a theme's
   * `pending`. Read live, not from the snapshot, so it follows the queue as moderators work.
   */
  awaiting: ReadonlyMap<ThemeSource, ReadonlySet<string>>;
  span: number;
  /**
   * Trends from the snapshot, not recomputed: every view of the same themes (home, themes page,
   * department pages) says the same thing about them. Only a period or source filter asks a different
   * question and recomputes.
   */
  snapshotTrend: boolean;
}

const TREND_ORDER: Record<ThemeTrend, number> = { emerging: 0, rising: 1, steady: 2, fading: 3 };
const SOURCES: ThemeSource[] = ['suggestion', 'kudos', 'pulse', 'focus-group', 'handoff', 'customer'];

export function moderatorThemes(themes: ThemeRowLike[], items: ItemRowLike[], options: ViewOptions) {
  const byTheme = new Map<string, ItemRowLike[]>();
  for (const item of items) {
    const list = byTheme.get(item.themeId) ?? [];
    list.push(item);
    byTheme.set(item.themeId, list);
  }
  const totals = countDays(items.map((item) => item.day));
  let suppressedThemes = 0;
  const result = [];
  for (const theme of themes) {
    const members = byTheme.get(theme.id) ?? [];
    if (members.length === 0) continue;
    if (options.departmentFilter && members.length < options.k) {
      suppressedThemes++;
      continue;
    }
    const days = countDays(members.map((item) => item.day));
    const test = options.snapshotTrend
      ? {
          trend: theme.trend,
          recent: theme.trendTest.recent ?? 0,
          baseline: theme.trendTest.baseline ?? 0,
          ratio: theme.trendTest.ratio ?? Infinity,
          pValue: theme.trendTest.pValue ?? 1,
          evidence: evidenceOf(theme.trendTest, options.departmentFilter),
        }
      : (() => {
          const computed = trendOf(days, {
            asOf: options.asOf,
            firstDay: options.firstDay ?? options.asOf,
            totals,
          });
          return { ...computed, evidence: evidenceOf(computed) };
        })();
    const departmentCounts = new Map<string, number>();
    for (const item of members)
      if (item.departmentId)
        departmentCounts.set(item.departmentId, (departmentCounts.get(item.departmentId) ?? 0) + 1);
    const cells = [...departmentCounts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count);
    // The theme's size is shown, so complementary suppression treats it as the total.
    const breakdown = suppress(cells, options.k, members.length);
    const quoted = pickQuotes(members, 3, (item) => item.centrality, vocabularyOf(theme)).map((item) => ({
      itemId: item.id,
      text: quote(item.text),
    }));
    result.push({
      id: theme.id,
      label: theme.label,
      keywords: theme.keywords,
      size: members.length,
      published: members.filter((item) => item.published).length,
      pending: members.filter((item) => options.awaiting.get(item.source)?.has(item.id)).length,
      trend: test.trend,
      test: {
        recent: test.recent,
        baseline: test.baseline,
        ratio: Number.isFinite(test.ratio) ? Math.round(test.ratio * 100) / 100 : null,
        pValue: test.pValue,
      },
      sentiment:
        Math.round((members.reduce((sum, item) => sum + item.sentiment, 0) / members.length) * 100) / 100,
      // With a department filter the shares would count a department's comments of each tone, cells that
      // can be smaller than k (a size of 5 at 20 % negative is one comment): the theme's tone over everyone.
      tone:
        options.departmentFilter && theme.tone
          ? theme.tone
          : toneDistribution(members.map((item) => item.sentiment)),
      evidence: test.evidence,
      daily: dailyCounts(days, options.asOf, options.span),
      quotes: quoted.map((item) => item.text),
      quoteItems: quoted,
      firstSeen: theme.firstSeen,
      pinned: theme.pinned ?? false,
      sources: SOURCES.map((source) => ({
        source,
        count: members.filter((item) => item.source === source).length,
      })).filter((s) => s.count > 0),
      departments: breakdown.cells.map((cell) => ({
        id: cell.key,
        name: options.names.get(cell.key) ?? 'Unknown department',
        count: cell.count,
        suppressed: cell.suppressed,
      })),
      questions: questionLines(members, options.k),
    });
  }
  // Pinned first (as the snapshot ranks them), then as the list promises: emerging, rising, steady, fading.
  result.sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      TREND_ORDER[a.trend] - TREND_ORDER[b.trend] ||
      b.size - a.size ||
      a.label.localeCompare(b.label),
  );
  return { themes: result, suppressedThemes };
}

export interface QuestionLine {
  question: string;
  points: Array<{ askedOn: string; count: number | null; suppressed: boolean }>;
}

/**
 * A theme's pulse comments, one line per question (by its wording: a repeated question is one line) and one
 * point per asking. A pulse takes one answer per person, so a point counts people: points below k are hidden,
 * and since the theme's pulse total is shown (its sources), so are as many more as it takes for the hidden
 * part (total − shown) not to be a small group itself. Comments saved before questions were kept (no prompt)
 * count in that hidden part.
 */
export function questionLines(
  members: Array<Pick<ItemRowLike, 'source' | 'prompt' | 'promptAskedOn'>>,
  k: number,
): QuestionLine[] {
  const pulse = members.filter((item) => item.source === 'pulse');
  const askings = new Map<string, { question: string; askedOn: string; count: number }>();
  for (const item of pulse) {
    if (item.prompt === null || item.promptAskedOn === null) continue;
    const key = JSON.stringify([item.prompt, item.promptAskedOn]);
    const asking = askings.get(key) ?? { question: item.prompt, askedOn: item.promptAskedOn, count: 0 };
    asking.count++;
    askings.set(key, asking);
  }
  const cells = [...askings.values()].sort(
    (a, b) => a.askedOn.localeCompare(b.askedOn) || a.question.localeCompare(b.question),
  );
  const shown = suppress(
    cells.map((cell, index) => ({ key: String(index), count: cell.count })),
    k,
    pulse.length,
  );
  const lines = new Map<string, QuestionLine>();
  cells.forEach((cell, index) => {
    const line = lines.get(cell.question) ?? { question: cell.question, points: [] };
    const { count, suppressed } = shown.cells[index]!;
    line.points.push({ askedOn: cell.askedOn, count, suppressed });
    lines.set(cell.question, line);
  });
  return [...lines.values()];
}
