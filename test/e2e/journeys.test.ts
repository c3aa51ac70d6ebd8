import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { seedDemo } from '../../server/seed/index.ts';
import { portal } from './harness.ts';
import { axeViolations } from './axe.ts';

const p = portal();
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

/** axe-core, WCAG 2.1 A and AA, on what the page shows now. */
async function violations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary}`),
  );
}

test('an admin defines a journey; the demo blueprint fills from demo data; a hotspot opens; the department page shows the line', async () => {
  expect(await seedDemo(p.app)).not.toBeNull();
  const demo = await p.app.db
    .selectFrom('journey_version')
    .select('journey_id')
    .where('name', '=', 'Get a mortgage')
    .executeTakeFirstOrThrow();
  const loanProcessing = await p.app.db
    .selectFrom('department')
    .select('id')
    .where('name', '=', 'Loan Processing')
    .executeTakeFirstOrThrow();

  // 1. An admin defines a journey in the form editor, reorders it and saves it.
  const admin = await p.staff('admin');
  const page = await p.newPage();
  await page.setViewportSize(DESKTOP);
  await p.signIn(page, admin);
  await page.goto(`${p.url}/#/admin/journeys`);
  await page.getByRole('link', { name: 'Get a mortgage' }).waitFor();
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByLabel('Journey name').fill('Open a current account');
  await page.getByRole('button', { name: 'Add a stage' }).click();
  await page.getByLabel('Stage name').fill('Verify identity');
  await page.getByLabel('Key').fill('verify');
  await page.getByLabel('Customer actions (one per line)').fill('Uploads a passport\nTakes a selfie');
  await page.getByRole('button', { name: 'Add a stage' }).click();
  await page.getByLabel('Stage name').nth(1).fill('Apply');
  await page.getByLabel('Key').nth(1).fill('apply');
  await page.getByLabel('Customer actions (one per line)').nth(1).fill('Fills in the form');
  await page.getByRole('checkbox', { name: 'Loan Processing' }).nth(1).check();
  await page.getByRole('button', { name: 'Move up Apply' }).click();
  await expect.poll(() => page.getByLabel('Stage name').first().inputValue()).toBe('Apply');
  await page.getByRole('button', { name: 'Create journey' }).click();
  await page.getByText('Saved as version 1.').waitFor();
  // An edit is a new version; both stay listed.
  await page.getByLabel('Journey name').fill('Open a current account online');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByText('Saved as version 2.').waitFor();
  await page.getByText(/Versions \(2\)/).click();
  await page.getByText('Version 1: Open a current account', { exact: false }).waitFor();
  await p.screenshot(page, 'journeys-admin-1280');
  expect(await violations(page)).toEqual([]);
  const created = await p.app.db
    .selectFrom('journey_version')
    .select('definition')
    .where('name', '=', 'Open a current account online')
    .executeTakeFirstOrThrow();
  expect((created.definition as { stages: Array<{ key: string }> }).stages.map((s) => s.key)).toEqual([
    'apply',
    'verify',
  ]);

  // A moderator or admin maps an employee theme to a stage from the blueprint page.
  await page.goto(`${p.url}/#/journeys/${demo.journey_id}`);
  await page.getByRole('heading', { name: 'Map a theme to a stage' }).waitFor();
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Offer' });
  await page.getByLabel('Theme', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Map theme' }).click();
  await page.getByText('Mapped.', { exact: false }).waitFor();
  const mappedRows = await p.app.db.selectFrom('journey_stage_theme').select('stage_key').execute();
  expect(mappedRows).toEqual([{ stage_key: 'offer' }]);

  // 2. An employee (no sign-in) opens the demo journey's blueprint: a real table, filled from demo data.
  const reader = await p.newPage();
  await reader.setViewportSize(DESKTOP);
  await reader.goto(`${p.url}/#/journeys`);
  await reader.getByRole('link', { name: 'Get a mortgage' }).click();
  await reader.getByRole('heading', { name: 'Get a mortgage', level: 1 }).waitFor();
  const table = reader.getByRole('table');
  await table.getByRole('columnheader', { name: /Underwriting/ }).waitFor();
  await table.getByRole('rowheader', { name: 'Loan Processing' }).waitFor();
  await table.getByRole('rowheader', { name: 'Line of visibility' }).waitFor();
  await expect.poll(() => table.getByText(/ratings · effort/).count()).toBeGreaterThan(0);
  await p.screenshot(reader, 'journeys-blueprint-1280');
  expect(await violations(reader)).toEqual([]);

  // Keyboard: the first cell's button, then the arrow keys move across the cells.
  const firstOpen = table.getByRole('button', { name: /^Open / }).first();
  await firstOpen.focus();
  await reader.keyboard.press('ArrowRight');
  const focused = await reader.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  expect(focused).toMatch(/^Open /);
  expect(focused).not.toBe(await firstOpen.getAttribute('aria-label'));

  // 3. Open a hotspot: the items behind it, published ones only for an employee.
  const hotspots = table.locator('td.hotspot');
  expect(await hotspots.count()).toBeGreaterThan(0);
  await hotspots
    .first()
    .getByRole('button', { name: /^Open / })
    .click();
  const dialog = reader.getByRole('dialog');
  await dialog.getByText('Published items only.').waitFor();
  await dialog.getByRole('heading', { name: 'Handoff ratings' }).waitFor();
  await p.screenshot(reader, 'journeys-hotspot-1280');
  expect(await violations(reader)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => reader.getByRole('dialog').count()).toBe(0);

  // Phone: the same blueprint, stage by stage.
  await reader.setViewportSize(PHONE);
  await reader.getByRole('heading', { name: /Underwriting/, level: 2 }).waitFor();
  await p.screenshot(reader, 'journeys-blueprint-390');
  expect(await violations(reader)).toEqual([]);

  // 4. The department page: "your work reaches the customer here".
  for (const [size, viewport] of [
    ['1280', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await reader.setViewportSize(viewport);
    await reader.goto(`${p.url}/#/departments/${loanProcessing.id}`);
    await reader.getByRole('heading', { name: 'Your work reaches the customer here' }).waitFor();
    await reader.getByText('Stage 2 of 5:').waitFor();
    await p.screenshot(reader, `journeys-department-${size}`);
    expect(await violations(reader)).toEqual([]);
  }
  await reader.getByRole('link', { name: 'Get a mortgage' }).first().click();
  await reader.getByRole('heading', { name: 'Get a mortgage', level: 1 }).waitFor();
  expect(demo.journey_id).toBeTruthy();
});
