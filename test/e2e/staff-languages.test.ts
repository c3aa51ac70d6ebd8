// The staff console in German: a moderator and an admin from the demo organisation switch the portal to
// German and visit every moderator, admin and staff page the staff dictionary (client/src/lib/i18n/staff)
// serves, at desktop and phone width. On each: axe-core finds nothing serious or critical, no message of the
// English staff dictionary is visible (people's own words stay as written: the seed's are English), and on a
// phone the page never scrolls sideways (wide tables scroll inside their own region).
// GREENROOM_DOCS_SCREENSHOTS=1 writes the first screen of every page to docs/screenshots/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { staffDe } from '../../client/src/lib/i18n/staff/de.ts';
import { staffEn } from '../../client/src/lib/i18n/staff/en.ts';
import { seedDemo, type DemoSeedResult } from '../../server/seed/index.ts';
import { portal, SCREENSHOTS } from './harness.ts';
import { axeViolations } from './axe.ts';

const p = portal();
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const DOCS = process.env.GREENROOM_DOCS_SCREENSHOTS === '1';

/**
 * English UI phrases that must not show in German: every English message of two words or more (its text up to
 * the first placeholder) that German does not share.
 */
const ENGLISH = [
  ...new Set(
    Object.entries(staffEn).flatMap(([key, message]) => {
      // The example question is the demo's real eNPS question, so it shows as content.
      if (key === 'schedule.questionExample') return [];
      const german = staffDe[key as keyof typeof staffDe];
      const texts = typeof message === 'string' ? [message] : [message.one, message.other];
      return texts
        .map((text) => text.split('{')[0]!.trim())
        .filter((text) => text.split(/\s+/).length >= 2 && !JSON.stringify(german).includes(text));
    }),
  ),
];

let demo: DemoSeedResult;
let roomId: string;
let pulseId: string;
beforeAll(async () => {
  demo = (await seedDemo(p.app))!;
  pulseId = ((await p.app.inject({ url: '/api/pulses' })).json().pulses as { id: string }[])[0]!.id;
  const rooms = (await p.app.inject({ url: '/api/focus-groups' })).json().focusGroups as { id: string }[];
  roomId = rooms[0]!.id;
}, 300_000);

async function seriousFindings(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} ${node.target.join(' ')}`));
}

type View = [name: string, hash: string, heading: string];

/**
 * The interface's text in `selector`: its rendered text less the quotes in it (blockquote, q) — people's
 * own words, shown in the language they wrote them in (a demo comment says "re-key them … by hand").
 */
const interfaceText = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const root = document.querySelector<HTMLElement>(selector)!;
    let text = root.innerText;
    for (const quote of root.querySelectorAll<HTMLElement>('blockquote, q'))
      text = text.replace(quote.innerText, '');
    return text;
  }, selector);

/** Each view at each width: what is wrong with it, as readable lines (empty when all is well). */
async function sweep(page: Page, views: View[]): Promise<string[]> {
  const found: string[] = [];
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const [name, hash, heading] of views) {
      await page.goto(`${p.url}/#${hash}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const where = `${size} ${name} (${hash})`;
      expect(await page.evaluate(() => document.documentElement.lang), where).toBe('de');
      const text = await interfaceText(page, 'body');
      for (const phrase of ENGLISH) if (text.includes(phrase)) found.push(`${where}: English “${phrase}”`);
      for (const line of await seriousFindings(page)) found.push(`${where}: ${line}`);
      if (size === 'phone') {
        // What sticks out past the right edge, named by its tag and classes (the innermost few).
        const wide = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          // Everything past the edge, innermost last; a table inside its scroll region is fine, but the page
          // itself must not scroll.
          return [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > width + 1)
            .slice(-3)
            .map(
              (element) =>
                `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 40)}” in ${element.parentElement?.tagName.toLowerCase()}.${[...(element.parentElement?.classList ?? [])].join('.')}`,
            );
        });
        if (wide.length) found.push(`${where}: the page scrolls sideways (${wide.join(', ')})`);
      }
      // The first screen only (a full-page capture costs seconds per page on a busy CI machine).
      await page.screenshot({
        path: DOCS
          ? path.resolve('docs/screenshots', `de-${size}-staff-${name}.png`)
          : path.join(SCREENSHOTS, `staff-de-${size}-${name}.png`),
      });
    }
  }
  return found;
}

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.goto(`${p.url}/#/staff/login`);
  await page.getByLabel('Benutzername').fill(who.username);
  await page.getByLabel('Passwort', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Anmeldung' }).waitFor();
}

