import type { Page, WebSocketRoute } from 'playwright-core';
import { expect, test } from 'vitest';
import { Client, scheduleRoom, socketUrl, takeSeatIn } from '../focus-groups/helpers.ts';
import { portal } from './harness.ts';

const p = portal();

async function takeSeat(page: Page, title: string) {
  await page.goto(`${p.url}/#/focus-groups`);
  const card = page.getByRole('article', { name: title });
  await card.getByRole('button', { name: 'Take a seat' }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByText('Live', { exact: true }).waitFor();
  return (await page.locator('.you strong').textContent())!;
}

test('a moderator and two participants hold a short pre-moderated session', async () => {
  const title = 'Handoffs between Underwriting and Loan Processing';
  const moderator = await p.staff('moderator');
  const console_ = await p.newPage();
  await p.signIn(console_, moderator);

  // Schedule it in the form: today, from a few minutes ago for an hour (the browser's own time zone).
  await console_.goto(`${p.url}/#/mod/focus-groups`);
  const times = await console_.evaluate(() => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const start = new Date(Date.now() - 3 * 60_000);
    const end = new Date(Math.min(start.getTime() + 60 * 60_000, new Date(start).setHours(23, 59, 0, 0)));
    const hm = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    return {
      date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
      start: hm(start),
      end: hm(end),
    };
  });
  await console_.getByLabel('Title').fill(title);
  await console_
    .getByLabel('Prompts, one per line')
    .fill('Where do loan files get stuck?\nWhat would you change first?');
  await console_.getByLabel('Date').fill(times.date);
  await console_.getByLabel('Starts').fill(times.start);
  await console_.getByLabel('Ends').fill(times.end);
  await console_.getByLabel('Seats').fill('6');
  await console_.getByRole('button', { name: 'Schedule' }).click();
  await console_.getByRole('heading', { name: 'The room' }).waitFor();
  const roomId = console_.url().split('/').at(-1)!;

  const amber = await p.employee();
  const birch = await p.employee();
  const amberName = await takeSeat(amber, title);
  const birchName = await takeSeat(birch, title);
  expect(amberName).not.toBe(birchName);
  await console_
    .getByRole('heading', { name: /Participants/ })
    .locator('..')
    .getByText(birchName)
    .waitFor();

  // The moderator posts the first prompt; both participants see it.
  await console_.getByRole('button', { name: 'Post next prompt' }).click();
  for (const page of [amber, birch]) {
    await page
      .getByRole('region', { name: 'Question 1 from the moderator' })
      .getByText('Where do loan files get stuck?')
      .waitFor();
  }

  // Amber writes with the keyboard only: focus, type, Enter.
  const text = 'Conditions come back as free text, so we re-key them into the checklist by hand.';
  await amber.getByLabel('Your message').focus();
  await amber.keyboard.type(text);
  await amber.keyboard.press('Enter');
  const own = amber.locator('article.message', { hasText: text });
  await own.getByText('Waiting for the moderator').waitFor();

  // The moderator sees it queued; Birch sees nothing of it yet.
  const queued = console_
    .getByRole('region', { name: /Waiting for you/ })
    .locator('article', { hasText: text });
  await queued.waitFor();
  expect(await birch.locator('article.message', { hasText: text }).count()).toBe(0);
  await p.screenshot(console_, 'focus-group-console');

  await queued.getByRole('button', { name: /Approve/ }).click();
  await birch.locator('article.message', { hasText: text }).waitFor();
  await own.getByText('Waiting for the moderator').waitFor({ state: 'detached' });
  // Screen readers hear it: the live region announced the new message.
  await expect.poll(() => birch.locator('[aria-live="polite"]').last().textContent()).toContain(amberName);

  // Birch reacts; Amber sees the count.
  await birch.getByRole('button', { name: 'Agree: 0' }).click();
  await birch.getByRole('button', { name: 'Agree: 1' }).waitFor();
  await own.getByLabel('Agree: 1').waitFor();

  await p.screenshot(amber, 'focus-group-room');
  await birch.setViewportSize({ width: 390, height: 844 });
  await p.screenshot(birch, 'focus-group-room-phone');

  const rows = await p.app.db
    .selectFrom('focus_group_message')
    .select(['author', 'status', 'text'])
    .where('focus_group_id', '=', roomId)
    .execute();
  expect(rows).toEqual([{ author: amberName, status: 'visible', text }]);

  // Closing ends the session in every browser.
  console_.once('dialog', (dialog) => dialog.accept());
  await console_.getByRole('button', { name: 'Close room' }).click();
  for (const page of [amber, birch]) await page.getByText('This session has ended.').first().waitFor();
  await p.screenshot(console_, 'focus-group-console-closed');
});

test('a dropped connection reconnects by itself and shows exactly what was missed, once', async () => {
  const title = 'Month-end close in Finance';
  const moderator = await p.staff('moderator');
  const { id } = await scheduleRoom(p.app, moderator, { title, moderation: 'post' });
  const page = await p.employee();

  // The first socket goes straight through; the reconnect is held until the others have spoken.
  let first: WebSocketRoute | null = null;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/\/socket$/, async (ws) => {
    if (!first) {
      first = ws;
      ws.connectToServer();
      return;
    }
    await held;
    ws.connectToServer();
  });
  await takeSeat(page, title);

  const other = await takeSeatIn(p.app, id);
  const [peer] = await Client.join(socketUrl(p.url.replace('http', 'ws'), id), other);
  const message = (text: string) => page.locator('article.message', { hasText: text });
  try {
    peer.send({ type: 'say', text: 'Accruals arrive on day five.' });
    await message('Accruals arrive on day five.').waitFor();

    await first!.close({ code: 1012, reason: 'service restart' });
    await page.getByText('Reconnecting…').waitFor();
    for (const text of ['Nobody owns the intercompany recs.', 'We wait on Treasury for the cash position.']) {
      peer.send({ type: 'say', text });
      await peer.seen((f) => f.type === 'message' && f.text === text);
    }
    release();
    await page.getByText('Live', { exact: true }).waitFor();
    await message('We wait on Treasury for the cash position.').waitFor();
    for (const text of [
      'Accruals arrive on day five.',
      'Nobody owns the intercompany recs.',
      'We wait on Treasury for the cash position.',
    ]) {
      expect(await message(text).count(), text).toBe(1);
    }
  } finally {
    await peer.close();
  }
});
