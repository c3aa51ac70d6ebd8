import { language } from '../../i18n/index.ts';

/** "Tue 14 May, 10:00–11:00" in the reader's own time zone. */
export function sessionTime(startsAt: string, endsAt: string): string {
  const { day, hours } = sessionParts(startsAt, endsAt);
  return `${day}, ${hours}`;
}

/** The day and the hours apart, for narrow table cells. */
export function sessionParts(startsAt: string, endsAt: string): { day: string; hours: string } {
  const time = (date: Date) =>
    date.toLocaleTimeString(language.formatting, { hour: '2-digit', minute: '2-digit' });
  const start = new Date(startsAt);
  return {
    day: start.toLocaleDateString(language.formatting, { weekday: 'short', day: 'numeric', month: 'short' }),
    hours: `${time(start)}–${time(new Date(endsAt))}`,
  };
}
