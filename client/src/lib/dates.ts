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
