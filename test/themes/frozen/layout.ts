// Lays out the frozen labelled sets over 90 days from each theme's planted trend (the same shapes as
// the workplace corpus: test/themes/corpus.ts), deterministically.

import { seededRandom } from '../../../server/seeded-random.ts';
import { FOCUS_CHAT_MISCELLANEOUS, FOCUS_CHAT_THEMES } from './focus-chat.ts';
import { LONG_EMOTIONAL_MISCELLANEOUS, LONG_EMOTIONAL_THEMES } from './long-emotional.ts';

export type PlantedTrend = 'emerging' | 'rising' | 'steady' | 'fading';
export type Tone = 'positive' | 'negative' | 'mixed';

export interface FrozenTheme {
  theme: string;
  /** The label a moderator would give it. */
  label: string;
  trend: PlantedTrend;
  /** The tone most of its comments carry. */
  tone: Tone;
  texts: string[];
}

export interface FrozenItem {
  id: string;
  text: string;
  day: string;
  theme: string;
}

export interface FrozenSet {
  name: string;
  themes: FrozenTheme[];
  items: FrozenItem[];
  lastDay: string;
}

const FIRST_DAY = '2026-01-01';
const SPAN = 90;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function offsets(trend: PlantedTrend, count: number, next: () => number): number[] {
  const between = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  return Array.from({ length: count }, (_, i) => {
    switch (trend) {
      case 'steady':
        return Math.floor(((i + next()) / count) * SPAN);
      case 'rising':
        return i < Math.round(count * 0.3) ? between(0, SPAN - 15) : between(SPAN - 14, SPAN - 1);
      case 'fading':
        return i < count - 1 ? Math.floor(Math.pow(next(), 1.4) * (SPAN - 30)) : between(SPAN - 14, SPAN - 1);
      case 'emerging':
        return i === 0 ? SPAN - 1 : between(SPAN - 12, SPAN - 1);
    }
  });
}

/**
 * A set laid out over 90 days from each theme's planted trend (used for the frozen sets below, and by
 * bench/themes-tuning-trends.ts to plant trends in the tuning sets).
 */
export function layout(
  name: string,
  themes: FrozenTheme[],
  miscellaneous: string[],
  seed: number,
): FrozenSet {
  const next = seededRandom(seed);
  const items: FrozenItem[] = [];
  for (const { theme, trend, texts } of themes) {
    const days = offsets(trend, texts.length, next);
    texts.forEach((text, index) =>
      items.push({ id: `${theme}-${index + 1}`, text, day: addDays(FIRST_DAY, days[index]!), theme }),
    );
  }
  miscellaneous.forEach((text, index) =>
    items.push({
      id: `miscellaneous-${index + 1}`,
      text,
      day: addDays(FIRST_DAY, Math.floor(next() * SPAN)),
      theme: 'miscellaneous',
    }),
  );
  items.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  return { name, themes, items, lastDay: addDays(FIRST_DAY, SPAN - 1) };
}

export const frozenSets = (): FrozenSet[] => [
  layout('focus-group chat', FOCUS_CHAT_THEMES, FOCUS_CHAT_MISCELLANEOUS, 20260401),
  layout('long emotional comments', LONG_EMOTIONAL_THEMES, LONG_EMOTIONAL_MISCELLANEOUS, 20260402),
];
