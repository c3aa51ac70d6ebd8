import { expect, test } from 'vitest';
import { themesJob } from '../../server/themes/job.ts';
import { CANTEEN, daysAgo, PARKING, publishSuggestions } from '../themes/fixtures.ts';
import { portal } from './harness.ts';

// A moderator who finds a theme holding two concerns asks for a proposal, checks the comments it ticked
// and splits them off, in the browser. Its own portal: the theme is made of these comments alone.

const p = portal();

const themeLabelOf = async (itemId: string) =>
  (
    await p.app.db
      .selectFrom('theme_item as i')
      .innerJoin('theme as t', 't.id', 'i.theme_id')
      .select('t.label')
      .where('i.scope', '=', 'all')
      .where('i.item_id', '=', itemId)
      .executeTakeFirst()
  )?.label ?? null;

test('"Propose a split" ticks the comments of one concern in a theme that holds two, for the moderator to split', async () => {
  const parking = await publishSuggestions(p.app.db, PARKING, (i) => daysAgo(3 + i * 4));
  const canteen = await publishSuggestions(p.app.db, CANTEEN, (i) => daysAgo(4 + i * 4));
  await themesJob(p.app).idle();
  await themesJob(p.app).recompute();
  const page = await p.newPage();
  await p.signIn(page, await p.staff('moderator'));
  // A theme of two concerns: every theme the engine found merged into one.
  const themes = await p.app.db.selectFrom('theme').select('id').where('scope', '=', 'all').execute();
  const [into, ...others] = themes.map((theme) => theme.id);
  for (const other of others) {
    const merged = await page.request.post(`${p.url}/api/mod/themes/${other}/corrections`, {
      data: { kind: 'merge', into },
    });
    expect(merged.status(), await merged.text()).toBe(200);
  }
  await themesJob(p.app).recompute();
  const placed = await p.app.db
    .selectFrom('theme_item')
    .select('theme_id')
    .where('scope', '=', 'all')
    .where('item_id', 'in', [...parking, ...canteen])
    .execute();
  expect(placed.map((row) => row.theme_id)).toEqual(Array(PARKING.length + CANTEEN.length).fill(into));
  await page.goto(`${p.url}/#/mod/themes`);
  await page.getByRole('heading', { name: 'Trending themes' }).waitFor();
  const card = page.locator(`article.theme[data-theme-id="${into}"]`);
  await card.getByRole('button', { name: /^Show the \d+ comments$/ }).click();
  await card.locator(`tr[data-item-id="${canteen[0]}"]`).waitFor();

  await card.getByRole('button', { name: 'Propose a split' }).click();
  await card.getByText(/^Proposed: \d+ comments that differ most from the rest/).waitFor();
  const ticked = new Set<string>();
  for (const id of [...parking, ...canteen])
    if (await card.locator(`tr[data-item-id="${id}"]`).getByRole('checkbox').isChecked()) ticked.add(id);
  // One concern, nearly all of it: whichever of the two the cut put on its smaller side.
  const [own, other] =
    canteen.filter((id) => ticked.has(id)).length >= parking.filter((id) => ticked.has(id)).length
      ? [canteen, parking]
      : [parking, canteen];
  expect(own.filter((id) => ticked.has(id)).length).toBeGreaterThanOrEqual(6);
  expect(other.filter((id) => ticked.has(id)).length).toBeLessThanOrEqual(1);
  await card.getByText(`${ticked.size} comments chosen`).waitFor();
  const name = await card.getByLabel('Name of the new theme').inputValue();
  expect(name).toMatch(own === canteen ? /canteen|food|lunch/i : /park|car/i);
  await p.screenshot(page, 'themes-split-proposed');
  await card.getByRole('button', { name: 'Split them into a new theme' }).click();

  const split = page
    .locator('article.theme')
    .filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
  await split.waitFor();
  expect(Number((await split.locator('.facts strong').innerText()).trim())).toBe(ticked.size);
  for (const id of ticked) expect(await themeLabelOf(id)).toBe(name);
});
