import { DAY_MS, today } from '../shared/days.ts';

// One rating per person per team per ISO week: the token scope is `handoff:<department>:<YYYY-Www>` and
// its key (budget 1) is valid from Monday 00:00 UTC to the next Monday.

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

export const scopeOf = (departmentId: string, day = today()) =>
  `handoff:${departmentId.toLowerCase()}:${isoWeek(day)}`;

/** The key window of the week holding `day`. */
export function weekWindow(day: string): { notBefore: Date; notAfter: Date } {
  const notBefore = weekStart(day);
  return { notBefore, notAfter: new Date(notBefore.getTime() + 7 * DAY_MS) };
}
