import type { PublicTheme, Trend } from '../../api/themes.ts';
import type { t } from '../../i18n/index.ts';

// The words of a theme's trend and tone, from the numbers the server sends, in any language (`tr` translates):
// kept apart from the dictionaries' reactive state so they can be tested as plain functions.

type Translate = typeof t;

/**
 * What the trend was judged on, in words: "9 comments in the last two weeks, up from about 3 in a usual two
 * weeks" — the test's own window and baseline (`evidence`, from the server), so the sentence never argues with
 * the trend beside it. The words follow the numbers (up only when more than usual, down only when fewer).
 */
export function trendWords(evidence: PublicTheme['evidence'], trend: Trend, tr: Translate): string {
  const period = tr(evidence.days === 28 ? 'trend.period.28' : 'trend.period.14');
  const { recent: count, usual } = evidence;
  let sentence: string;
  if (usual === null) sentence = tr('trend.evidence.only', { count, period });
  else if (usual < 1)
    sentence =
      count > 0 && (trend === 'rising' || trend === 'emerging')
        ? tr('trend.evidence.fromNone', { count, period })
        : tr('trend.evidence.steadyFew', { count, period });
  else {
    const about = Math.round(usual);
    // Up only beside a rise, down only beside a fall, and only as far as the numbers show it.
    const growing = trend === 'rising' || trend === 'emerging';
    const key =
      growing && count > usual
        ? 'trend.evidence.up'
        : trend === 'fading' && count < usual
          ? 'trend.evidence.down'
          : 'trend.evidence.steady';
    sentence = tr(key, { count, usual: about, period });
    // Steady beside numbers that moved a lot: say why, so the pill and the sentence do not argue.
    const ratio = count / usual;
    if (trend === 'steady' && (ratio >= 1.5 || ratio <= 0.67)) {
      const overall = evidence.overall;
      const sameWay = overall !== null && (ratio >= 1.5 ? overall >= 1.5 : overall <= 0.67);
      sentence = tr(sameWay ? 'trend.evidence.asOverall' : 'trend.evidence.unclear', { sentence });
    }
  }
  return evidence.portalWide ? tr('trend.portalWide', { sentence }) : sentence;
}

/** A share 0…1 as a whole percentage ("60 %"). */
const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A theme's tone in words: "60 % negative · 25 % positive". */
export function toneWords(tone: PublicTheme['tone'], tr: Translate): { text: string; title: string } {
  return {
    text: tr('sentiment.tone', { negative: percent(tone.negative), positive: percent(tone.positive) }),
    title: tr('sentiment.tone.title', {
      negative: percent(tone.negative),
      neutral: percent(tone.neutral),
      positive: percent(tone.positive),
    }),
  };
}
