import { describe, expect, it } from 'vitest';
import { ThemeModel, type ThemeCorrection, type ThemesResult } from '../../server/themes/engine/index.ts';
import { wordNet } from '../../server/themes/wordnet.ts';
import { corpusItems } from './corpus.ts';

const previousOf = (result: ThemesResult) =>
  result.themes.map(({ id, itemIds, signature, label, trend }) => ({ id, itemIds, signature, label, trend }));

/**
 * The found theme holding most of a gold theme's comments (ids are `<gold theme>-<n>`): found by content,
 * not by the label the engine gave it, so a change of names does not lose the theme the test corrects.
 */
function holding(result: ThemesResult, gold: string) {
  const count = (theme: ThemesResult['themes'][number]) =>
    theme.itemIds.filter((id) => id.startsWith(`${gold}-`)).length;
  const best = result.themes.reduce((a, b) => (count(b) > count(a) ? b : a));
  // Most of them: a theme holding a few would not be the one the test means to correct.
  const all = corpusItems().filter((item) => item.theme === gold).length;
  expect(count(best), `a theme holding most of ${gold}'s comments`).toBeGreaterThanOrEqual(0.5 * all);
  return best;
}

// Both ways a recompute can start: at random (the first run, the analyst CLI) and from the previous
// themes (the job's warm start).
describe.each([
  { start: 'a random start', warmStart: false },
  { start: 'a warm start', warmStart: true },
])('moderator corrections as engine constraints, from $start', ({ warmStart }) => {
  it('rename, merge, pin and hide survive a recompute (new seed, 3 % fewer comments)', () => {
    const items = corpusItems();
    const lexicon = wordNet();
    let n = 0;
    const newId = () => `theme-${n++}`;
    const first = ThemeModel.compute(items, { lexicon, seed: 1, newId }).result();
    const find = (gold: string) => holding(first, gold);
    const [loan, queue, canteen, forms] = [
      find('loan-system-outages'),
      find('contact-centre-workload'),
      find('canteen-food'),
      find('compliance-paperwork'),
    ];
    expect(new Set([loan, queue, canteen, forms].map((theme) => theme.id)).size).toBe(4);
    const corrections: ThemeCorrection[] = [
      { kind: 'rename', themeId: loan.id, label: 'Loan system outages', anchorItems: loan.itemIds },
      {
        kind: 'merge',
        themeId: queue.id,
        intoThemeId: loan.id,
        anchorItems: queue.itemIds,
        intoAnchorItems: loan.itemIds,
      },
      { kind: 'pin', themeId: canteen.id, anchorItems: canteen.itemIds },
      { kind: 'hide', themeId: forms.id, anchorItems: forms.itemIds },
    ];
    const corrected = ThemeModel.compute(items, {
      lexicon,
      seed: 1,
      newId,
      previous: previousOf(first),
      corrections,
      warmStart,
    }).result();
    // The snapshot the job would have saved: hidden and merged-away themes are not in it.
    expect(corrected.themes.map((t) => t.id)).not.toContain(queue.id);
    expect(corrected.themes.map((t) => t.id)).not.toContain(forms.id);

    const fewer = items.filter((_, i) => i % 33 !== 0);
    const again = ThemeModel.compute(fewer, {
      lexicon,
      seed: 3,
      newId,
      previous: previousOf(corrected),
      corrections,
      warmStart,
    }).result();
    const byId = new Map(again.themes.map((theme) => [theme.id, theme]));
    const renamed = byId.get(loan.id)!;
    expect(renamed.label).toBe('Loan system outages');
    // The queue's comments are in the loan theme, and no theme is left that holds most of them.
    const queueIds = queue.itemIds.filter((id) => fewer.some((item) => item.id === id));
    expect(queueIds.filter((id) => renamed.itemIds.includes(id)).length).toBeGreaterThanOrEqual(
      0.6 * queueIds.length,
    );
    expect(again.themes[0]!.id).toBe(canteen.id);
    expect(again.themes[0]!.pinned).toBe(true);
    expect(again.themes.map((theme) => theme.id)).not.toContain(forms.id);
    const formIds = forms.itemIds.filter((id) => fewer.some((item) => item.id === id));
    // Its comments are not shown under any theme of that name, and hardly any under another theme.
    for (const id of formIds)
      expect(again.themes.find((t) => t.itemIds.includes(id))?.label).not.toBe(forms.label);
    const shown = new Set(again.themes.flatMap((theme) => theme.itemIds));
    expect(formIds.filter((id) => shown.has(id)).length).toBeLessThanOrEqual(0.1 * formIds.length);
  });

  it('move and split keep the comments where the moderator put them, ids stable, across recomputes', () => {
    const items = corpusItems();
    const lexicon = wordNet();
    let n = 0;
    const newId = () => `theme-${n++}`;
    const first = ThemeModel.compute(items, { lexicon, seed: 1, newId }).result();
    const find = (gold: string) => holding(first, gold);
    const [parking, canteen, pay] = [find('parking'), find('canteen-food'), find('pay-and-bonus')];
    expect(new Set([parking, canteen, pay].map((theme) => theme.id)).size).toBe(3);
    // Three parking comments belong under pay (say the moderator reads them as about parking charges).
    const moved = parking.itemIds.slice(0, 3);
    // The canteen comments that mention coffee become a theme of their own.
    const text = new Map(items.map((item) => [item.id, item.text]));
    const coffee = canteen.itemIds.filter((id) => /coffee/i.test(text.get(id)!));
    expect(coffee.length).toBeGreaterThanOrEqual(2);
    expect(coffee.length).toBeLessThan(canteen.itemIds.length);
    const corrections: ThemeCorrection[] = [
      {
        kind: 'move',
        themeId: parking.id,
        intoThemeId: pay.id,
        itemIds: moved,
        anchorItems: parking.itemIds,
        intoAnchorItems: pay.itemIds,
      },
      { kind: 'split', themeId: canteen.id, itemIds: coffee, label: 'Coffee', anchorItems: canteen.itemIds },
    ];
    const check = (result: ThemesResult, present: Set<string>) => {
      const byId = new Map(result.themes.map((theme) => [theme.id, theme]));
      for (const id of moved.filter((m) => present.has(m))) expect(byId.get(pay.id)!.itemIds).toContain(id);
      for (const id of moved) expect(byId.get(parking.id)!.itemIds).not.toContain(id);
      const split = result.themes.find((theme) => theme.label === 'Coffee')!;
      expect(split.itemIds.sort()).toEqual(coffee.filter((id) => present.has(id)).sort());
      expect(split.id).not.toBe(canteen.id);
      for (const id of coffee) expect(byId.get(canteen.id)!.itemIds).not.toContain(id);
      return split;
    };
    const corrected = ThemeModel.compute(items, {
      lexicon,
      seed: 1,
      newId,
      previous: previousOf(first),
      corrections,
      warmStart,
    }).result();
    const split = check(corrected, new Set(items.map((item) => item.id)));

    // A recompute on 3 % fewer comments and another seed: same placement, and the split keeps its id.
    const fewer = items.filter((_, i) => i % 33 !== 0);
    const again = ThemeModel.compute(fewer, {
      lexicon,
      seed: 3,
      newId,
      previous: previousOf(corrected),
      corrections,
      warmStart,
    }).result();
    expect(check(again, new Set(fewer.map((item) => item.id))).id).toBe(split.id);

    // An incremental update that withdraws a moved comment takes it out of the theme it was moved to.
    const model = ThemeModel.compute(items, {
      lexicon,
      seed: 1,
      newId,
      previous: previousOf(corrected),
      corrections,
      warmStart,
    });
    const after = model.update({ removed: [moved[0]!] });
    expect(after.themes.find((theme) => theme.id === pay.id)!.itemIds).not.toContain(moved[0]);
    expect(model.memberships().find((m) => m.itemId === moved[1])!.themeId).toBe(pay.id);
  });
});
