// Issue 20's moderator and admin tools in a real browser: a saved reply used for a bulk rejection, the
// rejected cards keeping their reason; an admin's password reset followed by the forced change; and axe-core
// on every page these touch, at desktop and phone width (no serious or critical finding).
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { portal } from './harness.ts';
import { givenSuggestion } from '../suggestions/helpers.ts';
import { axeViolations } from './axe.ts';

const p = portal();
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };

async function seriousFindings(page: Page, where: string): Promise<string[]> {
  return (await axeViolations(page))
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${where}: ${violation.id} ${node.target.join(' ')}`),
    );
}

test('a moderator saves a reply, then rejects two suggestions at once with it; the cards keep the reason', async () => {
  const texts = [
    'The shared drive for branch forms is read-only again since Monday morning.',
    'Please bring back the paper queue tickets at the counter, the screen keeps freezing.',
    'Call me on 07700 900123 about the broken door at the side entrance.',
  ];
  const ids = [];
  for (const text of texts) ids.push((await givenSuggestion(p.app, { text })).id);
  const moderator = await p.staff('moderator');
  const page = await p.newPage();
  await p.signIn(page, moderator);
  await page.goto(`${p.url}/#/mod/queue`);
  await page.getByText(texts[0]!).waitFor();
  await expect(page.getByRole('tab', { name: /Waiting for a decision \(3\)/ }).count()).resolves.toBe(1);
  await expect(page.getByRole('tab', { name: /Rejected \(0\)/ }).count()).resolves.toBe(1);

  // The PII warning says where: the phone number is marked in the text.
  await expect(page.locator('mark', { hasText: '07700 900123' }).count()).resolves.toBe(1);

  await page.getByText(/Saved replies \(0\)/).click();
  await page.getByLabel('Name').fill('Duplicate');
  await page
    .getByLabel('Text the author reads')
    .fill('Someone already raised this; follow the published one.');
  await page.getByRole('button', { name: 'Save reply' }).click();
  await page.getByText(/Saved replies \(1\)/).waitFor();

  // Search narrows the list; select the two that match and reject them together.
  await page.getByRole('searchbox').fill('the');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const boxes = page.getByRole('checkbox', { name: 'Select for a bulk action' });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByText('2 selected').waitFor();
  await page.getByRole('button', { name: /^Reject… \(2\)/ }).click();
  await page.locator('#bulk-saved-reply').selectOption({ label: 'Duplicate' });
  await expect(page.getByLabel(/Reason \(the same/).inputValue()).resolves.toBe(
    'Someone already raised this; follow the published one.',
  );
  await page.getByRole('button', { name: /Reject 2 with this reason/ }).click();
  await page.getByText('Reject: 2 done.').waitFor();
  await page.getByRole('tab', { name: /Rejected \(2\)/ }).click();
  const rejectedCards = page.locator('article').filter({ hasText: 'Rejected: Someone already raised this' });
  await rejectedCards.nth(1).waitFor();
  await expect(rejectedCards.count()).resolves.toBe(2);
  await p.screenshot(page, 'moderator-tools-bulk-rejected');

  const rows = await p.app.db
    .selectFrom('suggestion')
    .select(['moderation', 'reject_reason'])
    .where('id', 'in', ids)
    .where('moderation', '=', 'rejected')
    .execute();
  expect(rows).toHaveLength(2);
  const audited = await p.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('staff_username', '=', moderator.username)
    .execute();
  expect(audited.map((row) => row.action).sort()).toEqual([
    'saved-reply.create',
    'suggestion.reject',
    'suggestion.reject',
  ]);
});

test('an admin resets a moderator’s password; the moderator must choose a new one before anything opens', async () => {
  const admin = await p.staff('admin');
  const moderator = await p.staff('moderator');
  const adminPage = await p.newPage();
  await p.signIn(adminPage, admin);
  await adminPage.goto(`${p.url}/#/admin/staff`);
  adminPage.once('dialog', (dialog) => void dialog.accept());
  await adminPage
    .getByRole('listitem')
    .filter({ hasText: moderator.username })
    .getByRole('button', { name: 'Reset password' })
    .click();
  const temporary = (await adminPage.locator('.password').textContent())!.trim();
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

  const page = await p.newPage();
  await p.signIn(page, { ...moderator, password: temporary });
  await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
  await page.goto(`${p.url}/#/mod/queue`);
  await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
  await page.getByLabel('Current password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('New password again').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('heading', { name: 'Suggestions' }).waitFor();

  // And the new password is the one that signs in from now on.
  const again = await p.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username: moderator.username, password: 'correct horse battery staple' },
  });
  expect(again.json().staff.mustChangePassword).toBe(false);
});

test('the pages these tools touch have no serious or critical axe finding, at desktop and phone width', async () => {
  const admin = await p.staff('admin');
  await givenSuggestion(p.app, {
    text: 'My manager Dave Smith keeps moving the rota, email dave@example.com.',
  });
  const page = await p.newPage();
  await p.signIn(page, admin);
  const found: string[] = [];
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const hash of [
      '/mod',
      '/mod/queue',
      '/mod/kudos',
      '/mod/handoffs',
      '/mod/focus-groups',
      '/admin/staff',
      '/admin/departments',
      '/admin/codes',
      '/staff/account',
    ]) {
      await page.goto(`${p.url}/#${hash}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await p.screenshot(page, `moderator-tools-${size}${hash.replace(/\W+/g, '-')}`);
      found.push(...(await seriousFindings(page, `${size} ${hash}`)));
    }
  }
  expect(found).toEqual([]);
});
