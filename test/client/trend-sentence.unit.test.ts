import { describe, expect, it } from 'vitest';
import { toneWords, trendWords } from '../../client/src/lib/components/themes/trend-words.ts';
import { en } from '../../client/src/lib/i18n/en.ts';
import { formatMessage } from '../../client/src/lib/i18n/format.ts';

const t = ((key: keyof typeof en, params?: Record<string, string | number>) =>
  formatMessage(en[key], params ?? {}, 'en')) as unknown as Parameters<typeof trendWords>[2];
const trendSentence = (evidence: Parameters<typeof trendWords>[0], trend: Parameters<typeof trendWords>[1]) =>
  trendWords(evidence, trend, t);
const toneText = (tone: Parameters<typeof toneWords>[0]) => toneWords(tone, t);

// The sentence under a theme's trend pill says what the trend compared, in words that agree with the pill:
// a QA walk-through found "Steady" over "9 comments in the last two weeks, up from 5".

const evidence = (
  recent: number,
  usual: number | null,
  more: Partial<Parameters<typeof trendWords>[0]> = {},
) => ({
  days: 14,
  recent,
  usual,
  overall: null,
  portalWide: false,
  ...more,
});

describe('trend sentence', () => {
  it('says up beside a rise and down beside a fall, against a usual window', () => {
    expect(trendSentence(evidence(10, 3.2), 'rising')).toBe(
      '10 comments in the last two weeks, up from about 3 in a usual two weeks',
    );
    expect(trendSentence(evidence(1, 9.4, { days: 28 }), 'fading')).toBe(
      '1 comment in the last four weeks, down from about 9 in a usual four weeks',
    );
    expect(trendSentence(evidence(6, 0.2), 'emerging')).toBe(
      '6 comments in the last two weeks, almost none before',
    );
  });

  it('never says up or down beside Steady, and says why a big move is still steady', () => {
    expect(trendSentence(evidence(9, 8), 'steady')).toBe(
      '9 comments in the last two weeks, about 8 in a usual two weeks',
    );
    expect(trendSentence(evidence(22, 4.8, { overall: 4.1 }), 'steady')).toBe(
      '22 comments in the last two weeks, about 5 in a usual two weeks, as comments overall did',
    );
    expect(trendSentence(evidence(4, 2), 'steady')).toBe(
      '4 comments in the last two weeks, about 2 in a usual two weeks: not yet a clear change',
    );
    // A trend kept from last time (hysteresis) whose numbers no longer show it is not called up.
    expect(trendSentence(evidence(5, 5.2), 'rising')).toBe(
      '5 comments in the last two weeks, about 5 in a usual two weeks',
    );
  });

  it('with too little history says only the count, and on a department page whose numbers they are', () => {
    expect(trendSentence(evidence(3, null), 'steady')).toBe('3 comments in the last two weeks');
    expect(trendSentence(evidence(10, 3, { portalWide: true }), 'rising')).toBe(
      'Across all teams: 10 comments in the last two weeks, up from about 3 in a usual two weeks',
    );
  });

  it('reads a tone as shares', () => {
    expect(toneText({ positive: 0.16, neutral: 0.27, negative: 0.57 }).text).toBe(
      '57 % negative · 16 % positive',
    );
  });
});
