// The languages the portal speaks, each named in itself, and how the first choice is made. Pure (no
// runes), so unit tests import it directly.
export const LANGUAGES = {
  en: 'English',
  de: 'Deutsch',
} as const;
export type Language = keyof typeof LANGUAGES;

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && Object.hasOwn(LANGUAGES, value);

/** The stored choice, else the first of the browser's languages we speak, else English. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The tag handed to Intl: the browser's regional tag when it is the chosen language ("en-GB"), else the bare language. */
export const formattingTag = (language: Language, preferred: readonly string[]): string =>
  preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
