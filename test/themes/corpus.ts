import { CORPUS_MISCELLANEOUS, CORPUS_THEMES, type CorpusTrend } from './corpus-texts.ts';
import { seededRandom } from '../../server/seeded-random.ts';

export { CORPUS_THEMES, type CorpusTrend } from './corpus-texts.ts';

export interface CorpusItem {
  id: string;
  text: string;
  day: string;
  /** The theme a human filed it under; 'miscellaneous' for one-off comments. */
  theme: string;
}

/** The corpus covers 90 days; trends are judged against its last day. */
export const CORPUS_FIRST_DAY = '2025-01-01';
export const CORPUS_LAST_DAY = '2025-03-31';
const SPAN = 90;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Day offsets (0 = first day, SPAN-1 = last day) for a theme's items, shaped by its intended trend:
 * steady themes spread evenly, rising ones gather two thirds of their items in the last 14 days,
 * fading ones stop being mentioned a month before the end, emerging ones exist only in the last 12 days.
 */
function offsets(trend: CorpusTrend, count: number, next: () => number): number[] {
  const between = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    switch (trend) {
      case 'steady':
        result.push(Math.floor(((i + next()) / count) * SPAN));
        break;
      case 'rising':
        result.push(i < Math.round(count * 0.35) ? between(0, SPAN - 15) : between(SPAN - 14, SPAN - 1));
        break;
      case 'fading':
        result.push(
          i < count - 1 ? Math.floor(Math.pow(next(), 1.4) * (SPAN - 30)) : between(SPAN - 14, SPAN - 1),
        );
        break;
      case 'emerging':
        result.push(i === 0 ? SPAN - 1 : between(SPAN - 12, SPAN - 1));
        break;
    }
  }
  return result;
}

export function corpusItems(): CorpusItem[] {
  // Deterministic, so the corpus is the same on every run.
  const next = seededRandom(20250331);
  const items: CorpusItem[] = [];
  for (const { theme, trend, texts } of CORPUS_THEMES) {
    const days = offsets(trend, texts.length, next);
    texts.forEach((text, index) =>
      items.push({ id: `${theme}-${index + 1}`, text, day: addDays(CORPUS_FIRST_DAY, days[index]!), theme }),
    );
  }
  CORPUS_MISCELLANEOUS.forEach((text, index) =>
    items.push({
      id: `miscellaneous-${index + 1}`,
      text,
      day: addDays(CORPUS_FIRST_DAY, Math.floor(next() * SPAN)),
      theme: 'miscellaneous',
    }),
  );
  // Interleave themes the way a real export would arrive: by day.
  return items.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
}

export const corpusTrends = (): Map<string, CorpusTrend> =>
  new Map(CORPUS_THEMES.map((theme) => [theme.theme, theme.trend]));
