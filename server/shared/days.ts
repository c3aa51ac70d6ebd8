import { dayOf, today } from '../../common/days.ts';

// Day and time helpers. Anonymous rows carry a day (UTC, 'YYYY-MM-DD'), never an exact time.

export const DAY_MS = 24 * 60 * 60 * 1000;

export { dayOf, today };

/** The day `days` after `day` (negative: before). */
export const addDays = (day: string, days: number): string =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The day `days` before today. */
export const daysAgo = (days: number): string => dayOf(new Date(Date.now() - days * DAY_MS));
