import { expect, test } from 'vitest';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { themesJob } from '../../server/themes/job.ts';
import { corpusItems, CORPUS_LAST_DAY } from '../themes/corpus.ts';
import { portal } from './harness.ts';

const p = portal();

/** The hand-labelled corpus as suggestions, its last day moved to today; one in five still pending. */
async function givenHistory() {
  const shift = Math.round((Date.now() - Date.parse(`${CORPUS_LAST_DAY}T00:00:00Z`)) / 86_400_000);
  const moved = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
  await p.app.db.transaction().execute(async (trx) => {
    for (const [index, item] of corpusItems().entries())
      await insertSuggestion(trx, {
        text: item.text,
        concernsDepartmentId: null,
        ownDepartmentId: null,
        moderation: index % 5 === 0 ? 'pending' : 'published',
        reviewed: index % 5 !== 0,
        piiFlags: [],
        day: moved(item.day),
      });
  });
  await themesJob(p.app).recompute();
}

test('a moderator opens the themes dashboard, drills into a rising theme and sees its comments', async () => {
  await givenHistory();
  const moderator = await p.staff('moderator');
  const page = await p.newPage();
  await p.signIn(page, moderator);
  await page.goto(`${p.url}/#/mod/themes`);
  await page.getByRole('heading', { name: 'Trending themes' }).waitFor();
  const rising = page.locator('article.theme', { has: page.locator('.trend-rising') }).first();
  await rising.waitFor();
  // Themes are ranked: nothing steady or fading comes before a rising theme.
  const trends = await page
    .locator('article.theme .pill[class*="trend-"]')
    .evaluateAll((pills) => pills.map((pill) => pill.className));
  const firstCalm = trends.findIndex((name) => /trend-(steady|fading)/.test(name));
  expect(trends.slice(firstCalm).some((name) => /trend-(rising|emerging)/.test(name))).toBe(false);
  await expect.poll(() => rising.locator('.sparkline canvas').count()).toBeGreaterThan(0);
  await p.screenshot(page, 'themes-moderator-dashboard');

  const label = await rising.locator('h2').innerText();
  await rising.getByRole('button', { name: /show the \d+ comments/i }).click();
  const rows = rising.locator('tbody tr');
  await rows.first().waitFor();
  const shown = Number((await rising.locator('.facts strong').innerText()).trim());
  expect(await rows.count()).toBe(shown);
  await expect.poll(() => rising.getByText('pending').count()).toBeGreaterThan(0);
  await rising.scrollIntoViewIfNeeded();
  await p.screenshot(page, 'themes-moderator-drill-down');

  // A filter narrows the counts: the last 14 days hold fewer comments than all time.
  await page.getByLabel('Period').selectOption({ label: 'Last 14 days' });
  await page.locator('article.theme', { hasText: label }).first().waitFor();
  await expect
    .poll(async () =>
      Number(
        (
          await page.locator('article.theme', { hasText: label }).first().locator('.facts strong').innerText()
        ).trim(),
      ),
    )
    .toBeLessThan(shown);
});

test('employees see themes from published comments on the Themes page and the home page', async () => {
  const page = await p.newPage();
  await page.goto(`${p.url}/#/themes`);
  await page.getByRole('heading', { name: 'Trending themes' }).waitFor();
  await page.locator('article.theme').first().waitFor();
  expect(await page.locator('article.theme').count()).toBeGreaterThanOrEqual(5);
  await expect.poll(() => page.locator('.sparkline canvas').count()).toBeGreaterThan(0);
  await p.screenshot(page, 'themes-employee');

  await page.goto(`${p.url}/#/`);
  const trending = page.getByRole('region', { name: 'What people are talking about' });
  await trending.locator('li').first().waitFor();
  expect(await trending.locator('li').count()).toBeGreaterThanOrEqual(3);
  await p.screenshot(page, 'themes-home');
});
