import type { PublicTheme, Source, Trend } from '../../api/themes.ts';
import { t } from '../../i18n/index.ts';
import { toneWords, trendWords } from './trend-words.ts';

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

/** What the trend was judged on, in the reader's language (see trend-words.ts). */
export const trendSentence = (evidence: PublicTheme['evidence'], trend: Trend): string =>
  trendWords(evidence, trend, t);

/** A theme's tone in words: "60 % negative · 25 % positive". */
export const toneText = (tone: PublicTheme['tone']) => toneWords(tone, t);
