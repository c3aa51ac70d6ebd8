import { dayOf, today } from '../../common/days.ts';

// Day and time helpers. Anonymous rows carry a day (UTC, 'YYYY-MM-DD'), never an exact time.

export const DAY_MS = 24 * 60 * 60 * 1000;

export { dayOf, today };

/** Whether a 'YYYY-MM-DD' string is a day of the calendar ("2026-02-30" is not). */
export const isDay = (value: string): boolean =>
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The day `days` after `day` (negative: before). */
export const addDays = (day: string, days: number): string =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** The day `days` before today. */
export const daysAgo = (days: number): string => dayOf(new Date(Date.now() - days * DAY_MS));
