import type { Source, Trend } from '../../api/themes.ts';
import { t } from '../../i18n/index.ts';

/** Each trend's pill colour (the words come from the dictionaries: `trend.*` here, `themes.source.*` in the console). */
const TREND_PILL: Record<Trend, string> = { emerging: 'amber', rising: 'amber', steady: 'grey', fading: '' };

/** Where a comment came from, in the order the console's source filter lists them. */
export const THEME_SOURCES = [
  'suggestion',
  'kudos',
  'pulse',
  'focus-group',
  'customer',
  'handoff',
] as const satisfies readonly Source[];

/** A trend's label and hint in the reader's language. */
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
  if (trend === 'steady' || Math.abs(sentiment) < 0.1) return TREND_PILL[trend];
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
