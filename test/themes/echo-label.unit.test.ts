import { describe, expect, it } from 'vitest';
import { ThemeModel, type ThemeCorrection } from '../../server/themes/engine/index.ts';
import { wordNet } from '../../server/themes/wordnet.ts';
import { corpusItems, CORPUS_LAST_DAY } from './corpus.ts';
import { PARKING } from './fixtures.ts';

// A text posted many times (a copy-paste campaign, a pulse answer everyone agrees with) weighs more than
// once in its theme's label, far less than once per copy.

describe('a theme holding one text posted twelve times', () => {
  it('is still named after what its different comments share', () => {
    const lexicon = wordNet();
    const copies = Array.from({ length: 12 }, (_, i) => ({
      id: `echo-${i}`,
      text: 'Too many targets, not enough time to actually help people properly.',
      day: CORPUS_LAST_DAY,
    }));
    // The corpus with a small car-park theme (as the demo's: a dozen different comments).
    const corpus = corpusItems().filter(
      (item) => !/park|parking|car share|bike|space|permit/i.test(item.text),
    );
    const parkingItems = PARKING.map((text, i) => ({ id: `parking-${i}`, text, day: CORPUS_LAST_DAY }));
    const items = [...corpus, ...parkingItems, ...copies];
    let n = 0;
    const newId = () => `theme-${n++}`;
    const first = ThemeModel.compute(items, { lexicon, seed: 1, newId }).result();
    const parking = first.themes.find((theme) => /car park|parking/i.test(theme.label))!;
    expect(parking).toBeDefined();
    const holder = first.themes.find((theme) => theme.itemIds.includes('echo-0'));
    expect(holder).toBeDefined();
    expect(holder!.id).not.toBe(parking.id);
    // A moderator moves the twelve into the car-park theme (as the demo's clustering put them).
    const corrections: ThemeCorrection[] = [
      {
        kind: 'move',
        themeId: holder!.id,
        intoThemeId: parking.id,
        itemIds: copies.map((copy) => copy.id),
        anchorItems: holder!.itemIds,
        intoAnchorItems: parking.itemIds,
      },
    ];
    const corrected = ThemeModel.compute(items, {
      lexicon,
      seed: 1,
      newId,
      corrections,
    }).result();
    const theme = corrected.themes.find((candidate) => candidate.itemIds.includes('echo-0'))!;
    expect(theme.itemIds.length).toBeGreaterThan(copies.length + 10);
    // Counted once a copy against a corpus that counted the text once, "targets" looked twelve times as
    // distinctive as it was, and named the theme.
    expect(theme.label).toMatch(/car park|parking/i);
    expect(theme.label).not.toMatch(/target/i);
  });
});
