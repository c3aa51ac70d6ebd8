import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { themesJob } from '../../server/themes/job.ts';
import { CANTEEN, daysAgo, PARKING, publishSuggestions } from '../themes/fixtures.ts';
import { portal } from './harness.ts';

// A moderator renames a theme, merges another into it and moves one comment into it from another theme's
// quotes, in the browser; a recompute keeps all three, and employees see the same snapshot.

const p = portal();

const SCANNERS = [
  'The handheld scanners keep freezing in the middle of a pick.',
  'Half the scanners in goods-in have dead batteries by ten.',
  'My scanner lost the wifi again and the pick list vanished.',
  'We need more scanners on nights, there are never enough to go round.',
  'The scanner screens are cracked and you cannot read the bin numbers.',
  'Scanners drop the connection at the far end of aisle nine.',
  'Could the scanners be charged overnight so they last the whole shift?',
  'My handheld scanner rebooted three times today.',
];

/** Where a comment sits in a snapshot: the label of its theme there (each scope has its own theme ids). */
const themeLabelOf = async (scope: 'all' | 'public', itemId: string) =>
  (
    await p.app.db
      .selectFrom('theme_item as i')
      .innerJoin('theme as t', 't.id', 'i.theme_id')
      .select('t.label')
      .where('i.scope', '=', scope)
      .where('i.item_id', '=', itemId)
      .executeTakeFirst()
  )?.label ?? null;

/** The first theme card whose name or keywords match. */
const firstCardAbout = (page: Page, pattern: RegExp) =>
  page
    .locator('article.theme')
    .filter({ has: page.locator('h2, .keywords', { hasText: pattern }) })
    .first();

/** The themes recomputed with what was just published, and a moderator on the themes dashboard. */
async function moderatorOnThemes() {
  await themesJob(p.app).idle();
  await themesJob(p.app).recompute();
  const page = await p.newPage();
  await p.signIn(page, await p.staff('moderator'));
  await page.goto(`${p.url}/#/mod/themes`);
  await page.getByRole('heading', { name: 'Trending themes' }).waitFor();
  return page;
}

