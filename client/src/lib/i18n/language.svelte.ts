// Which language the portal speaks, as reactive state: every `t()` in a template reads it, so switching
// re-renders the page in place. The choice is a preference, not a trace of anything the user did, so it
// lives under its own key (`lang`), outside the `greenroom.` prefix that "Forget this wallet" clears.
import { formattingTag, initialLanguage, type Language } from './languages.ts';

const STORAGE_KEY = 'lang';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];

class LanguageChoice {
  current = $state<Language>(initialLanguage(readStored(), browserLanguages()));

  /** The tag for Intl: a British reader keeps "3 Dec 2026", a Swiss one "3. Dez. 2026". */
  readonly formatting = $derived(formattingTag(this.current, browserLanguages()));

  set(language: Language): void {
    this.current = language;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode: the choice lasts as long as the page.
    }
    applyToDocument(language);
  }
}

/** `<html lang>` names the language the page is in, for screen readers, hyphenation and axe. */
export function applyToDocument(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export const language = new LanguageChoice();
