// The submit, pulse and focus-group journeys with the keyboard alone (Tab, Shift+Tab, Enter, typing):
// after changing page, focus is on the new page's main heading and the page starts at the top; after
// sending, focus is on the receipt or the thank-you, so a screen reader reads it out.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { scheduleRoom } from '../focus-groups/helpers.ts';
import { portal } from './harness.ts';

const p = portal();
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** What a screen reader would call the focused element: its label, or its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelled = element.getAttribute('aria-labelledby');
    return (
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null) ??
      element.textContent ??
      ''
    ).trim();
  });

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, { back = false, max = 80 } = {}) {
  const seen: string[] = [];
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const current = await focusedName(page);
    if (name.test(current)) return;
    seen.push(current);
  }
  throw new Error(`Tab never reached ${name}; focus went through: ${seen.join(' | ')}`);
}

/** Waits until focus sits on an element of this tag whose text matches. */
async function focusLandsOn(page: Page, tag: string, text: RegExp) {
  await page.waitForFunction(
    ([tag, source]) => {
      const element = document.activeElement;
      if (!element || element.tagName !== tag) return false;
      return new RegExp(source as string).test(element.textContent?.trim() ?? '');
    },
    [tag, text.source],
  );
}

test('submit a suggestion with the keyboard: focus moves to each new page, then to the receipt', async () => {
  const page = await p.employee();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${p.url}/#/anonymity`);
  await page.getByRole('heading', { level: 1 }).waitFor();

  // From the bottom of a long page (Shift+Tab from the top wraps to the footer), to another page.
  await tabTo(page, /^Who enrolled, team by team$/, { back: true });
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await focusLandsOn(page, 'H1', /./);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const heading = await focusedName(page);
  expect(await page.title()).toBe(`${heading} — Greenroom`);

  // Back up from the heading to the nav link "Suggest".
  await page.setViewportSize({ width: 1366, height: 900 });
  await tabTo(page, /^Suggest$/, { back: true });
  await page.keyboard.press('Enter');
  await focusLandsOn(page, 'H1', /^Make a suggestion$/);

  await tabTo(page, /^Your suggestion$/);
  await page.keyboard.type(
    'The printer on floor three jams every morning; a maintenance visit would save us an hour.',
  );
  await tabTo(page, /^Send anonymously$/);
  await page.keyboard.press('Enter');
  await focusLandsOn(page, 'H2', /^Here is your receipt\.$/);
  await p.screenshot(page, 'keyboard-suggest-receipt');
});

test('answer the pulse with the keyboard: the thank-you takes focus', async () => {
  const moderator = await p.staff('moderator');
  const scheduled = await p.app.inject({
    method: 'POST',
    url: '/api/mod/pulses',
    headers: moderator.headers,
    payload: {
      question: 'How well do handoffs to IT work this week?',
      scale: '1-5',
      opensOn: today(),
      closesOn: inDays(6),
    },
  });
  expect(scheduled.statusCode).toBe(201);
  const page = await p.employee();
  await page.goto(`${p.url}/#/pulse`);
  await page.getByText('How well do handoffs to IT work this week?').waitFor();

  await tabTo(page, /^Answer 4$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Send answer 4$/);
  await page.keyboard.press('Space');
  await focusLandsOn(page, 'P', /^Thank you/);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
});

test('take a focus-group seat and write with the keyboard: focus lands on the room, stays in the composer', async () => {
  const moderator = await p.staff('moderator');
  const title = 'Month-end close between Finance and Branches';
  await scheduleRoom(p.app, moderator, { title, moderation: 'pre' });
  const page = await p.employee();
  await page.goto(`${p.url}/#/focus-groups`);
  await page.getByRole('article', { name: title }).waitFor();

  await tabTo(page, /^Take a seat$/);
  await page.keyboard.press('Enter');
  await focusLandsOn(page, 'H1', new RegExp(`^${title}$`));
  await page.getByText('Live', { exact: true }).waitFor();

  await tabTo(page, /^Your message$/);
  const text = 'Branch cash counts arrive after the cut-off, so Finance reopens the day.';
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.locator('article.message', { hasText: text }).getByText('Waiting for the moderator').waitFor();
  expect(await focusedName(page)).toBe('Your message');
  expect(await page.getByLabel('Your message').inputValue()).toBe('');
});
