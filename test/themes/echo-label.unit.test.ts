import { describe, expect, it } from 'vitest';
import { ThemeModel, type ThemeCorrection } from '../../server/themes/engine/index.ts';
import { wordNet } from '../../server/themes/wordnet.ts';
import { corpusItems, CORPUS_LAST_DAY } from './corpus.ts';
import { CANTEEN, PARKING } from './fixtures.ts';

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

describe('a text posted twelve times that no theme is about', () => {
  const text = 'Too many targets, not enough time to actually help people properly.';
  const copies = Array.from({ length: 12 }, (_, i) => ({ id: `echo-${i}`, text, day: CORPUS_LAST_DAY }));
  const inTheme = (themes: Array<{ itemIds: string[] }>, prefix: string) =>
    themes.flatMap((theme) => theme.itemIds).filter((id) => id.startsWith(prefix)).length;

  it('stays unclustered instead of joining a theme it shares common words with', () => {
    const lexicon = wordNet();
    // Nothing else in the corpus is about targets; its pay theme says "help", "people" and "many" too.
    const corpus = [
      ...corpusItems().filter((item) => !/park|parking|car share|bike|space|permit|target/i.test(item.text)),
      ...PARKING.map((text, i) => ({ id: `parking-${i}`, text, day: CORPUS_LAST_DAY })),
    ];
    for (const seed of [1, 2, 3]) {
      const result = ThemeModel.compute([...corpus, ...copies], { lexicon, seed }).result();
      // Judged with all twelve copies in the theme, the text made up most of its own evidence, and
      // joined "Pay" (37 comments, twelve of them this one).
      expect(inTheme(result.themes, 'echo-')).toBe(0);
    }
  });

  it('is no theme with one comment that shares a few words with it', () => {
    const lexicon = wordNet();
    const items = [
      ...PARKING,
      ...CANTEEN,
      'Please help people with the new expenses form, it is not enough to make anyone cry.',
    ].map((text, i) => ({ id: `other-${i}`, text, day: CORPUS_LAST_DAY }));
    for (const seed of [1, 2, 3]) {
      const result = ThemeModel.compute([...items, ...copies], { lexicon, seed }).result();
      // Thirteen comments, but two texts: the copies and the expenses form made a theme "Targets".
      expect(inTheme(result.themes, 'echo-')).toBe(0);
      expect(result.themes.map((theme) => theme.label).join(' ')).not.toMatch(/target/i);
    }
  });

  it('still forms a theme with comments that are about the same thing', () => {
    const lexicon = wordNet();
    const alike = [
      'Sales targets are so high we have no time left to help customers properly.',
      'The new targets leave no time for the people who need help.',
      'Targets every week, and not enough staff to meet them.',
    ].map((text, i) => ({ id: `alike-${i}`, text, day: CORPUS_LAST_DAY }));
    const corpus = corpusItems().filter((item) => !/target/i.test(item.text));
    const result = ThemeModel.compute([...corpus, ...copies, ...alike], { lexicon, seed: 1 }).result();
    const holder = result.themes.find((theme) => theme.itemIds.includes('echo-0'));
    expect(holder?.label).toMatch(/target/i);
    expect(holder!.itemIds.filter((id) => id.startsWith('alike-')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('copies of a text added by updates', () => {
  it('weigh as they would in a computation', () => {
    const lexicon = wordNet();
    const text = 'The car park barrier is broken again and the queue backs onto the road.';
    const copies = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({ id: `copy-${from + i}`, text, day: CORPUS_LAST_DAY }));
    const probe = { id: 'probe', text: 'The barrier at the entrance is broken.', day: CORPUS_LAST_DAY };
    // Computed with thirty copies, then a comment that shares words with them.
    const computed = ThemeModel.compute([...corpusItems(), ...copies(30)], { lexicon, seed: 1 });
    computed.update({ added: [probe] });
    // Computed with one, the other 29 pasted in between computations, then the same comment.
    const updated = ThemeModel.compute([...corpusItems(), ...copies(1)], { lexicon, seed: 1 });
    for (let i = 1; i < 30; i++) updated.update({ added: copies(1, i) });
    updated.update({ added: [probe] });
    const [a] = computed.memberships(['probe']);
    const [b] = updated.memberships(['probe']);
    // How typical the comment is of the copies' theme depends on what the copies weigh there: counted one
    // by one (30) instead of as a computation does (1 + ln 30), it read 7.24 against 8.00 (measured).
    expect(a!.themeId).not.toBeNull();
    expect(b!.themeId).not.toBeNull();
    expect(Math.abs(a!.centrality - b!.centrality)).toBeLessThan(0.2);
  });
});
