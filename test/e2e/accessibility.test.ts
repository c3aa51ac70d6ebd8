// Every view, on the demo seed's realistic content, at desktop and phone width in the light scheme and
// at desktop width in the dark scheme: axe-core (WCAG 2.1 A and AA rules) finds no violation, and a screenshot of each is
// kept in .screenshots/a11y-<size>-<scheme>-*.png. GREENROOM_DOCS_SCREENSHOTS=1 also writes the first screen of every
// view in the light scheme to docs/screenshots/en-<size>-<who>-<view>.png (the English gallery).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { seedDemo, type DemoSeedResult } from '../../server/seed/index.ts';
import { portal } from './harness.ts';
import { axeViolations } from './axe.ts';

const p = portal();
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
const DOCS = process.env.GREENROOM_DOCS_SCREENSHOTS === '1';

let demo: DemoSeedResult;
let departmentId: string;
let backstageId: string;
let pulseId: string;
let focusGroupId: string;
let journeyId: string;
beforeAll(async () => {
  demo = (await seedDemo(p.app))!;
  departmentId = (await p.app.inject({ url: '/api/departments' })).json().departments[0].id;
  // A backstage team's page also shows its handoff scorecard.
  const teams = (await p.app.inject({ url: '/api/handoffs/teams' })).json().teams as {
    name: string;
    id: string;
  }[];
  backstageId = teams.find((team) => team.name === 'IT')!.id;
  const pulses = (await p.app.inject({ url: '/api/pulses' })).json().pulses as { id: string }[];
  pulseId = pulses[0]!.id;
  const rooms = (await p.app.inject({ url: '/api/focus-groups' })).json().focusGroups as { id: string }[];
  focusGroupId = rooms[0]!.id;
  journeyId = (await p.app.inject({ url: '/api/journeys' })).json().journeys[0].id;
}, 300_000);

/** Runs axe on what the page shows now; returns the violations as readable lines. */
async function violations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary}`,
    ),
  );
}

type View = [name: string, hash: string];
// The dark scheme changes colours, not layout: it is checked at desktop width only, which keeps the
// sweep to three passes (the suite's budget on a 2-core CI machine).
const COMBINATIONS = [
  { size: 'desktop', viewport: VIEWPORTS.desktop, colorScheme: 'light' },
  { size: 'phone', viewport: VIEWPORTS.phone, colorScheme: 'light' },
  { size: 'desktop', viewport: VIEWPORTS.desktop, colorScheme: 'dark' },
] as const;

/** Each view at one width in one colour scheme: screenshots, and axe's findings. */
async function sweep(page: Page, views: View[], combination: (typeof COMBINATIONS)[number], who: string) {
  await page.setViewportSize(combination.viewport);
  await page.emulateMedia({ colorScheme: combination.colorScheme });
  const prefix = `${combination.size}-${combination.colorScheme}-${who}`;
  const found: string[] = [];
  for (const [name, hash] of views) {
    await page.goto(`${p.url}/#${hash}`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await p.screenshot(page, `a11y-${prefix}-${name}`);
    if (DOCS && combination.colorScheme === 'light')
      await page.screenshot({
        path: path.resolve('docs/screenshots', `en-${combination.size}-${who}-${name}.png`),
      });
    for (const line of await violations(page)) found.push(`${prefix} ${name} (${hash}): ${line}`);
  }
  return found;
}

