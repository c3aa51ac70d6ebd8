// Every view, on the demo seed's realistic content, at desktop and phone width: axe-core (WCAG 2.1 A
// and AA rules) finds no violation, and a screenshot of each is kept in .screenshots/a11y-*.png.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { seedDemo, type DemoSeedResult } from '../../server/seed/index.ts';
import { portal } from './harness.ts';

const p = portal();
const VIEWPORTS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } };

let demo: DemoSeedResult;
let departmentId: string;
let backstageId: string;
let pulseId: string;
let focusGroupId: string;
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
}, 300_000);

/** Runs axe on what the page shows now; returns the violations as readable lines. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary}`,
    ),
  );
}

/** Each view at each width (the same page, resized): screenshots, and axe's findings. */
async function sweep(page: Page, views: [name: string, hash: string][], who: string) {
  const found: string[] = [];
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    found.push(...(await sweepAt(page, views, `${size}-${who}`)));
  }
  return found;
}

async function sweepAt(page: Page, views: [name: string, hash: string][], prefix: string) {
  const found: string[] = [];
  for (const [name, hash] of views) {
    await page.goto(`${p.url}/#${hash}`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await p.screenshot(page, `a11y-${prefix}-${name}`);
    for (const line of await violations(page)) found.push(`${prefix} ${name} (${hash}): ${line}`);
  }
  return found;
}

describe('at desktop and phone width', () => {
  test('employee views have no axe violation', async () => {
    const page = await p.newPage();
    const before = await sweep(page, [['enrol', '/enrol']], 'employee');
    await page.goto(`${p.url}/#/enrol`);
    const [code] = (
      await p.app.inject({
        method: 'POST',
        url: '/api/admin/enrolment-codes',
        headers: (await p.staff('admin')).headers,
        payload: { count: 1, departmentId },
      })
    ).json().codes as string[];
    await page.getByLabel('Enrolment code').fill(code!);
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByRole('heading', { name: 'You are enrolled.' }).waitFor();
    const after = await sweep(
      page,
      [
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
        ['pulse', '/pulse'],
        ['focus-groups', '/focus-groups'],
        ['themes', '/themes'],
        ['not-found', '/no-such-page'],
      ],
      'employee',
    );
    expect([...before, ...after]).toEqual([]);
  });

  test('moderator and admin views have no axe violation', async () => {
    const page = await p.newPage();
    const login = await sweep(page, [['login', '/staff/login']], 'staff');
    await p.signIn(page, { id: '', cookie: '', headers: { cookie: '' }, ...demo.admin });
    const views = await sweep(
      page,
      [
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
        ['admin-settings', '/admin/settings'],
        ['admin-customer-voice', '/admin/customer-voice'],
        ['admin-audit', '/admin/audit'],
      ],
      'staff',
    );
    expect([...login, ...views]).toEqual([]);
  });
});
