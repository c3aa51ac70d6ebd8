// One date format for staff and employees alike: "3 Dec 2026" in the reader's language (the one chosen in
// the header, with the browser's own regional conventions when they match). Days are calendar days
// ('YYYY-MM-DD'), read at noon UTC so no time zone moves them to the day before.
import { language } from './i18n/language.svelte.ts';

const DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const;

export const formatDay = (day: string): string =>
  new Date(`${day.slice(0, 10)}T12:00:00Z`).toLocaleDateString(language.formatting, {
    ...DAY,
    timeZone: 'UTC',
  });

/** An instant (ISO string) as its day and time: "3 Dec 2026, 14:05". */
export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString(language.formatting, { ...DAY, hour: '2-digit', minute: '2-digit' });

/** A calendar day without its year: "3 Dec" / "3. Dez.". */
export const formatDayMonth = (day: string): string =>
  new Date(`${day.slice(0, 10)}T12:00:00Z`).toLocaleDateString(language.formatting, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/** A month ('YYYY-MM') as "Oct 2026" / "Okt. 2026" (UTC, so a month never shifts with the time zone). */
export const formatMonth = (month: string): string =>
  new Date(`${month.slice(0, 7)}-01T12:00:00Z`).toLocaleDateString(language.formatting, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
