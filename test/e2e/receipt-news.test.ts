// Reply notifications: the nav shows a badge when a receipt has news, and the checks behind it never
// let the server link receipts: each request carries exactly one receipt, and two checks never overlap
// or follow each other closer than the wallet's smallest random gap (here 0.4 s, as configured).
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { portal } from './harness.ts';

const MIN_GAP_MS = 400;
const p = portal({ WALLET_JITTER_SECONDS: '0.4-0.8' });
const RECEIPT = /[0-9A-Z]{5}(?:-[0-9A-Z]{5}){3}-[0-9A-Z]{6}/g;

interface Check {
  body: string;
  started: number;
  ended: number;
}

/**
 * Every receipt-carrying request the page makes, with when it left and when its answer was in, as the
 * browser's own network timing says (not when the test heard of it).
 */
function recordChecks(page: Page): Check[] {
  const checks: Check[] = [];
  const carriesReceipt = (body: string) => (body.match(RECEIPT) ?? []).length > 0;
  page.on('requestfinished', (request) => {
    const body = request.postData() ?? '';
    if (!carriesReceipt(body) && !request.url().includes('/api/threads/')) return;
    const timing = request.timing();
    checks.push({ body, started: timing.startTime, ended: timing.startTime + timing.responseEnd });
  });
  return checks;
}

async function suggest(page: Page, text: string) {
  // Through the home page, so the form is fresh each time (not the last receipt).
  await page.goto(`${p.url}/#/`);
  await page.goto(`${p.url}/#/suggest`);
  await page.getByLabel('Your suggestion').fill(text);
  await page.getByRole('button', { name: 'Send anonymously' }).click();
  await page.getByRole('heading', { name: 'Here is your receipt.' }).waitFor();
  await page.getByText('✓ Sent.').waitFor();
}

test('a reply shows as a badge; receipts are checked one per request, never in a burst', async () => {
  const author = await p.employee();
  const texts = [
    'The branch scanners time out on multi-page ID documents, so customers wait while we rescan.',
    'Month-end reconciliation still needs three spreadsheets that nobody owns.',
    'The new expense tool rejects receipts photographed on a phone in portrait mode.',
  ];
  for (const text of texts) await suggest(author, text);

  // A moderator publishes the second one and replies to it.
  const moderator = await p.staff('moderator');
  const row = await p.app.db
    .selectFrom('suggestion')
    .select('id')
    .where('text', '=', texts[1]!)
    .executeTakeFirstOrThrow();
  for (const [url, payload] of [
    [`/api/mod/suggestions/${row.id}/decision`, { action: 'publish' }],
    [
      `/api/mod/suggestions/${row.id}/replies`,
      { body: 'Which three? We will give them an owner this month.' },
    ],
  ] as const) {
    const response = await p.app.inject({ method: 'POST', url, headers: moderator.headers, payload });
    expect(response.statusCode).toBeLessThan(300);
  }

  // From here on, every receipt the browser sends is recorded, while it looks in the background.
  const checks = recordChecks(author);
  await author.goto(`${p.url}/#/board`);
  const badge = author.getByRole('link', { name: 'My suggestions (1 with news)' });
  await badge.waitFor();
  await p.screenshot(author, 'receipt-news-badge');
  // At least two full rounds over the three receipts.
  await expect.poll(() => checks.length, { timeout: 90_000 }).toBeGreaterThanOrEqual(6);

  // Opening "My suggestions" marks the answered one and clears the badge.
  await badge.click();
  const answered = author.getByRole('article').filter({ hasText: 'Which three?' });
  await answered.getByText('New since your last visit').waitFor();
  await author.getByRole('link', { name: 'My suggestions', exact: true }).waitFor();
  await p.screenshot(author, 'receipt-news-opened');
  await expect.poll(() => checks.length, { timeout: 90_000 }).toBeGreaterThanOrEqual(9);

  const finished = [...checks].sort((a, b) => a.started - b.started);
  for (const check of finished) expect(check.body.match(RECEIPT), check.body).toHaveLength(1);
  for (let i = 1; i < finished.length; i++) {
    const gap = finished[i]!.started - finished[i - 1]!.ended;
    expect(gap, `check ${i} left ${gap} ms after check ${i - 1} answered`).toBeGreaterThanOrEqual(MIN_GAP_MS);
  }
  // Every receipt was checked, each in its own requests.
  const seen = new Set(finished.map((check) => check.body.match(RECEIPT)![0]));
  expect(seen.size).toBe(3);
});
