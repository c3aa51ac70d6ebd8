import { formatMonth } from '../../dates.ts';
import { t } from '../../i18n/index.ts';

/** 'YYYY-MM' → 'Oct 2026' / 'Okt. 2026' (UTC, so a month never shifts with the viewer's time zone). */
export const monthLabel = (month: string): string => formatMonth(month);

/** What a hidden cell says, everywhere it appears. */
export const hiddenText = (k: number) => t('scorecard.hidden', { k });

/** A period picker's option: 'YYYY-Qn' → 'Q4 2026 (quarter)', 'YYYY-MM' → '  Oct 2026'. */
export const periodLabel = (period: string): string =>
  period.includes('Q') ? `${period.slice(5)} ${period.slice(0, 4)} (quarter)` : `\u2003${monthLabel(period)}`;
