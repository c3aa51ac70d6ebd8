import { beforeAll, describe, expect, it } from 'vitest';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { given } from '../helpers/given.ts';
import { CANTEEN, daysAgo, PARKING as ALL_PARKING, publishSuggestions } from './fixtures.ts';

// A department's page shows the themes people raise about it: /api/themes?department=…, built from
// published comments that concern that department only, and never a theme with fewer than k of them.

const t = build();
let facilities: string;
let finance: string;

/** Nine parking comments without personal data (quotes are compared with the texts as written). */
const PARKING = ALL_PARKING.filter((text) => !text.includes('@')).slice(0, 9);
/** Pending (not yet published) comments about the canteen: never part of what employees see. */
const PENDING_CANTEEN = [
  'The canteen fridge smells and nobody cleans it.',
  'Canteen staff are rude to the late shift.',
  'Why is the canteen closed on Fridays now?',
];

type Row = { text: string; department: () => string | null; published: boolean };
const rows = (): Row[] => [
  // Parking: 6 about Facilities, 3 about Finance (permits are paid through payroll).
  ...PARKING.map((text, i) => ({ text, department: () => (i < 6 ? facilities : finance), published: true })),
  ...CANTEEN.map((text) => ({ text, department: () => facilities, published: true })),
  ...PENDING_CANTEEN.map((text) => ({ text, department: () => facilities, published: false })),
];

interface ThemeJson {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  trend: string;
  sentiment: number;
  quotes: string[];
  daily: Array<{ day: string; count: number }>;
  evidence: { days: number; recent: number; usual: number | null; portalWide: boolean };
  tone: { positive: number; neutral: number; negative: number };
}
const themesOf = async (department: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/themes?department=${department}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { themes: ThemeJson[]; asOf: string | null };
};
const about = (pattern: RegExp) => (theme: ThemeJson) =>
  pattern.test(`${theme.label} ${theme.keywords.join(' ')}`);

beforeAll(async () => {
  facilities = await departmentId(t.app, 'Facilities');
  finance = await departmentId(t.app, 'Finance');
  await t.app.db.transaction().execute(async (trx) => {
    for (const [i, row] of rows().entries())
      await insertSuggestion(trx, {
        text: row.text,
        concernsDepartmentId: row.department(),
        ownDepartmentId: null,
        moderation: row.published ? 'published' : 'pending',
        reviewed: row.published,
        piiFlags: [],
        day: daysAgo(2 + i * 3),
      });
  });
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
});

