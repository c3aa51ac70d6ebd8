/** 'YYYY-MM' → 'Oct 2026' (UTC, so a month never shifts with the viewer's time zone). */
export const monthLabel = (month: string): string =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** What a hidden cell says, everywhere it appears. */
export const hiddenText = (k: number) => `hidden — fewer than ${k} people`;

/** A period picker's option: 'YYYY-Qn' → 'Q4 2026 (quarter)', 'YYYY-MM' → '  Oct 2026'. */
export const periodLabel = (period: string): string =>
  period.includes('Q') ? `${period.slice(5)} ${period.slice(0, 4)} (quarter)` : `\u2003${monthLabel(period)}`;
