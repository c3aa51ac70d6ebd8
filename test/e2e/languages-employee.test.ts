// Issue #20: every employee view in German, on the demo seed's content, at desktop and phone width. Each page
// has no critical or serious axe finding and shows none of a list of English interface words (the demo's own
// content, which people wrote in English, contains none of them). A screenshot of the first screen of each is
// kept in .screenshots/lang-de-<size>-<view>.png; with GREENROOM_UPDATE_SCREENSHOTS=1 also in docs/screenshots/.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { de } from '../../client/src/lib/i18n/de.ts';
import { seedDemo } from '../../server/seed/index.ts';
import { createCodes } from '../helpers/members.ts';
import { portal, SCREENSHOTS } from './harness.ts';
import { axeViolations } from './axe.ts';

const p = portal();
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const UPDATE_DOCS = process.env.GREENROOM_UPDATE_SCREENSHOTS === '1';

// Interface words a German page must not show. None occurs in the demo seed's English content (nor in the
// theme labels made from it, which is why "Customer" alone is not here).
const ENGLISH = [
  'Submit',
  'Receipt',
  'Loading',
  'Cancel',
  'Download',
  'Close',
  'Search',
  'Hidden',
  'Send',
  'Open',
  'Week of',
  'fewer than',
  'Stage',
  'Hotspot',
  'Copy',
  'Enrol',
  'Sign in',
  'Score',
  'Reply',
  'Save',
  'Print',
  'Delete',
  'Your',
  'Focus group',
  'Comments',
  'Choose',
  'Period',
  'Customer stories',
  'Line of visibility',
  'Pinned',
  'Messages',
  'Published',
  'Not sent',
  'Back to',
  'Rate a',
  'Lane',
  'Frontstage',
  'No messages',
  'Open suggestions',
  'Handoff ratings',
  'Page not found',
];
const english = new RegExp(`\\b(${ENGLISH.join('|')})\\b`, 'g');

type View = [name: string, hash: string];
let views: View[];
let departmentId: string;

beforeAll(async () => {
  await seedDemo(p.app);
  const departments = (await p.app.inject({ url: '/api/departments' })).json().departments as {
    id: string;
  }[];
  departmentId = departments[0]!.id;
  const teams = (await p.app.inject({ url: '/api/handoffs/teams' })).json().teams as {
    name: string;
    id: string;
  }[];
  const backstageId = teams.find((team) => team.name === 'IT')!.id;
  const rooms = (await p.app.inject({ url: '/api/focus-groups' })).json().focusGroups as { id: string }[];
  const journeyId = (await p.app.inject({ url: '/api/journeys' })).json().journeys[0].id as string;
  views = [
    ['home', '/'],
    ['suggest', '/suggest'],
    ['board', '/board'],
    ['mine', '/mine'],
    ['kudos', '/kudos'],
    ['pulse', '/pulse'],
    ['wallet', '/wallet'],
    ['handoff', '/handoff'],
    ['focus-groups', '/focus-groups'],
    ['room', `/focus-groups/${rooms[0]!.id}`],
    ['themes', '/themes'],
    ['journeys', '/journeys'],
    ['blueprint', `/journeys/${journeyId}`],
    ['department', `/departments/${departmentId}`],
    ['backstage-department', `/departments/${backstageId}`],
    ['customer-digest', `/departments/${departmentId}/digest`],
    ['anonymity', '/anonymity'],
    ['keys', '/keys'],
    ['transparency', '/transparency'],
    ['not-found', '/no-such-page'],
  ];
}, 300_000);

/** Critical and serious axe findings on what the page shows now. */
async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/** Visible text and the names screen readers read (aria-label, placeholder, title). */
const readable = (page: Page) =>
  page.evaluate(() => {
    const names = [...document.querySelectorAll('[aria-label], [placeholder], [title]')]
      .filter((element) => (element as HTMLElement).offsetParent !== null || element === document.body)
      .flatMap((element) =>
        ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? ''),
      );
    return `${document.body.innerText}\n${names.join('\n')}`;
  });

async function visit(page: Page, size: keyof typeof VIEWPORTS, [name, hash]: View): Promise<string[]> {
  await page.goto(`${p.url}/#${hash}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const problems: string[] = [];
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  const words = [...new Set((await readable(page)).match(english) ?? [])];
  if (words.length) problems.push(`${size} ${name}: English words ${words.join(', ')}`);
  for (const line of await seriousViolations(page)) problems.push(`${size} ${name}: ${line}`);
  const file = await shoot(page, `lang-de-${size}-${name}`);
  if (UPDATE_DOCS) copyFileSync(file, path.resolve('docs/screenshots', `de-${size}-${name}.png`));
  return problems;
}

/** The first screen, as a person sees it (not the whole page). */
async function shoot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

test('every employee view in German: no serious axe finding and no English interface word, desktop and phone', async () => {
  const page = await p.newPage();
  // The stored choice, as the header's switch leaves it (languages.test.ts checks the switch itself).
  await page.addInitScript(() => localStorage.setItem('lang', 'de'));
  const problems: string[] = [];

  // The enrol page as a new visitor sees it, then enrolling in German.
  for (const size of ['phone', 'desktop'] as const) {
    await page.setViewportSize(VIEWPORTS[size]);
    problems.push(...(await visit(page, size, ['enrol', '/enrol'])));
  }
  const [code] = await createCodes(p.app, 1, departmentId);
  await page.getByLabel(de['enrol.code']).fill(code!);
  await page.getByRole('button', { name: de['enrol.button'], exact: true }).click();
  await page.getByRole('heading', { name: de['enrol.done'] }).waitFor();

  // One suggestion sent, so "My suggestions" and the wallet have something to show.
  await page.goto(`${p.url}/#/suggest`);
  await page
    .getByLabel(de['suggest.label'])
    .fill('Die Kreditstrecke verliert jeden Morgen hochgeladene Nachweise.');
  await page.getByRole('button', { name: de['suggest.send'] }).click();
  await page.getByRole('heading', { name: de['receipt.title'] }).waitFor();

  for (const size of ['desktop', 'phone'] as const) {
    await page.setViewportSize(VIEWPORTS[size]);
    for (const view of views) problems.push(...(await visit(page, size, view)));
  }
  expect(problems).toEqual([]);
}, 180_000);
