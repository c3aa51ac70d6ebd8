import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { headLabel, type KeyLogHead } from '../../common/key-log.ts';
import { portal } from './harness.ts';

const p = portal();

const serverHead = async (): Promise<KeyLogHead> =>
  (await p.app.inject({ method: 'GET', url: '/api/tokens/key-log' })).json().head;

test('the anonymity page leads to the key log, whose head the browser checks and shows to compare aloud', async () => {
  const page = await p.newPage();
  await page.goto(`${p.url}/#/anonymity`);
  await page.getByRole('link', { name: 'check the public key log' }).click();
  await page.getByRole('heading', { name: 'Key transparency' }).waitFor();
  const head = await serverHead();
  await expect.poll(() => page.getByTestId('key-log-head').textContent()).toBe(headLabel(head));
  await page.getByText(`Checked in this browser: ${head.seq} entries`).waitFor();
  // One row per key ever published, newest first.
  expect(await page.locator('tbody tr').count()).toBe(head.seq);
  await p.screenshot(page, 'key-transparency-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await p.screenshot(page, 'key-transparency-phone');
});

test('a log whose chain does not check out is shown as a problem, not as a head', async () => {
  const head = await serverHead();
  // The operator appends an entry without the right hash (as superuser, past the API).
  await sql`insert into key_log (seq, scope, token_key_id, not_before, not_after, prev_hash, hash)
    values (${head.seq + 1}, 'general', ${'ab'.repeat(32)}, now() + interval '100 days',
            now() + interval '107 days', ${head.hash}, ${'cd'.repeat(32)})`.execute(p.app.db);
  const page = await p.newPage();
  await page.goto(`${p.url}/#/keys`);
  await page.getByText('This log does not check out').waitFor();
  expect(await page.getByTestId('key-log-head').count()).toBe(0);
});
