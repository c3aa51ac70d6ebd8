import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { portal } from './harness.ts';

// Someone who used Greenroom on a shared computer forgets the wallet. Whoever sits down next, or
// looks at the browser's storage, must not learn what they voted for, which pulses they answered,
// or anything of their timing: no trace of Greenroom may stay behind in this browser.
const p = portal();

/** Everything Greenroom keeps in this browser: localStorage keys and every IndexedDB record. */
function traces(page: Page) {
  return page.evaluate(async () => {
    const local = Object.keys(localStorage).filter((key) => key.startsWith('greenroom'));
    const records: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of database.objectStoreNames) {
        const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
          const request = database.transaction(store).objectStore(store).getAllKeys();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const key of keys) records.push(`${name}/${store}/${String(key)}`);
      }
      database.close();
    }
    return { local, records };
  });
}

test('forgetting the wallet leaves nothing of Greenroom in the browser: no votes, no answered pulses, no timing', async () => {
  await sql`insert into suggestion (text, moderation, reviewed, day)
    values ('The expense tool logs everyone out after five minutes of reading a receipt', 'published', true, current_date - 2)`.execute(
    p.app.db,
  );
  const moderator = await p.staff('moderator');
  const today = new Date().toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const pulse = await p.app.inject({
    method: 'POST',
    url: '/api/mod/pulses',
    headers: moderator.headers,
    payload: {
      question: 'How well were you supported this week?',
      scale: '0-10',
      opensOn: today,
      closesOn: inAWeek,
    },
  });
  expect(pulse.statusCode).toBe(201);

  const page = await p.employee();
  await page.goto(`${p.url}/#/board`);
  await page.getByRole('button', { name: '+ Me too' }).first().click();
  await page.getByRole('button', { name: '✓ Me too' }).first().waitFor();
  await page.goto(`${p.url}/#/pulse`);
  await page.getByRole('button', { name: 'Answer 8' }).first().click();
  const confirm = page.getByRole('button', { name: /^(Send|Confirm).*8/ });
  if (await confirm.count()) await confirm.first().click();
  await page
    .getByText(/your answer is (in|queued|on its way)/i)
    .first()
    .waitFor();
  // Both writes reach the server (the outbox empties), as they would before anyone forgets anything.
  await expect
    .poll(
      async () =>
        Number(
          (
            await sql<{ n: number }>`select
      (select sum(votes) from suggestion) + (select count(*) from pulse_response) as n`.execute(p.app.db)
          ).rows[0]!.n,
        ),
      {
        timeout: 60_000,
      },
    )
    .toBe(2);

  const before = await traces(page);
  expect(before.local.length + before.records.length).toBeGreaterThan(0);

  await page.goto(`${p.url}/#/wallet`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Forget this wallet' }).click();
  // "Not enrolled" shows only once forget() has finished (other links may say "enrol" before).
  await page.getByText('Not enrolled').waitFor();

  const after = await traces(page);
  expect(after, 'what Greenroom left in the browser').toEqual({ local: [], records: [] });
  // And the board no longer says "✓ Me too" to whoever sits down next.
  await page.goto(`${p.url}/#/board`);
  await page.getByRole('button', { name: '+ Me too' }).first().waitFor();
  expect(await page.getByRole('button', { name: '✓ Me too' }).count()).toBe(0);
});