test('a moderator renames, merges and moves a comment; all hold after a recompute and employees see them', async () => {
  await publishSuggestions(p.app.db, [...PARKING, ...CANTEEN, ...SCANNERS], (i) =>
    daysAgo(1 + ((i * 7) % 80)),
  );
  const page = await moderatorOnThemes();
  const cards = page.locator('article.theme');
  await cards.first().waitFor();
  const cardAbout = (pattern: RegExp) =>
    cards.filter({ has: page.locator('h2, .keywords', { hasText: pattern }) }).first();

  // Rename the canteen theme.
  const canteen = cardAbout(/canteen/i);
  const canteenId = await canteen.getAttribute('data-theme-id');
  await canteen.getByRole('button', { name: 'Correct this theme' }).click();
  await canteen.getByLabel('New name').fill('Canteen food and opening hours');
  await canteen.getByRole('button', { name: 'Rename' }).click();
  const renamed = page.locator(`article.theme[data-theme-id="${canteenId}"]`);
  await expect.poll(() => renamed.locator('h2').innerText()).toBe('Canteen food and opening hours');

  // Merge the scanners theme into it (a moderator's call: both are "things on the floor" for this team).
  const scanners = cardAbout(/scanner/i);
  const scannersId = await scanners.getAttribute('data-theme-id');
  const scannerSize = Number((await scanners.locator('.facts strong').innerText()).trim());
  const canteenSize = Number((await renamed.locator('.facts strong').innerText()).trim());
  await scanners.getByRole('button', { name: 'Correct this theme' }).click();
  await scanners.getByLabel('Merge into').selectOption({ label: 'Canteen food and opening hours' });
  await scanners.getByRole('button', { name: 'Merge' }).click();
  await expect.poll(() => page.locator(`article.theme[data-theme-id="${scannersId}"]`).count()).toBe(0);
  await expect
    .poll(async () => Number((await renamed.locator('.facts strong').innerText()).trim()))
    .toBeGreaterThanOrEqual(canteenSize + scannerSize - 2);

  // Move one comment from the parking theme's quotes into the renamed theme.
  const parking = cardAbout(/park/i);
  const parkingId = await parking.getAttribute('data-theme-id');
  const quote = parking.locator('.quote').first();
  const movedId = (await quote.getAttribute('data-item-id'))!;
  await quote.getByRole('button', { name: 'Move to another theme…' }).click();
  await quote
    .getByLabel('Move this comment to theme')
    .selectOption({ label: 'Canteen food and opening hours' });
  await quote.getByRole('button', { name: 'Move', exact: true }).click();
  await expect
    .poll(() =>
      page.locator(`article.theme[data-theme-id="${parkingId}"] [data-item-id="${movedId}"]`).count(),
    )
    .toBe(0);
  expect(await themeLabelOf('all', movedId)).toBe('Canteen food and opening hours');
  await p.screenshot(page, 'themes-corrected');

  // A recompute (the button) keeps both corrections.
  const recomputed = page.waitForResponse((response) => response.url().endsWith('/api/mod/themes/recompute'));
  await page.getByRole('button', { name: 'Recompute now' }).click();
  expect((await recomputed).status()).toBe(200);
  await page.reload();
  await renamed.waitFor();
  expect(await renamed.locator('h2').innerText()).toBe('Canteen food and opening hours');
  expect(await page.locator(`article.theme[data-theme-id="${scannersId}"]`).count()).toBe(0);
  expect(await cards.filter({ has: page.locator('h2', { hasText: /scanner/i }) }).count()).toBe(0);
  // The moved comment is listed under the renamed theme, not under parking.
  await renamed.getByRole('button', { name: /^Show the \d+ comments$/ }).click();
  await renamed.locator(`tr[data-item-id="${movedId}"]`).waitFor();
  expect(await themeLabelOf('all', movedId)).toBe('Canteen food and opening hours');
  expect(await themeLabelOf('public', movedId)).toBe('Canteen food and opening hours');
  const snapshotOf = async (cardLabels: Promise<string[]>, cardSizes: Promise<string[]>) => {
    const [labels, sizes] = await Promise.all([cardLabels, cardSizes]);
    return labels.map((label, i) => `${label.trim()}: ${/\d+/.exec(sizes[i]!)?.[0]}`).sort();
  };
  const moderatorSnapshot = await snapshotOf(
    cards.locator('h2').allInnerTexts(),
    cards.locator('.facts strong').allInnerTexts(),
  );

  // Employees see the same correction on their Themes page.
  const employee = await p.newPage();
  await employee.goto(`${p.url}/#/themes`);
  await employee.getByRole('heading', { name: 'Trending themes' }).waitFor();
  await employee.locator('article.theme h2', { hasText: 'Canteen food and opening hours' }).first().waitFor();
  // Every comment here is published, so the employees' themes are the moderators' (labels and sizes).
  const employeeCards = employee.locator('article.theme');
  expect(
    await snapshotOf(
      employeeCards.locator('h2').allInnerTexts(),
      employeeCards.locator('.meta .muted').allInnerTexts(),
    ),
  ).toEqual(moderatorSnapshot);
  await p.screenshot(employee, 'themes-corrected-employee');
});

const LOCKERS = [
  'The lockers in the basement have no working keys left.',
  'Half the lockers downstairs will not lock any more.',
  'Could we have more lockers, people leave bags under their desks.',
  'The locker room smells of damp and the lights flicker.',
  'Lockers are all taken by eight, so late starters have nowhere for coats.',
  'Our lockers were emptied without warning during the refit.',
  'Please fix the broken locker doors on the second floor.',
  'The lockers are too small for a cycling helmet.',
];

test('a moderator chooses comments of a theme and splits them into a theme of their own; it holds after a recompute and is audited', async () => {
  const ids = await publishSuggestions(p.app.db, LOCKERS, (i) => daysAgo(2 + i * 3));
  const page = await moderatorOnThemes();
  const lockers = firstCardAbout(page, /locker/i);
  const lockersId = (await lockers.getAttribute('data-theme-id'))!;
  await lockers.getByRole('button', { name: /^Show the \d+ comments$/ }).click();
  // The three about the locker room and its doors: chosen by hand, no word sets them apart from the rest.
  const chosen = [ids[3]!, ids[6]!, ids[1]!];
  for (const id of chosen)
    await lockers
      .locator(`tr[data-item-id="${id}"]`)
      .getByRole('checkbox', { name: 'Choose this comment' })
      .check();
  await lockers.getByText('3 comments chosen').waitFor();
  await lockers.getByLabel('Name of the new theme').fill('Broken lockers');
  await p.screenshot(page, 'themes-split-chosen');
  await lockers.getByRole('button', { name: 'Split them into a new theme' }).click();

  const split = page
    .locator('article.theme')
    .filter({ has: page.locator('h2', { hasText: 'Broken lockers' }) });
  await split.waitFor();
  expect(Number((await split.locator('.facts strong').innerText()).trim())).toBe(3);
  for (const id of chosen) expect(await themeLabelOf('all', id)).toBe('Broken lockers');
  // The theme they came from lists what is left, loaded again.
  await page.locator(`article.theme[data-theme-id="${lockersId}"] tr[data-item-id="${ids[0]}"]`).waitFor();
  expect(
    await page.locator(`article.theme[data-theme-id="${lockersId}"] tr[data-item-id="${ids[3]}"]`).count(),
  ).toBe(0);

  // Kept on a recompute, and in the audit log with how many comments (not which).
  await themesJob(p.app).recompute();
  for (const id of chosen) expect(await themeLabelOf('all', id)).toBe('Broken lockers');
  expect(await themeLabelOf('all', ids[0]!)).not.toBe('Broken lockers');
  const logged = await p.app.db
    .selectFrom('audit_log')
    .select(['staff_username', 'detail'])
    .where('action', '=', 'theme.split')
    .where('target_id', '=', lockersId)
    .execute();
  expect(logged).toHaveLength(1);
  expect(logged[0]!.detail).toMatchObject({ comments: 3, to: 'Broken lockers' });
});

