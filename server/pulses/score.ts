import type { PulseScale } from '../../db/tables/pulses.ts';

// Pure pulse arithmetic. Scores are rounded to one decimal place.

export const scaleValues = (scale: PulseScale): number[] =>
  scale === '0-10' ? Array.from({ length: 11 }, (_, i) => i) : [1, 2, 3, 4, 5];

export const inScale = (scale: PulseScale, score: number) => scaleValues(scale).includes(score);

const round1 = (value: number) => Math.round(value * 10) / 10;

/** eNPS for 0–10 (% promoters 9–10 minus % detractors 0–6), the average for 1–5; null without answers. */
export function pulseScore(scale: PulseScale, scores: number[]): number | null {
  if (scores.length === 0) return null;
  if (scale === '0-10') {
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    return round1(((promoters - detractors) / scores.length) * 100);
  }
  return round1(scores.reduce((sum, s) => sum + s, 0) / scores.length);
}
