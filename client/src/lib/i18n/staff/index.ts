// The staff console's messages: `ts('key', { placeholders })`, typed like `t()` and filled by the same
// formatter (../format.ts), but from a dictionary of its own. Only the lazily loaded moderator, admin and
// staff views import it, so an employee's entry bundle never carries a word of the console.
import { ApiError } from '../../api.ts';
import { formatMessage } from '../format.ts';
import { language } from '../language.svelte.ts';
import type { Language } from '../languages.ts';
import type { Plural } from '../types.ts';
import { staffDe } from './de.ts';
import { staffEn } from './en.ts';

export type StaffSource = typeof staffEn;
export type StaffKey = keyof StaffSource;

/** The shape German must fill: a missing or extra key, or a plural written as a string, fails `tsc`. */
export type StaffDictionary = {
  readonly [K in StaffKey]: StaffSource[K] extends Plural ? Plural : string;
};

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The placeholders a message takes, read from its English text (a plural always takes `count`). */
export type StaffParamsOf<K extends StaffKey> = StaffSource[K] extends Plural
  ? 'count' | Placeholders<StaffSource[K]['one']> | Placeholders<StaffSource[K]['other']>
  : Placeholders<StaffSource[K]>;

export type StaffParams<K extends StaffKey> = Record<StaffParamsOf<K>, string | number>;

/** Keys that take no placeholders (for tables of labels). */
export type StaffPlainKey = {
  [K in StaffKey]: [StaffParamsOf<K>] extends [never] ? K : never;
}[StaffKey];

export const staffDictionaries: Record<Language, StaffDictionary> = { en: staffEn, de: staffDe };

/** A console message in the current language; reactive in templates because it reads `language.current`. */
export function ts<K extends StaffKey>(
  key: K,
  ...[params]: [StaffParamsOf<K>] extends [never] ? [] : [StaffParams<K>]
): string {
  return formatMessage(
    staffDictionaries[language.current][key],
    params as Record<string, string | number> | undefined,
    language.formatting,
  );
}

// Server errors carry an English `message`. English readers see it as written; in German the codes staff
// meet are translated, and anything else falls back to a general sentence naming the code.
const ERROR_CODES: Partial<Record<string, StaffPlainKey>> = {
  invalid_credentials: 'error.invalid_credentials',
  login_delayed: 'error.login_delayed',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  password_change_required: 'error.password_change_required',
  wrong_password: 'error.wrong_password',
  password_unchanged: 'error.password_unchanged',
  not_found: 'error.not_found',
  rate_limited: 'error.rate_limited',
  network: 'error.network',
  invalid_request: 'error.invalid_request',
  username_taken: 'error.username_taken',
  managed_by_idp: 'staffAccounts.error.managed_by_idp',
  last_admin: 'staffAccounts.error.last_admin',
  cannot_disable_self: 'staffAccounts.error.cannot_disable_self',
  reset_self: 'staffAccounts.error.reset_self',
  department_exists: 'error.department_exists',
  duplicate_department: 'error.duplicate_department',
  label_taken: 'error.label_taken',
  label_required: 'error.label_required',
  edit_conflict: 'error.edit_conflict',
  reason_required: 'error.reason_required',
  empty_reply: 'error.empty_reply',
  invalid_times: 'error.invalid_times',
  invalid_dates: 'error.invalid_dates',
  closes_in_past: 'error.closes_in_past',
  below_minimum_group: 'error.below_minimum_group',
  unreadable_file: 'error.unreadable_file',
  story_too_short: 'error.story_too_short',
  empty_rule: 'error.empty_rule',
  empty_journey: 'error.empty_journey',
  invalid_url: 'error.invalid_url',
  department_archived: 'error.department_archived',
  question_too_short: 'error.question_too_short',
};

/** The text to show for a failed request. */
export function staffErrorText(caught: unknown): string {
  if (!(caught instanceof ApiError)) return ts('error.network');
  if (language.current === 'en') return caught.message;
  const key = ERROR_CODES[caught.code];
  return key ? ts(key) : ts('error.other', { code: caught.code });
}

/** 'YYYY-MM' → "Oct 2026" / "Okt. 2026" (UTC, so a month never shifts with the viewer's time zone). */
export const formatMonth = (month: string): string =>
  new Date(`${month.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString(language.formatting, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A period picker's option: 'YYYY-Qn' → "Q4 2026 (quarter)", 'YYYY-MM' → an indented "Oct 2026". */
export const formatPeriod = (period: string): string =>
  period.includes('Q')
    ? ts('period.quarter', { quarter: period.slice(6), year: period.slice(0, 4) })
    : `\u2003${formatMonth(period)}`;
