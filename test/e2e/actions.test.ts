import { expect, test } from 'vitest';
import { givenThemes, moderatorThemes } from '../actions/fixtures.ts';
import { portal } from './harness.ts';

// Issue 19's "create an action": a moderator makes an action from a theme and marks it in progress with a
// response; an employee sees it on the board, follows it, and after a reload it is still followed and first.
// Following is this browser's secret: no request carries the followed id.

const p = portal();

const daysBack = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('a moderator creates an action from a theme; an employee follows it and finds it first', async () => {
  await givenThemes(p.app);
  const moderator = await p.staff('moderator');
  const page = await p.newPage();
  await p.signIn(page, moderator);
  await page.goto(`${p.url}/#/mod/themes`);
  await page.getByRole('heading', { name: 'Trending themes' }).waitFor();
  const card = page
    .locator('article.theme')
    .filter({ has: page.locator('h2, .keywords', { hasText: /park/i }) })
    .first();
  const label = (await card.locator('h2').innerText()).trim();

  // The form opens with an empty title (not the moderators' theme name, which can come from held comments)
  // and says that what is written is public.
  await card.getByRole('button', { name: 'Create an action' }).click();
  await card.getByRole('form', { name: `New action from “${label}”` }).waitFor();
  await expect.poll(() => card.getByLabel('Title').inputValue()).toBe('');
  await expect.poll(() => card.getByText(/Public: the title/).isVisible()).toBe(true);
  await card.getByLabel('Title').fill('Free up staff car park spaces');
  await card.getByLabel('What we will do').fill('Facilities will stop contractors using staff bays.');
  await card.getByRole('button', { name: 'Publish the action' }).click();
  await card.getByText('Published on the board as planned.').waitFor();

  // Under the card: the action, moved to in progress with a public response.
  const action = card.locator('form.action').filter({ hasText: 'Free up staff car park spaces' });
  await action.getByLabel('Status').selectOption('in_progress');
  await action.getByLabel('What we did (public)').fill('Contractors now park at the depot.');
  await action.getByRole('button', { name: 'Save status' }).click();
  await action.getByText('Saved. The board shows it now.').waitFor();
  const [row] = await p.app.db.selectFrom('theme_action').select(['id', 'status', 'response']).execute();
  expect(row).toMatchObject({ status: 'in_progress', response: 'Contractors now park at the depot.' });

  // Another action, updated more recently: without following, it comes first on the board.
  const themes = await moderatorThemes(p.app, moderator.headers);
  const parkingId = await card.getAttribute('data-theme-id');
  const other = themes.find((theme) => theme.id !== parkingId)!;
  const created = await p.app.inject({
    method: 'POST',
    url: `/api/mod/themes/${other.id}/actions`,
    headers: moderator.headers,
    payload: { title: 'Better lunches for every shift' },
  });
  expect(created.statusCode).toBe(201);
  await p.app.db
    .updateTable('theme_action')
    .set({ day: daysBack(5), updated_day: daysBack(3) })
    .where('id', '=', row!.id)
    .execute();

  const employee = await p.newPage();
  const sent: string[] = [];
  employee.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
  await employee.goto(`${p.url}/#/board`);
  const section = employee.getByRole('region', { name: 'Actions from themes' });
  const cards = section.locator('article.action');
  await expect.poll(() => cards.count()).toBe(2);
  await expect.poll(() => cards.first().locator('h3').innerText()).toBe('Better lunches for every shift');
  const ours = cards.filter({ hasText: 'Free up staff car park spaces' });
  await expect.poll(() => ours.locator('[data-status]').innerText()).toBe('In progress');
  await expect.poll(() => ours.getByText('Contractors now park at the depot.').isVisible()).toBe(true);
  await ours.getByRole('button', { name: /^Follow/ }).click();
  await expect
    .poll(() => ours.getByRole('button', { name: /^Following/ }).getAttribute('aria-pressed'))
    .toBe('true');

  // After a reload: still followed, and first.
  await employee.reload();
  await expect.poll(() => cards.count()).toBe(2);
  await expect.poll(() => cards.first().locator('h3').innerText()).toBe('Free up staff car park spaces');
  await expect
    .poll(() =>
      cards
        .first()
        .getByRole('button', { name: /^Following/ })
        .getAttribute('aria-pressed'),
    )
    .toBe('true');
  await p.screenshot(employee, 'actions-board-followed');

  // The moderator marks it done: the next visit says it was updated, the one after does not any more.
  const done = await p.app.inject({
    method: 'POST',
    url: `/api/mod/actions/${row!.id}/status`,
    headers: moderator.headers,
    payload: { status: 'done' },
  });
  expect(done.statusCode).toBe(200);
  await employee.reload();
  await expect.poll(() => cards.first().getByText('Updated', { exact: true }).count()).toBe(1);
  await employee.reload();
  await expect.poll(() => cards.first().locator('[data-status]').innerText()).toBe('Done');
  expect(await cards.first().getByText('Updated', { exact: true }).count()).toBe(0);

  // The followed id never left the browser.
  expect(sent.filter((line) => line.includes(row!.id))).toEqual([]);
});
