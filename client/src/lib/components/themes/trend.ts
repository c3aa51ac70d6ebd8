import type { Trend } from '../../api/themes.ts';

/** How each trend reads to a person, and its pill colour. */
export const TREND_TEXT: Record<Trend, { label: string; pill: string; hint: string }> = {
  emerging: {
    label: 'Emerging',
    pill: 'amber',
    hint: 'New: hardly mentioned before the last four weeks, now significantly present.',
  },
  rising: {
    label: 'Rising',
    pill: 'red',
    hint: 'Mentioned significantly more in the last 14 days than before.',
  },
  steady: { label: 'Steady', pill: 'grey', hint: 'No significant change.' },
  fading: {
    label: 'Fading',
    pill: '',
    hint: 'Mentioned significantly less in the last 28 days than before.',
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

/** −1…1 as words a reader can take in at a glance. */
export function sentimentText(score: number): string {
  if (score <= -0.35) return 'Very negative';
  if (score <= -0.1) return 'Negative';
  if (score < 0.1) return 'Mixed';
  if (score < 0.35) return 'Positive';
  return 'Very positive';
}