// One browser page per audience, kept across the combinations: the employee enrols once, staff sign in once.
let employee: Page;
let staff: Page;
const employeeViews = (): View[] => [
  ['home', '/'],
  ['anonymity', '/anonymity'],
  ['keys', '/keys'],
  ['transparency', '/transparency'],
  ['wallet', '/wallet'],
  ['suggest', '/suggest'],
  ['board', '/board'],
  ['mine', '/mine'],
  ['kudos', '/kudos'],
  ['department', `/departments/${departmentId}`],
  ['backstage-department', `/departments/${backstageId}`],
  ['customer-digest', `/departments/${departmentId}/digest`],
  ['pulse', '/pulse'],
  ['handoff', '/handoff'],
  ['journeys', '/journeys'],
  ['blueprint', `/journeys/${journeyId}`],
  ['focus-groups', '/focus-groups'],
  ['room', `/focus-groups/${focusGroupId}`],
  ['themes', '/themes'],
  ['not-found', '/no-such-page'],
];
const staffViews = (): View[] => [
  ['console', '/mod'],
  ['queue', '/mod/queue'],
  ['kudos-queue', '/mod/kudos'],
  ['pulses', '/mod/pulses'],
  ['pulse-results', `/mod/pulses/${pulseId}`],
  ['focus-groups', '/mod/focus-groups'],
  ['room-console', `/mod/focus-groups/${focusGroupId}`],
  ['themes', '/mod/themes'],
  ['handoffs', '/mod/handoffs'],
  ['customer-voice', '/mod/customer-voice'],
  ['admin-staff', '/admin/staff'],
  ['admin-codes', '/admin/codes'],
  ['admin-departments', '/admin/departments'],
  ['admin-journeys', '/admin/journeys'],
  ['admin-request-types', '/admin/request-types'],
  ['admin-notifications', '/admin/notifications'],
  ['admin-settings', '/admin/settings'],
  ['admin-customer-voice', '/admin/customer-voice'],
  ['admin-audit', '/admin/audit'],
  ['account', '/staff/account'],
];
const TIMEOUT = 900_000;

describe.each(COMBINATIONS)('at $size width, $colorScheme scheme', (combination) => {
  test(
    'employee views have no axe violation',
    async () => {
      if (!employee) {
        employee = await p.newPage();
        // The enrol page as a new visitor sees it, before enrolling.
        const before = await sweep(employee, [['enrol', '/enrol']], combination, 'employee');
        expect(before).toEqual([]);
        await employee.goto(`${p.url}/#/enrol`);
        const [code] = (
          await p.app.inject({
            method: 'POST',
            url: '/api/admin/enrolment-codes',
            headers: (await p.staff('admin')).headers,
            payload: { count: 1, departmentId },
          })
        ).json().codes as string[];
        await employee.getByLabel('Enrolment code').fill(code!);
        await employee.getByRole('button', { name: 'Enrol', exact: true }).click();
        await employee.getByRole('heading', { name: 'You are enrolled.' }).waitFor();
      }
      expect(await sweep(employee, employeeViews(), combination, 'employee')).toEqual([]);
    },
    TIMEOUT,
  );

  test(
    'moderator and admin views have no axe violation',
    async () => {
      if (!staff) {
        staff = await p.newPage();
        const login = await sweep(staff, [['login', '/staff/login']], combination, 'staff');
        expect(login).toEqual([]);
        await p.signIn(staff, { id: '', cookie: '', headers: { cookie: '' }, ...demo.admin });
      }
      expect(await sweep(staff, staffViews(), combination, 'staff')).toEqual([]);
    },
    TIMEOUT,
  );
});

test('the check finds what it looks for: an image without a text alternative and grey on grey, once and again after the page changes', async () => {
  const page = await p.newPage();
  await page.goto(`${p.url}/#/anonymity`);
  await page.locator('h1').first().waitFor();
  // Built with the DOM, not markup: the portal's CSP refuses inline style attributes.
  const plant = (id: string) =>
    page.evaluate((id) => {
      const main = document.querySelector('main')!;
      const image = Object.assign(document.createElement('img'), { id, src: '/favicon.svg' });
      const faint = Object.assign(document.createElement('p'), {
        id: `${id}-text`,
        textContent: `${id}: faint words`,
      });
      faint.style.color = '#777';
      faint.style.background = '#888';
      main.prepend(image, faint);
    }, id);
  const found = async () =>
    (await axeViolations(page)).flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} ${node.target.join(' ')}`),
    );
  await plant('first');
  expect(await found()).toEqual(expect.arrayContaining(['image-alt #first', 'color-contrast #first-text']));
  // Checks after the first on the same page (axe is already in it) see the page as it is now.
  await page.evaluate(() =>
    document.querySelectorAll('#first, #first-text').forEach((node) => node.remove()),
  );
  expect(await found()).toEqual([]);
  await plant('second');
  expect(await found()).toEqual(expect.arrayContaining(['image-alt #second', 'color-contrast #second-text']));
  await page.close();
});
