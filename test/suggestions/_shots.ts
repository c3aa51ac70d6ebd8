// Scratch: screenshots of the suggestion views on a seeded in-memory app. Not a test.
import { chromium } from 'playwright-core';
import { createTestApp } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { seed } from '../../server/suggestions/seed.ts';
import { DEMO_DEPARTMENTS } from '../../server/seed/departments.ts';
import { createDepartment } from '../../server/departments/queries.ts';

const t = await createTestApp({ CLIENT_DIR: '/tmp/gr-client', LOG_LEVEL: 'warn' });
for (const d of DEMO_DEPARTMENTS) await createDepartment(t.app.db, d);
await seed(t.app, { admin: { username: '', password: '' }, moderator: { username: '', password: '' }, notes: [] });
await t.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = t.app.server.address() as { port: number };
const url = `http://127.0.0.1:${port}`;
const moderator = await given(t.app).staff('moderator');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
const page = await context.newPage();
page.on('pageerror', (e) => console.error('[browser]', e.message));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error('[console]', m.text()); });
const only = process.argv.slice(2);
const shot = async (name: string, path: string, action?: () => Promise<void>) => {
  if (only.length && !only.includes(name)) return;
  await page.goto(`${url}/#${path}`);
  await page.waitForTimeout(800);
  if (action) await action();
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: !['board', 'queue-published'].includes(name) });
  console.log('shot', name);
};
await shot('suggest', '/suggest', async () => {
  await page.getByLabel('Your suggestion').fill('Ask jane.doe@bank.example or call 07700 900123 about the VPN dropping at 3pm every day.');
  await page.waitForTimeout(300);
});
await shot('board', '/board');
await shot('board-top', '/board', async () => { await page.getByLabel('Sort').selectOption('top'); await page.waitForTimeout(500); });
await shot('mine', '/mine');
await page.goto(`${url}/#/staff/login`);
await page.getByLabel('Username').fill(moderator.username);
await page.getByLabel('Password').fill(moderator.password);
await page.getByRole('button', { name: /sign in/i }).click();
await page.waitForTimeout(800);
await shot('queue', '/mod/queue');
await shot('queue-redact', '/mod/queue', async () => {
  await page.getByRole('button', { name: 'Redact and publish…' }).first().click();
  await page.getByRole('button', { name: 'Conversation (0)' }).first().click();
  await page.waitForTimeout(300);
});
await shot('queue-published', '/mod/queue', async () => {
  await page.getByRole('tab', { name: /^Published/ }).click();
  await page.waitForTimeout(600);
});
await browser.close();
await t.close();