test('moderators and admins can work in German: every staff page translated, accessible, and fit for a phone', async () => {
  const page = await p.newPage();
  await page.setViewportSize(VIEWPORTS.desktop);

  // The switch in the header turns the sign-in page German, and the lazily loaded console follows it.
  await page.goto(`${p.url}/#/staff/login`);
  await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
  await page.locator('#language-switch').selectOption('de');
  await page.getByRole('heading', { name: 'Anmeldung für Mitarbeitende' }).waitFor();
  const problems = await sweep(page, [['login', '/staff/login', 'Anmeldung für Mitarbeitende']]);

  await signIn(page, demo.moderator);
  problems.push(
    ...(await sweep(page, [
      ['console', '/mod', 'Moderationskonsole'],
      ['queue', '/mod/queue', 'Vorschläge'],
      ['kudos-queue', '/mod/kudos', 'Kudos'],
      ['pulses', '/mod/pulses', 'Pulsbefragungen'],
      ['focus-groups', '/mod/focus-groups', 'Fokusgruppen'],
      ['room-console', `/mod/focus-groups/${roomId}`, ''],
      ['handoffs', '/mod/handoffs', 'Übergabe-Bewertungen'],
      ['customer-voice', '/mod/customer-voice', 'Kundenstimme'],
      ['themes', '/mod/themes', 'Aktuelle Themen'],
      ['pulse-results', `/mod/pulses/${pulseId}`, ''],
      ['account', '/staff/account', 'Ihr Konto'],
    ])),
  );

  // The customer-voice tabs, on the desktop: each panel in German.
  await page.setViewportSize(VIEWPORTS.desktop);
  await page.goto(`${p.url}/#/mod/customer-voice`);
  for (const [tab, heading] of [
    ['Feedback', 'Kundenfeedback'],
    ['Regeln', 'Zuordnungsregeln'],
    ['Geschichten', 'Warteschlange für Geschichten'],
    ['NPS-Treiber', 'NPS-Treiber'],
  ]) {
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    await page.waitForLoadState('networkidle');
    const text = await interfaceText(page, 'main');
    for (const phrase of ENGLISH)
      if (text.includes(phrase)) problems.push(`customer voice ${tab}: “${phrase}”`);
    for (const line of await seriousFindings(page)) problems.push(`customer voice ${tab}: ${line}`);
  }

  // An admin signs in (the language stays German) and visits the administration tabs this dictionary serves.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await signIn(page, demo.admin);
  problems.push(
    ...(await sweep(page, [
      ['admin-codes', '/admin/codes', 'Verwaltung'],
      ['admin-departments', '/admin/departments', 'Verwaltung'],
      ['admin-journeys', '/admin/journeys', 'Verwaltung'],
      ['admin-request-types', '/admin/request-types', 'Verwaltung'],
      ['admin-settings', '/admin/settings', 'Verwaltung'],
      ['admin-customer-voice', '/admin/customer-voice', 'Verwaltung'],
      ['admin-audit', '/admin/audit', 'Verwaltung'],
      ['admin-staff', '/admin/staff', 'Verwaltung'],
      ['admin-notifications', '/admin/notifications', 'Verwaltung'],
    ])),
  );
  expect(problems.join('\n')).toBe('');
}, 180_000);
