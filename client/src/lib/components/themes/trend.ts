import type { PublicTheme, Source, Trend } from '../../api/themes.ts';
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
 * What the trend was judged on, in words: "9 comments in the last two weeks, up from about 3 in a usual two
 * weeks" — the test's own window and baseline (`evidence`, from the server), so the sentence never argues with
 * the trend beside it. The words follow the numbers (up only when more than usual, down only when fewer).
 */
export function trendSentence(evidence: PublicTheme['evidence'], trend: Trend): string {
  const period = t(evidence.days === 28 ? 'trend.period.28' : 'trend.period.14');
  const { recent: count, usual } = evidence;
  let sentence: string;
  if (usual === null) sentence = t('trend.evidence.only', { count, period });
  else if (usual < 1)
    sentence =
      count > 0 && (trend === 'rising' || trend === 'emerging')
        ? t('trend.evidence.fromNone', { count, period })
        : t('trend.evidence.steadyFew', { count, period });
  else {
    const about = Math.round(usual);
    const key =
      trend !== 'steady' && count > usual
        ? 'trend.evidence.up'
        : trend !== 'steady' && count < usual
          ? 'trend.evidence.down'
          : 'trend.evidence.steady';
    sentence = t(key, { count, usual: about, period });
  }
  return evidence.portalWide ? t('trend.portalWide', { sentence }) : sentence;
}

/** A share 0…1 as a whole percentage ("60 %"). */
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A theme's tone in words: "60 % negative · 25 % positive". */
export function toneText(tone: PublicTheme['tone']): { text: string; title: string } {
  return {
    text: t('sentiment.tone', { negative: percent(tone.negative), positive: percent(tone.positive) }),
    title: t('sentiment.tone.title', {
      negative: percent(tone.negative),
      neutral: percent(tone.neutral),
      positive: percent(tone.positive),
    }),
  };
}
