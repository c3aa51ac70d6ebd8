// The portal's messages: `t('key', { placeholders })` in the current language, plurals by
// Intl.PluralRules, numbers by Intl.NumberFormat. No library: two languages need a typed dictionary and the
// browser's own Intl, nothing more (see the README's "Languages").
import { ApiError } from '../api.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { formatMessage, formatNumberIn } from './format.ts';
import { language } from './language.svelte.ts';
import type { Language } from './languages.ts';
import type { Dictionary, MessageKey, Params, ParamsOf } from './types.ts';

export { language, applyToDocument } from './language.svelte.ts';
export { LANGUAGES, type Language } from './languages.ts';
export type { MessageKey, PlainKey } from './types.ts';

export const dictionaries: Record<Language, Dictionary> = { en, de };

/** A number in the reader's language ("1,234" / "1.234"). */
export const formatNumber = (value: number): string => formatNumberIn(language.formatting, value);

/** A number with a fixed count of decimals ("3.0" / "3,0"). */
export const formatDecimal = (value: number, digits: number): string =>
  new Intl.NumberFormat(language.formatting, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

function translate<K extends MessageKey>(lang: Language, key: K, params?: Params<K>): string {
  const tag = lang === language.current ? language.formatting : lang;
  return formatMessage(dictionaries[lang][key], params, tag);
}

/** A message in the current language; reactive in templates because it reads `language.current`. */
export function t<K extends MessageKey>(
  key: K,
  ...[params]: [ParamsOf<K>] extends [never] ? [] : [Params<K>]
): string {
  return translate(language.current, key, params as Params<K> | undefined);
}

/** "within 5 minutes" / "innerhalb von 5 Minuten": when a queued anonymous action leaves. */
export function describeWait(at: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((at - now) / 1000));
  if (seconds <= 10) return t('wait.fewSeconds');
  if (seconds < 60) return t('wait.seconds', { count: Math.ceil(seconds / 10) * 10 });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return t('wait.minutes', { count: minutes });
  return t('wait.hours', { count: Math.ceil(minutes / 60) });
}

// Server and wallet errors carry an English `message`, which English readers see as written. In another
// language the codes an employee meets are translated; anything else is shown as the server wrote it.
const ERROR_CODES: Partial<Record<string, MessageKey>> = {
  not_enrolled: 'error.not_enrolled',
  rate_limited: 'error.rate_limited',
  no_tokens: 'error.no_tokens',
  network: 'error.network',
};

/** The text to show for a failure: the error's message (translated when its code is known), or `fallback`. */
export function errorText(caught: unknown, fallback: MessageKey = 'error.network'): string {
  if (!(caught instanceof ApiError)) return t(fallback as 'error.network');
  const key = ERROR_CODES[caught.code];
  return key && language.current !== 'en' ? t(key as 'error.network') : caught.message;
}
