import { describe, expect, it } from 'vitest';
import { de } from '../../client/src/lib/i18n/de.ts';
import { en } from '../../client/src/lib/i18n/en.ts';
import { formatMessage, placeholders, selectPlural } from '../../client/src/lib/i18n/format.ts';
import { formattingTag, initialLanguage, LANGUAGES } from '../../client/src/lib/i18n/languages.ts';
import type { Dictionary } from '../../client/src/lib/i18n/types.ts';

const dictionaries: Record<keyof typeof LANGUAGES, Dictionary> = { en, de };
const keys = (dictionary: object) => Object.keys(dictionary).sort();

// Words that are the same in both languages; anything else identical to the English is an untranslated copy.
const SAME_IN_BOTH = new Set([
  'handoff.team',
  'nav.admin',
  'outbox.details',
  'board.status',
  'wallet.tokens',
  'kudos.length',
  'cv.neutral',
  'room.live',
  'overlay.kudos',
  'moderation.name',
  'bp.version',
  'bp.versionNote',
  'bp.past',
]);

describe('the dictionaries', () => {
  it('a dictionary missing a key, or with one English lacks, does not compile', () => {
    const { 'nav.suggest': _dropped, ...missing } = de;
    // @ts-expect-error — 'nav.suggest' is missing
    const incomplete: Dictionary = missing;
    // @ts-expect-error — 'nav.nonsense' is not an English key
    const extra: Dictionary = { ...de, 'nav.nonsense': 'x' };
    expect(incomplete).not.toHaveProperty('nav.suggest');
    expect(extra).toHaveProperty('nav.nonsense');
  });

  for (const [language, dictionary] of Object.entries(dictionaries)) {
    it(`${language} has exactly the English keys`, () => {
      expect(keys(dictionary)).toEqual(keys(en));
    });

    it(`${language} uses the same placeholders and plural forms as English, message by message`, () => {
      for (const key of keys(en) as (keyof typeof en)[]) {
        const source = en[key];
        const translated = dictionary[key];
        expect(typeof translated, key).toBe(typeof source);
        expect(placeholders(translated), key).toEqual(placeholders(source));
      }
    });

    it(`${language} has no empty message`, () => {
      for (const [key, message] of Object.entries(dictionary)) {
        const texts = typeof message === 'string' ? [message] : [message.one, message.other];
        for (const text of texts) expect(text.trim(), key).not.toBe('');
      }
    });
  }

  it('German is translated, not copied from English', () => {
    const copied = (keys(en) as (keyof typeof en)[]).filter(
      (key) => !SAME_IN_BOTH.has(key) && JSON.stringify(de[key]) === JSON.stringify(en[key]),
    );
    expect(copied).toEqual([]);
  });
});

describe('filling a message', () => {
  it('counts the way each language counts', () => {
    const plural = { one: 'one', other: 'other' };
    expect([0, 1, 2].map((n) => selectPlural(plural, n, 'en'))).toEqual(['other', 'one', 'other']);
    expect([0, 1, 2].map((n) => selectPlural(plural, n, 'de'))).toEqual(['other', 'one', 'other']);
    // French counts zero as singular: the rules come from Intl, not from `count === 1`.
    expect([0, 1, 2].map((n) => selectPlural(plural, n, 'fr'))).toEqual(['one', 'one', 'other']);
  });

  it('formats numbers for the language', () => {
    expect(formatMessage(en['home.themes.comments'], { count: 1234 }, 'en')).toBe('1,234 comments');
    expect(formatMessage(de['home.themes.comments'], { count: 1234 }, 'de')).toBe('1.234 Beiträge');
    expect(formatMessage(de['home.themes.comments'], { count: 1 }, 'de')).toBe('1 Beitrag');
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(formatMessage(de['suggest.own'], { team: 'Kreditbearbeitung' }, 'de')).toBe(
      'Angeben, dass ich im Team Kreditbearbeitung arbeite',
    );
    expect(formatMessage('Hello {who}', {}, 'en')).toBe('Hello {who}');
  });
});

describe('the first language', () => {
  it('follows the browser, then a stored choice, and falls back to English', () => {
    expect(initialLanguage(null, ['en-US', 'en'])).toBe('en');
    expect(initialLanguage(null, ['de-AT', 'en'])).toBe('de');
    expect(initialLanguage(null, ['fr-FR', 'de-CH'])).toBe('de');
    expect(initialLanguage(null, ['fr-FR'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
    expect(initialLanguage('de', ['en-US'])).toBe('de');
    expect(initialLanguage('xx', ['de-DE'])).toBe('de');
  });

  it('keeps the reader’s regional conventions when they read their own language', () => {
    expect(formattingTag('en', ['en-GB', 'de'])).toBe('en-GB');
    expect(formattingTag('de', ['en-GB', 'de-CH'])).toBe('de-CH');
    expect(formattingTag('de', ['en-US'])).toBe('de');
  });
});
