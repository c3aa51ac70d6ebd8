import { describe, expect, it } from 'vitest';
import { ThemeModel, type ThemeCorrection, type ThemesResult } from '../../server/themes/engine/index.ts';
import { wordNet } from '../../server/themes/wordnet.ts';
import { CORPUS_LAST_DAY } from './corpus.ts';
import { CANTEEN } from './fixtures.ts';

// Two themes the computation gives the same name are told apart by their next best names; the moderator's
// names and the names themes already had stay as they were.

const previousOf = (result: ThemesResult) =>
  result.themes.map(({ id, itemIds, signature, label, trend }) => ({ id, itemIds, signature, label, trend }));
const labels = (result: ThemesResult) => result.themes.map((theme) => theme.label.toLowerCase());

// A small portal: car-park comments about lighting and about permits, and ten canteen comments that the
// clustering splits in two halves (each of 5, the minimum), both best named "Canteen".
const CAR_PARK = [
  'The car park lighting is broken and it is pitch dark by five.',
  'Walking across the car park in the dark feels unsafe, please fix the lights.',
  'No lights on the car park path at night, someone will get hurt.',
  'The car park lights have been out for a month and it is dark when the late shift leaves.',
  'Could we get CCTV and better lighting in the car park? It is dark and isolated.',
  'The lower car park is completely dark after sunset.',
  'Please light the car park properly, the dark corners are frightening in winter.',
  'Half the car park lamps are broken and it is dark and unsafe.',
  'Car park permits cost too much for part-time staff.',
  'The car park permit price went up again this year.',
  'Why do we pay for a car park permit when there are never spaces?',
  'Car park permits should be free for night shift staff.',
  'The monthly car park permit fee is taken from our pay without asking.',
  'Part-timers pay the same car park permit price as full-timers.',
  'Car park permit renewals are paper forms, and the price keeps rising.',
  'A cheaper car park permit for people in two days a week please.',
];
const items = [...CAR_PARK, ...CANTEEN].map((text, i) => ({ id: `item-${i}`, text, day: CORPUS_LAST_DAY }));

describe('themes with the same name', () => {
  it('are told apart by their next best names', () => {
    const lexicon = wordNet();
    for (const seed of [1, 2, 3]) {
      const result = ThemeModel.compute(items, { lexicon, seed }).result();
      const canteens = result.themes.filter((theme) => /^canteen/i.test(theme.label));
      expect(canteens.length).toBe(2);
      // The half with a second phrase it shares ("options": vegetarian options, halal options) is named by it.
      expect(canteens.map((theme) => theme.label).sort()).toEqual(['Canteen', 'Canteen and options']);
      expect(new Set(labels(result)).size).toBe(result.themes.length);
    }
  });

  it('keep a moderator’s name, and the names they had before, on the next computation', () => {
    const lexicon = wordNet();
    let n = 0;
    const newId = () => `theme-${n++}`;
    const first = ThemeModel.compute(items, { lexicon, seed: 1, newId }).result();
    const plain = first.themes.find((theme) => theme.label === 'Canteen')!;
    const other = first.themes.find((theme) => theme.label === 'Canteen and options')!;
    // Computed again from the same comments: the same names, not told apart a second time.
    const again = ThemeModel.compute(items, {
      lexicon,
      seed: 1,
      newId,
      previous: previousOf(first),
      warmStart: true,
    }).result();
    expect(again.themes.find((theme) => theme.id === plain.id)?.label).toBe('Canteen');
    expect(again.themes.find((theme) => theme.id === other.id)?.label).toBe('Canteen and options');
    // A moderator names the plain one "Canteen and options" too: theirs stands, the other is told apart.
    const corrections: ThemeCorrection[] = [
      { kind: 'rename', themeId: plain.id, label: 'Canteen and options', anchorItems: plain.itemIds },
    ];
    const renamed = ThemeModel.compute(items, {
      lexicon,
      seed: 1,
      newId,
      previous: previousOf(again),
      warmStart: true,
      corrections,
    }).result();
    expect(renamed.themes.find((theme) => theme.id === plain.id)?.label).toBe('Canteen and options');
    const told = renamed.themes.find((theme) => theme.id === other.id);
    expect(told).toBeDefined();
    expect(told!.label).not.toBe('Canteen and options');
  });
});
