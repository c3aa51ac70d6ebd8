import { DAY_MS, today } from '../shared/days.ts';
import { isoWeek, weekStart } from '../shared/weeks.ts';

// One rating per person per team per ISO week: the token scope is `handoff:<department>:<YYYY-Www>` and
// its key (budget 1) is valid from Monday 00:00 UTC to the next Monday.

export { isoWeek, weekStart };

export const scopeOf = (departmentId: string, day = today()) =>
  `handoff:${departmentId.toLowerCase()}:${isoWeek(day)}`;

/** The key window of the week holding `day`. */
export function weekWindow(day: string): { notBefore: Date; notAfter: Date } {
  const notBefore = weekStart(day);
  return { notBefore, notAfter: new Date(notBefore.getTime() + 7 * DAY_MS) };
}
