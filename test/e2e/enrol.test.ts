import { expect, test } from 'vitest';
import { HANDOFF_KEYS_JOB } from '../../server/handoffs/keys.ts';
import { departmentId } from '../helpers/departments.ts';
import { portal } from './harness.ts';

const p = portal();

test('an admin creates codes; a new browser enrols with one and its wallet fills', async () => {
  // 1. The admin generates three codes in the Enrolment codes tab: shown once, with CSV and print.
  const admin = await p.staff('admin');
  await departmentId(p.app, 'IT');
  // The hourly handoff-keys job makes this week's and next week's key for the new team (run now, as
  // it may already have run at start, before IT existed).
  await p.app.jobs.runNow(HANDOFF_KEYS_JOB);
  const console_ = await p.newPage();
  await p.signIn(console_, admin);
  await console_.goto(`${p.url}/#/admin/codes`);
  await console_.getByRole('heading', { name: 'Generate enrolment codes' }).waitFor();
  await console_.getByLabel('For department').selectOption({ label: 'IT' });
  await console_.getByLabel('How many').fill('3');
  await console_.getByRole('button', { name: 'Generate', exact: true }).click();
  const list = console_.getByRole('list', { name: 'New enrolment codes' });
  await list.waitFor();
  const codes = (await list.getByRole('listitem').locator('.mono').allTextContents()).map((code) =>
    code.trim(),
  );
  expect(codes).toHaveLength(3);
  for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
  await console_.getByText('Shown once.').waitFor();
  await p.screenshot(console_, 'admin-enrolment-codes');

  const [download] = await Promise.all([
    console_.waitForEvent('download'),
    console_.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^greenroom-enrolment-codes-\d{4}-\d{2}-\d{2}\.csv$/);
  // The print sheet: hidden on screen, one slip per code when printed.
  expect(await console_.locator('.sheet').isVisible()).toBe(false);
  await console_.emulateMedia({ media: 'print' });
  await expect.poll(() => console_.locator('.slip').count()).toBe(3);
  expect(await console_.locator('.slip').first().isVisible()).toBe(true);
  expect(await console_.getByRole('heading', { name: 'Administration' }).isVisible()).toBe(false);
  await console_.emulateMedia({ media: 'screen' });
  await console_.getByRole('cell', { name: '3', exact: true }).first().waitFor();

  // 2. A different browser (its own storage) enrols with one code, typed loosely.
  const employee = await p.newPage();
  await employee.goto(`${p.url}/#/enrol`);
  await employee.getByRole('heading', { name: 'Enrol this browser' }).waitFor();
  await employee.getByLabel('Enrolment code').fill(codes[0]!.toLowerCase().replace(/-/g, ' '));
  await expect.poll(() => employee.getByLabel('Enrolment code').inputValue()).toBe(codes[0]);
  await employee.getByRole('button', { name: 'Enrol', exact: true }).click();
  await employee.getByRole('heading', { name: 'You are enrolled.' }).waitFor();

  // 3. The wallet fills in the background: this week's budget and next week's, fetched ahead of use.
  await employee
    // (IT's codes: a few of each week's 30 say "I work in IT", the rest are plain.)
    .getByText(/\d+ tokens ready for suggestions, votes and kudos, and \d+ for next week/)
    .waitFor({ timeout: 60_000 });
  await p.screenshot(employee, 'enrol-done');
  // This week's and next week's general budget, and one handoff-rating token for each week for the one
  // backstage team here (IT): every scope is fetched ahead of use, in the enrolment refill.
  await expect
    .poll(async () =>
      (await p.app.db.selectFrom('token_issuance').select('issued').execute())
        .map((row) => row.issued)
        .sort((a, b) => a - b),
    )
    .toEqual([1, 1, 30, 30]);

  await employee.goto(`${p.url}/#/wallet`);
  await employee.getByRole('heading', { name: 'Your wallet' }).waitFor();
  const general = employee.getByRole('row').filter({ hasText: 'Suggestions, votes and kudos' });
  await expect
    .poll(() => general.getByRole('cell').allTextContents())
    .toEqual([
      'Suggestions, votes and kudos',
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
    ]);
  await employee.getByText('Enrolled', { exact: true }).waitFor();
  await p.screenshot(employee, 'wallet');

  await employee.goto(`${p.url}/#/anonymity`);
  await employee.getByRole('heading', { name: 'What the server stores' }).waitFor();
  await employee.getByText(/\d+\s+tokens left for suggestions, votes and kudos this week/).waitFor();
  await p.screenshot(employee, 'anonymity');

  // 4. The wallet survives a reload (IndexedDB), and the same code cannot enrol a second browser.
  await employee.reload();
  await employee.getByText(/\d+\s+tokens left/).waitFor();
  const other = await p.newPage();
  await other.goto(`${p.url}/#/enrol`);
  await other.getByLabel('Enrolment code').fill(codes[0]!);
  await other.getByRole('button', { name: 'Enrol', exact: true }).click();
  await other.getByText('That code is not valid or was already used.').waitFor();
  expect(await p.app.db.selectFrom('member').select('id').execute()).toHaveLength(1);

  // 5. The admin sees one of the three codes used.
  await console_.reload();
  const batch = console_.getByRole('row').filter({ hasText: 'Revoke unused' });
  await expect
    .poll(() => batch.getByRole('cell').allTextContents())
    .toEqual(expect.arrayContaining([admin.username, 'IT', '3', '1', '2', 'Revoke unused']));
});
