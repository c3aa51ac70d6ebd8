import { expect, test } from 'vitest';
import { portal } from './harness.ts';

const p = portal();

test('a moderator signs in at the web page and sees the console', async () => {
  const moderator = await p.staff('moderator');
  const page = await p.newPage();
  await page.goto(`${p.url}/#/staff/login`);
  await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
  await p.screenshot(page, 'staff-sign-in');
  await p.signIn(page, moderator);
  await page.getByRole('heading', { name: 'Moderator console' }).waitFor();
  expect(page.url()).toContain('#/mod');
  await p.screenshot(page, 'moderator-console');
});

test('a wrong password shows a clear message and no session', async () => {
  const moderator = await p.staff('moderator');
  const page = await p.newPage();
  await page.goto(`${p.url}/#/staff/login`);
  await page.getByLabel('Username').fill(moderator.username);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByText('Wrong username or password.').waitFor();
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'greenroom_session')).toBeUndefined();
});

test('an admin creates a moderator account in the admin area', async () => {
  const admin = await p.staff('admin');
  const page = await p.newPage();
  await p.signIn(page, admin);
  await page.goto(`${p.url}/#/admin/staff`);
  await page.getByRole('heading', { name: 'Administration' }).waitFor();
  await page.getByLabel('Username').fill('casey');
  await page.getByLabel('Full name').fill('Casey Moderator');
  await page.getByLabel('Initial password').fill('casey-long-password');
  await page.getByRole('button', { name: /create account/i }).click();
  await page.getByRole('list').getByText('casey', { exact: true }).waitFor();
  await p.screenshot(page, 'admin-staff');
  const row = await p.app.db
    .selectFrom('staff')
    .select('role')
    .where('username', '=', 'casey')
    .executeTakeFirst();
  expect(row?.role).toBe('moderator');
});