describe('themes people raise about a department', () => {
  it('counts only the published comments concerning that department', async () => {
    const company = (await t.app.inject({ method: 'GET', url: '/api/themes' })).json().themes as ThemeJson[];
    const { themes, asOf } = await themesOf(facilities);
    expect(asOf).not.toBeNull();
    expect(themes.find(about(/canteen/i))).toBeDefined();
    // The same themes (same ids) as on the company page, each measured over fewer or as many comments.
    for (const theme of themes)
      expect(company.find((other) => other.id === theme.id)?.size).toBeGreaterThanOrEqual(theme.size);
    // Each theme is the company-wide theme measured over Facilities' published comments only.
    for (const theme of themes) {
      const members = await t.app.db
        .selectFrom('theme_item')
        .select(['day'])
        .where('scope', '=', 'public')
        .where('theme_id', '=', theme.id)
        .where('department_id', '=', facilities)
        .execute();
      expect(theme.size).toBe(members.length);
      expect(theme.daily.reduce((sum, day) => sum + day.count, 0)).toBe(members.length);
    }
    // Quotes come from the department's own published comments; pending text never shows.
    const facilitiesTexts = [...PARKING.slice(0, 6), ...CANTEEN];
    for (const theme of themes) for (const quote of theme.quotes) expect(facilitiesTexts).toContain(quote);
    const shown = JSON.stringify(themes);
    for (const text of PENDING_CANTEEN) expect(shown).not.toContain(text);
  });

  it('serves the same snapshot to the home page, the themes page and department pages', async () => {
    const home = (await t.app.inject({ method: 'GET', url: '/api/themes?limit=5' })).json();
    const page = (await t.app.inject({ method: 'GET', url: '/api/themes' })).json();
    const department = await themesOf(facilities);
    expect(home.computedAt).toBe(page.computedAt);
    expect(department).toMatchObject({ asOf: page.asOf, computedAt: page.computedAt });
    const byId = new Map((page.themes as ThemeJson[]).map((theme) => [theme.id, theme]));
    for (const theme of [...(home.themes as ThemeJson[]), ...department.themes]) {
      expect(byId.get(theme.id), theme.label).toBeDefined();
      expect(theme.label).toBe(byId.get(theme.id)!.label);
      expect(theme.trend).toBe(byId.get(theme.id)!.trend);
      // And what the trend was judged on: the theme's over everyone, said so beside a department's share.
      // A department's share of a theme is never split by tone (cells that could be smaller than k).
      expect(theme.tone).toEqual(byId.get(theme.id)!.tone);
      expect(theme.evidence).toEqual({
        ...byId.get(theme.id)!.evidence,
        portalWide: department.themes.includes(theme),
      });
    }
    expect(department.themes.length).toBeGreaterThan(0);
    // The moderator's page: without a period or source filter, each theme has the snapshot's trend
    // whether or not a department is chosen.
    const moderator = await given(t.app).staff('moderator');
    const mod = async (query: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/mod/themes${query}`, headers: moderator.headers })
      ).json().themes as ThemeJson[];
    const stored = new Map(
      (
        await t.app.db
          .selectFrom('theme')
          .select(['id', 'trend'])
          .where('scope', '=', 'all')
          .where('retired', '=', false)
          .execute()
      ).map((row) => [row.id, row.trend]),
    );
    const all = await mod('');
    const facilitiesOnly = await mod(`?department=${facilities}`);
    expect(all.length).toBeGreaterThan(0);
    for (const theme of [...all, ...facilitiesOnly]) expect(theme.trend).toBe(stored.get(theme.id));
  });

  it('never shows a theme with fewer than k comments about the department', async () => {
    // Finance has 3 parking comments, below the minimum group size of 5.
    const { themes } = await themesOf(finance);
    expect(themes).toEqual([]);
    for (const theme of (await themesOf(facilities)).themes) expect(theme.size).toBeGreaterThanOrEqual(5);
  });

  it('refuses a malformed or unknown department with a clear 4xx', async () => {
    const malformed = await t.app.inject({ method: 'GET', url: '/api/themes?department=it' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('invalid_request');
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/themes?department=00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  // Last: it pins a theme.
  it('a pinned theme comes first on the department page too, as on the themes page and the moderators’', async () => {
    // A third concern about Facilities, so its page lists more than one theme.
    const lockers = [
      'The lockers in the basement have no working keys left.',
      'Half the lockers downstairs will not lock any more.',
      'Could we have more lockers, people leave bags under their desks.',
      'Lockers are all taken by eight, so late starters have nowhere for coats.',
      'Please fix the broken locker doors on the second floor.',
      'The lockers are too small for a cycling helmet.',
      'Our lockers were emptied without warning during the refit.',
    ];
    await publishSuggestions(t.app.db, lockers, (i) => daysAgo(3 + i * 5), { concerns: facilities });
    await themesJob(t.app).idle();
    await themesJob(t.app).recompute();
    const before = (await themesOf(facilities)).themes;
    expect(before.length, JSON.stringify(before.map((theme) => theme.label))).toBeGreaterThanOrEqual(2);
    const last = before[before.length - 1]!;
    // Pinned on the moderators' theme that holds the same comments (each snapshot has its own ids).
    const moderator = await given(t.app).staff('moderator');
    const modThemes = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: moderator.headers })).json()
        .themes as (ThemeJson & { pinned: boolean })[];
    const target = (await modThemes()).find((theme) => theme.label === last.label)!;
    expect(target, last.label).toBeDefined();
    const pin = await t.app.inject({
      method: 'POST',
      url: `/api/mod/themes/${target.id}/corrections`,
      headers: moderator.headers,
      payload: { kind: 'pin' },
    });
    expect(pin.statusCode, pin.body).toBe(200);
    const company = (await t.app.inject({ method: 'GET', url: '/api/themes' })).json().themes as ThemeJson[];
    expect(company[0]!.label).toBe(last.label);
    expect((await themesOf(facilities)).themes[0]!.label).toBe(last.label);
    const mod = await modThemes();
    expect(mod[0]).toMatchObject({ label: last.label, pinned: true });
    expect(mod.slice(1).every((theme) => !theme.pinned)).toBe(true);
    // The engine's answer, stored with each snapshot's theme.
    const stored = await t.app.db
      .selectFrom('theme')
      .select(['scope', 'label'])
      .where('pinned', '=', true)
      .where('retired', '=', false)
      .execute();
    expect(stored.map((row) => row.scope).sort()).toEqual(['all', 'public']);
  });
});
