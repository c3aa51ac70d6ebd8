import type { Trend } from '../../api/themes.ts';
import { t } from '../../i18n/index.ts';

/** How each trend reads to a person, and its pill colour. */
export const TREND_TEXT: Record<Trend, { label: string; pill: string; hint: string }> = {
  emerging: {
    label: 'Emerging',
    pill: 'amber',
    hint: 'New: hardly mentioned before the last four weeks, now clearly present.',
  },
  rising: {
    label: 'Rising',
    pill: 'amber',
    hint: 'Mentioned clearly more in the last two weeks than before.',
  },
  steady: { label: 'Steady', pill: 'grey', hint: 'No clear change.' },
  fading: {
    label: 'Fading',
    pill: '',
    hint: 'Mentioned clearly less in the last four weeks than before.',
  },
};

export const SOURCE_TEXT = {
  suggestion: 'Suggestions',
  kudos: 'Kudos',
  pulse: 'Pulse comments',
  'focus-group': 'Focus groups',
  customer: 'Customers',
  handoff: 'Handoff ratings',
} as const;

/** A trend's label and hint in the reader's language (TREND_TEXT above stays English for the console). */
export const trendText = (trend: Trend): { label: string; hint: string } => ({
  label: t(`trend.${trend}`),
  hint: t(`trend.${trend}.hint`),
});

/** −1…1 as words a reader can take in at a glance. */
export function sentimentText(score: number): string {
  if (score <= -0.35) return t('sentiment.veryNegative');
  if (score <= -0.1) return t('sentiment.negative');
  if (score < 0.1) return t('sentiment.mixed');
  if (score < 0.35) return t('sentiment.positive');
  return t('sentiment.veryPositive');
}

/**
 * The trend's colour follows what is moving: more praise is good news (green), more complaints need
 * attention (red), a complaint fading is good news too; steady or mixed stays neutral.
 */
export function trendPill(trend: Trend, sentiment: number): string {
  if (trend === 'steady' || Math.abs(sentiment) < 0.1) return TREND_TEXT[trend].pill;
  const growing = trend === 'rising' || trend === 'emerging';
  const good = growing === sentiment > 0;
  return good ? 'good' : 'red';
}

/**
 * The evidence in words: "10 comments in the last two weeks, up from 3 in the two weeks before", from a
 * theme's daily counts (oldest first, ending today).
 */
export function trendSentence(daily: Array<{ count: number }>): string {
  const sum = (from: number, to: number) =>
    daily.slice(Math.max(0, daily.length - to), daily.length - from).reduce((n, d) => n + d.count, 0);
  const recent = sum(0, 14);
  if (daily.length < 28) return t('trend.recent', { count: recent });
  const before = sum(14, 28);
  const change = recent === before ? 'trend.same' : recent > before ? 'trend.up' : 'trend.down';
  return t(change, { count: recent, before });
}
