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
const shape = ({ themes, unclustered }: ThemesResult | Computed, withItems = true) => ({
  themes: themes.map((theme) => ({
    label: theme.label,
    trend: theme.trend,
    size: theme.size,
    ...(withItems ? { itemIds: theme.itemIds } : {}),
  })),
  unclustered: typeof unclustered === 'number' ? unclustered : unclustered.length,
});

const memberships = (model: ThemeModel, { themes }: ThemesResult, ids?: string[]) => {
  const label = new Map(themes.map((theme) => [theme.id, theme.label]));
  return model
    .memberships(ids)
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
    expect(computed.complete).toBe(true);
    expect(received(computed)).toEqual(memberships(model, direct));
    expect(computed.memberships.size).toBe(items.length);

    const before = memberships(model, direct);
    const added = comments(SLICE + 300, items.length);
    const removed = items.slice(0, 400).map((item) => item.id);
    const updated = model.update({ added, removed, asOf: CORPUS_LAST_DAY });
    const fromThread = await engine.update('all', { added, removed, asOf: CORPUS_LAST_DAY });
    // An update answers with the themes and the added comments' memberships (it moves no other).
    expect(shape(fromThread, false)).toEqual(shape(updated, false));
    expect(fromThread.complete).toBe(false);
    const addedIds = added.map((item) => item.id);
    expect(received(fromThread)).toEqual(memberships(model, updated, addedIds));
    expect(fromThread.memberships.size).toBe(added.length);
    // …and no other comment's place changed: the model's memberships of the rest are as before.
    const kept = new Set(items.slice(400).map((item) => item.id));
    expect(memberships(model, updated).filter((m) => kept.has(m.itemId))).toEqual(
      before.filter((m) => kept.has(m.itemId)),
    );
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
      const beforeTotal = thread.heap!.total;
      const count = 6000;
      await thread.compute('all', comments(count), options);
      // The thread's heap after the computation holds the model (its comments with their text) and the
      // memberships waiting to be fetched: ~1.66 KB a comment of these, 2.16–2.20 before the model's small
      // arrays shared buffers and its comments were keyed by a hash instead of a copy of their text.
      // Processing leaves several KB a comment behind as garbage, which V8 kept committed on the idle
      // thread unless it is collected (measured: ~2.0 KB a comment with the collection, ~4.8 KB without).
      // (External memory is left out: it falls during a computation, by what the message buffers held.)
      const perComment = (thread.heap!.used - before) / count;
      expect(perComment).toBeLessThan(1900);
      // …and gives back the pages that garbage lay in: committed grew ~2.1 KB a comment with compaction,
      // ~4.9 KB with a plain collection (the survivors are spread over every page, so none is empty).
      const committedPerComment = (thread.heap!.total - beforeTotal) / count;
      expect(committedPerComment).toBeLessThan(3500);
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
