import { DAY_MS, addDays } from './days.ts';

// ISO weeks (Monday to Sunday, UTC), named 'YYYY-Www': a handoff rating's token scope and the customer
// voice digest both count by them.

const midnight = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Monday 00:00 UTC of the ISO week holding `day`. */
export function weekStart(day: string): Date {
  const at = midnight(day);
  const weekday = (new Date(at).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(at - weekday * DAY_MS);
}

/** The ISO week of a day, 'YYYY-Www'. */
export function isoWeek(day: string): string {
  const monday = weekStart(day).getTime();
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week ('YYYY-Www' → 'YYYY-MM-DD'); null when no such week exists (W53 of most years). */
export function mondayOf(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  // Week 1 holds 4 January.
  const firstMonday = weekStart(`${year}-01-04`).toISOString().slice(0, 10);
  const monday = addDays(firstMonday, (number - 1) * 7);
  return number >= 1 && isoWeek(monday) === week ? monday : null;
}

/** The week `weeks` after `week` (negative: before). */
export const shiftWeek = (week: string, weeks: number): string =>
  isoWeek(addDays(mondayOf(week)!, weeks * 7));
