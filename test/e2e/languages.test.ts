import { expect, test } from 'vitest';
import { portal } from './harness.ts';

const p = portal();

test('English by default; switching to German translates the portal, sets <html lang>, is remembered, and survives forgetting the wallet', async () => {
  const employee = await p.employee();

  // The test browser asks for English, so the portal starts in English (every other e2e test relies on it).
  expect(await employee.evaluate(() => navigator.language)).toMatch(/^en/);
  await employee.goto(`${p.url}/#/suggest`);
  await employee.getByRole('heading', { name: 'Make a suggestion' }).waitFor();
  expect(await employee.evaluate(() => document.documentElement.lang)).toBe('en');

  // The switch in the header: the page re-renders in place, in German.
  await employee.getByLabel('Language').selectOption('de');
  await employee.getByRole('heading', { name: 'Vorschlag machen' }).waitFor();
  expect(await employee.evaluate(() => document.documentElement.lang)).toBe('de');
  await employee.getByRole('navigation').getByRole('link', { name: 'Meine Vorschläge' }).waitFor();
  await employee.getByText('Mindestens 10 Zeichen (bisher 0).').waitFor();

  // Submitting: the confirmation and the receipt panel speak German too.
  await employee
    .getByLabel('Ihr Vorschlag')
    .fill('Die Kreditstrecke verliert jeden Morgen hochgeladene Gehaltsnachweise.');
  await employee.getByRole('button', { name: 'Anonym senden' }).click();
  await employee.getByRole('heading', { name: 'Hier ist Ihre Quittung.' }).waitFor();
  await employee.getByText('✓ Gesendet.').waitFor();
  await employee.getByText('Nur mit dieser Quittung finden Sie zu Ihrem Vorschlag zurück.').waitFor();
  await p.screenshot(employee, 'languages-de-receipt');

  // Remembered per browser under its own key, outside the wallet's `greenroom.` traces.
  expect(await employee.evaluate(() => localStorage.getItem('lang'))).toBe('de');
  await employee.reload();
  await employee.getByRole('heading', { name: 'Vorschlag machen' }).waitFor();
  expect(await employee.evaluate(() => document.documentElement.lang)).toBe('de');
  const traces = await employee.evaluate(() =>
    Object.entries(localStorage).filter(([key]) => key.startsWith('greenroom')),
  );
  expect(JSON.stringify(traces)).not.toContain('"de"');

  // Dates and words follow the language: the wallet shows the receipt's day the German way ("3. Dez. 2026").
  await employee.getByRole('navigation').getByRole('link', { name: 'Meine Wallet' }).click();
  await employee.getByRole('heading', { name: 'Ihre Wallet' }).waitFor();
  await employee.getByRole('columnheader', { name: 'Jetzt bereit' }).waitFor();
  expect(await employee.locator('.receipts time').first().textContent()).toMatch(/^\d{1,2}\. \S+ \d{4}$/);

  // In English the same day reads the English way.
  await employee.getByLabel('Sprache').selectOption('en');
  await employee.getByRole('heading', { name: 'Your wallet' }).waitFor();
  expect(await employee.locator('.receipts time').first().textContent()).toMatch(
    /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/,
  );
  await employee.getByLabel('Language').selectOption('de');

  // "Forget this wallet" wipes every trace of what was done here, but a language is not such a trace.
  employee.once('dialog', (dialog) => void dialog.accept());
  await employee.getByRole('button', { name: 'Diese Wallet vergessen' }).click();
  await employee.getByText('Nicht angemeldet').waitFor();
  expect(await employee.evaluate(() => localStorage.getItem('lang'))).toBe('de');
  expect(await employee.evaluate(() => document.documentElement.lang)).toBe('de');

  // And back: English again, and <html lang> with it.
  await employee.getByLabel('Sprache').selectOption('en');
  await employee.getByRole('heading', { name: 'Your wallet' }).waitFor();
  expect(await employee.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await employee.evaluate(() => localStorage.getItem('lang'))).toBe('en');
});
