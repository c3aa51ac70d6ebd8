import { afterAll, describe, expect, it } from 'vitest';
import { ThemeModel, type ThemeItem, type ThemesResult } from '../../server/themes/engine/index.ts';
import { ThemeEngineWorker, type Computed } from '../../server/themes/engine-client.ts';
import { SLICE } from '../../server/themes/queries.ts';
import { wordNet } from '../../server/themes/wordnet.ts';
import { CORPUS_LAST_DAY, corpusItems } from './corpus.ts';

// The engine's answer crosses from its thread in parts of SLICE memberships (and the comments go to it
// in slices): what this side puts back together must be exactly what the engine computed.

const corpus = corpusItems();
/** `count` comments from the labelled corpus, numbered so that no two texts are the same. */
const comments = (count: number, from = 0): ThemeItem[] =>
  Array.from({ length: count }, (_, n) => {
    const source = corpus[(from + n) % corpus.length]!;
    return { id: `c${from + n}`, text: `${source.text} (${from + n})`, day: source.day };
  });

/** What a moderator would see of a result, without the theme ids (new ones are random). */
const shape = ({ themes, unclustered }: Pick<ThemesResult, 'themes' | 'unclustered'>) => ({
  themes: themes.map((theme) => ({
    label: theme.label,
    trend: theme.trend,
    size: theme.size,
    itemIds: theme.itemIds,
  })),
  unclustered: [...unclustered].sort(),
});

const memberships = (model: ThemeModel, { themes }: ThemesResult) => {
  const label = new Map(themes.map((theme) => [theme.id, theme.label]));
  return model
    .memberships()
    .map((m) => ({ itemId: m.itemId, theme: m.themeId && label.get(m.themeId), sentiment: m.sentiment }))
    .sort((a, b) => a.itemId.localeCompare(b.itemId));
};
const received = ({ themes, memberships }: Computed) => {
  const label = new Map(themes.map((theme) => [theme.id, theme.label]));
  return [...memberships.values()]
    .map((m) => ({ itemId: m.itemId, theme: m.themeId && label.get(m.themeId), sentiment: m.sentiment }))
    .sort((a, b) => a.itemId.localeCompare(b.itemId));
};

const engine = new ThemeEngineWorker(console);
afterAll(() => engine.close());

describe('the engine thread’s answer, sent in parts', () => {
  it('is the engine’s own answer, for a full computation and an incremental update', async () => {
    // Plus one-offs that belong to no theme (words no other comment uses).
    const oneOffs = Array.from({ length: 40 }, (_, n) => ({
      id: `one-off-${n}`,
      text: `Zq${n}x flurb${n} wexl${n}`,
      day: CORPUS_LAST_DAY,
    }));
    const items = [...comments(2 * SLICE + 700), ...oneOffs];
    expect(items.length).toBeGreaterThan(2 * SLICE);
    const options = { asOf: CORPUS_LAST_DAY, previous: [] };
    const model = ThemeModel.compute(items, { lexicon: wordNet(), ...options });
    const direct = model.result();
    const computed = await engine.compute('all', items, options);
    expect(direct.themes.length).toBeGreaterThan(3);
    expect(direct.unclustered.length).toBeGreaterThan(0);
    expect(shape(computed)).toEqual(shape(direct));
    expect(received(computed)).toEqual(memberships(model, direct));
    expect(computed.memberships.size).toBe(items.length);

    const added = comments(SLICE + 300, items.length);
    const removed = items.slice(0, 400).map((item) => item.id);
    const updated = model.update({ added, removed, asOf: CORPUS_LAST_DAY });
    const fromThread = await engine.update('all', { added, removed, asOf: CORPUS_LAST_DAY });
    expect(shape(fromThread)).toEqual(shape(updated));
    expect(received(fromThread)).toEqual(memberships(model, updated));
    expect(fromThread.memberships.size).toBe(items.length + added.length - removed.length);
  }, 120_000);
});

describe('the engine thread’s memory', () => {
  it('after a full computation or an update holds the model, not the comments it processed on the way', async () => {
    const thread = new ThemeEngineWorker(console);
    try {
      const options = { asOf: CORPUS_LAST_DAY, previous: [] };
      // Warm: WordNet, the wink model and the word vectors load on the first computation.
      await thread.compute('public', comments(60), options);
      const before = thread.heap!.used;
      const count = 6000;
      await thread.compute('all', comments(count), options);
      // A model keeps ~1.65 KB a comment with its text; processing leaves several KB a comment behind as
      // garbage, which V8 kept committed on the idle thread unless it is collected (measured: ~2.0 KB a
      // comment with the collection, ~4.8 KB without).
      const perComment = (thread.heap!.used - before) / count;
      expect(perComment).toBeLessThan(3000);
      // The same after an incremental update: its new comments are processed, then dropped (measured: ~1.1
      // KB an added comment with the collection, ~9.2 KB without).
      const computed = thread.heap!.used;
      await thread.update('all', { added: comments(1500, count), removed: [], asOf: CORPUS_LAST_DAY });
      const perAdded = (thread.heap!.used - computed) / 1500;
      expect(perAdded).toBeLessThan(3000);
    } finally {
      await thread.close();
    }
  });
});
