import { describe, expect, it } from 'vitest';
import { preprocessorFor } from '../../server/themes/engine/index.ts';
import { proposeSplit } from '../../server/themes/engine/split.ts';
import { wordNet } from '../../server/themes/wordnet.ts';
import { HOLDOUT_THEMES } from './holdout-texts.ts';

// The split proposal on two held-out themes joined into one (bench/themes-split.ts measures all pairs).

const lexicon = wordNet();
const preprocessor = preprocessorFor(lexicon);

describe('proposeSplit', () => {
  const [first, second] = HOLDOUT_THEMES;
  const texts = [...first!.texts, ...second!.texts.slice(0, 6)];
  const docs = texts.map((text) => preprocessor.process(text));

  it("finds the smaller theme's comments in a theme of two, and names them", () => {
    const proposal = proposeSplit(docs, lexicon)!;
    const fromSecond = proposal.part.filter((i) => i >= first!.texts.length).length;
    // The smaller side, nearly all of it from the smaller theme, nearly all of that theme.
    expect(proposal.part.length).toBeLessThanOrEqual(texts.length / 2);
    expect(fromSecond).toBeGreaterThanOrEqual(5);
    expect(proposal.part.length - fromSecond).toBeLessThanOrEqual(1);
    expect(proposal.name.length).toBeGreaterThan(0);
  });

  it("proposes the other part when the theme is named for the smaller one, and never repeats the theme's name", () => {
    const plain = proposeSplit(docs, lexicon)!;
    const named = proposeSplit(docs, lexicon, { label: plain.name })!;
    expect(named.part.length).toBe(texts.length - plain.part.length);
    expect(named.part.some((i) => plain.part.includes(i))).toBe(false);
    expect(named.name).not.toBe(plain.name);
    expect(named.name.length).toBeGreaterThan(0);
  });

  it('names a part only from the comments it may be named from (published ones, on the server)', () => {
    const plain = proposeSplit(docs, lexicon)!;
    expect(proposeSplit(docs, lexicon, { nameable: docs.map(() => false) })).toEqual({ ...plain, name: '' });
    // Named from the part's first comment alone: a name that comment's words make.
    const only = plain.part[0]!;
    const named = proposeSplit(docs, lexicon, { nameable: docs.map((_, i) => i === only) })!;
    expect(named.part).toEqual(plain.part);
    for (const word of named.name
      .toLowerCase()
      .split(' ')
      .filter((w) => w !== 'and'))
      expect(texts[only]!.toLowerCase()).toContain(word.slice(0, 4));
  });

  it('proposes nothing for fewer than four comments', () => {
    expect(proposeSplit(docs.slice(0, 3), lexicon)).toBeNull();
    expect(proposeSplit([], lexicon)).toBeNull();
  });
});