test('hiding a theme as noise asks once more; "Keep it" changes nothing, "Hide it" hides it, and Undo brings it back', async () => {
  await publishSuggestions(p.app.db, [...PARKING, ...LOCKERS], (i) => daysAgo(1 + ((i * 5) % 60)));
  const page = await moderatorOnThemes();
  const lockers = firstCardAbout(page, /locker/i);
  const lockersId = (await lockers.getAttribute('data-theme-id'))!;
  const hiddenCorrections = () =>
    p.app.db
      .selectFrom('theme_correction')
      .select('id')
      .where('kind', '=', 'hide')
      .where('theme_id', '=', lockersId)
      .execute();
  // One of its comments: after the undo the theme holding it is the hidden theme itself, same id.
  const itemId = (await lockers.locator('.quote').first().getAttribute('data-item-id'))!;
  const corrections: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/corrections')) corrections.push(`${request.method()} ${request.url()}`);
  });
  await lockers.getByRole('button', { name: 'Correct this theme' }).click();

  // Asked once more, with where to undo it, focus on "Keep it"; "Keep it" sends nothing.
  await lockers.getByRole('button', { name: 'Hide as noise' }).click();
  const question = lockers.getByRole('group', { name: /^Hide “/ });
  await question.getByText(/the corrections list can undo it/).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Keep it');
  await p.screenshot(page, 'themes-hide-confirm');
  await question.getByRole('button', { name: 'Keep it' }).click();
  await question.waitFor({ state: 'detached' });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
    .toBe('Hide as noise');
  // Escape closes the question too.
  await lockers.getByRole('button', { name: 'Hide as noise' }).click();
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  expect(corrections.filter((line) => line.startsWith('POST'))).toEqual([]);
  expect(await hiddenCorrections()).toHaveLength(0);

  // "Hide it": gone from the moderators' list, listed among the corrections in force.
  await lockers.getByRole('button', { name: 'Hide as noise' }).click();
  const hidden = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/corrections'),
  );
  await question.getByRole('button', { name: 'Hide it' }).click();
  expect((await hidden).status()).toBe(200);
  const card = page.locator(`article.theme[data-theme-id="${lockersId}"]`);
  await card.waitFor({ state: 'detached' });
  await page.locator(`article.theme [data-item-id="${itemId}"]`).waitFor({ state: 'detached' });
  expect(await hiddenCorrections()).toHaveLength(1);
  // (The earlier tests' corrections are in force too.)
  await page.getByText(/^\d+ corrections? in force/).click();
  const undone = page.waitForResponse(
    (r) => r.request().method() === 'DELETE' && r.url().includes('/corrections/'),
  );
  await page.getByRole('button', { name: 'Undo: Hid a theme as noise' }).click();
  expect((await undone).status()).toBe(200);
  // The hidden theme is back (the undo answers once both snapshots are recomputed) under its own id: the
  // theme that holds its comment is current and is the one hidden, and its card is listed again.
  const back = await p.app.db
    .selectFrom('theme_item as i')
    .innerJoin('theme as t', 't.id', 'i.theme_id')
    .select('t.id')
    .where('i.scope', '=', 'all')
    .where('i.item_id', '=', itemId)
    .where('t.retired', '=', false)
    .executeTakeFirst();
  expect(back?.id).toBe(lockersId);
  await card.waitFor();
  expect(await hiddenCorrections()).toHaveLength(0);
});
