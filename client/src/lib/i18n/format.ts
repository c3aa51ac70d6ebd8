// Filling a message: `{name}` placeholders, numbers through Intl.NumberFormat, plural forms through
// Intl.PluralRules. Pure (no runes), so unit tests import it directly.
import type { Plural } from './types.ts';

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function cached<T>(map: Map<string, T>, tag: string, make: () => T): T {
  let value = map.get(tag);
  if (!value) map.set(tag, (value = make()));
  return value;
}

export const formatNumberIn = (tag: string, value: number): string =>
  cached(numberFormats, tag, () => new Intl.NumberFormat(tag)).format(value);

/** The placeholder names in a message, sorted (the dictionary test compares them across languages). */
export function placeholders(message: string | Plural): string[] {
  const texts = typeof message === 'string' ? [message] : [message.one, message.other];
  const names = new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)));
  if (typeof message !== 'string') names.add('count');
  return [...names].sort();
}

/** Picks a plural form the way the language counts (English and German: 1 is "one"; French: 0 and 1 are). */
export function selectPlural(plural: Plural, count: number, tag: string): string {
  const rule = cached(pluralRules, tag, () => new Intl.PluralRules(tag)).select(count);
  return rule === 'one' ? plural.one : plural.other;
}

/** A message with its placeholders filled; numbers are formatted for `tag` ("1.234" in German). */
export function formatMessage(
  message: string | Plural,
  params: Record<string, string | number> | undefined,
  tag: string,
): string {
  const text =
    typeof message === 'string' ? message : selectPlural(message, Number(params?.['count'] ?? 0), tag);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumberIn(tag, value) : value;
  });
}
