import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { themesJob } from '../../server/themes/job.ts';
import { THEMES_PUBLIC_JOB } from '../../server/themes/service.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';
import { CANTEEN, daysAgo, PARKING, publishSuggestions } from './fixtures.ts';

const t = build();
let moderator: SignedInStaff;
let facilities: string;
let finance: string;

const LOAN_HISTORY = [
  'The loan origination system was slow to save an application today.',
  'LOS froze once while I was printing a loan agreement.',
  'The lending platform timed out during a credit check.',
];
const LOAN_NOW = [
  'The loan origination system crashed three times this morning and we lost two mortgage applications.',
  'LOS is down again, the fourth outage this week, and customers are waiting in the branch.',
  'The lending platform keeps freezing whenever we upload payslips for a loan application.',
  'Loan system outage again: nobody can submit applications and the queue is out the door.',
  'Every afternoon the loan application system hangs and we have to restart it.',
  'The mortgage system crashed while saving and all the application data was lost.',
  'Please fix the loan platform timeouts, we cannot run credit checks at all.',
  'The loan origination tool errors out and does not save drafts, so the work is gone.',
];

async function seedHistory() {
  await t.app.db.transaction().execute(async (trx) => {
    for (const [i, text] of PARKING.entries())
      await insertSuggestion(trx, {
        text,
        concernsDepartmentId: i < 7 ? facilities : i < 9 ? finance : null,
        ownDepartmentId: null,
        moderation: 'published',
        reviewed: true,
        piiFlags: [],
        day: daysAgo(3 + i * 7),
      });
    for (const [i, text] of CANTEEN.entries())
      await insertSuggestion(trx, {
        text,
        concernsDepartmentId: facilities,
        ownDepartmentId: null,
        moderation: 'published',
        reviewed: true,
        piiFlags: [],
        day: daysAgo(5 + i * 8),
      });
  });
  await publishSuggestions(t.app.db, LOAN_HISTORY, (i) => daysAgo(80 - i * 20));
}

/** Submits through the anonymous API (one token each); returns the new suggestion ids. */
async function submit(texts: string[]): Promise<string[]> {
  const member = await enrolMember(t.app);
  const tokens = await member.tokens('general', texts.length);
  const ids: string[] = [];
  for (const [i, text] of texts.entries()) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers: { authorization: tokens[i]! },
      payload: { text },
    });
    expect(response.statusCode, response.body).toBe(201);
    ids.push(response.json().id);
  }
  return ids;
}

interface ThemeJson {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  trend: string;
  quotes: string[];
  daily: Array<{ day: string; count: number }>;
  tone: { positive: number; neutral: number; negative: number };
  evidence: { days: number; recent: number; usual: number | null; portalWide: boolean };
}
const publicThemes = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/themes' })).json().themes as ThemeJson[];
const modThemes = async (query = '') => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/mod/themes${query}`,
    headers: moderator.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const isLoan = (theme: { label: string; keywords: string[] }) =>
  /loan|lending|LOS|mortgage/i.test(`${theme.label} ${theme.keywords.join(' ')}`);

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  facilities = await departmentId(t.app, 'Facilities');
  finance = await departmentId(t.app, 'Finance');
  await seedHistory();
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
});

afterAll(() => themesJob(t.app).idle());

describe('themes service', () => {
  it('serves themes of published text with the DESIGN §6 shape', async () => {
    const themes = await publicThemes();
    expect(themes.length).toBeGreaterThanOrEqual(2);
    for (const theme of themes) {
      expect(Object.keys(theme).sort()).toEqual([
        'daily',
        'evidence',
        'id',
        'keywords',
        'label',
        'quotes',
        'sentiment',
        'size',
        'tone',
        'trend',
      ]);
      // The sentiment is the spread of the comments' own readings, and the trend says what it compared.
      expect(theme.tone.positive + theme.tone.neutral + theme.tone.negative).toBeCloseTo(1, 2);
      expect(theme.evidence).toMatchObject({ days: expect.any(Number), portalWide: false });
      expect(['emerging', 'rising', 'steady', 'fading']).toContain(theme.trend);
      expect(theme.daily.at(-1)!.day).toBe(daysAgo(0));
      for (const quote of theme.quotes) expect(typeof quote).toBe('string');
    }
    const parking = themes.find((theme) => /park/i.test(theme.label))!;
    expect(parking).toBeDefined();
    expect(parking.trend).toBe('steady');
    // Quotes never carry personal data, even from a published comment.
    expect(JSON.stringify(themes)).not.toContain('jo.bloggs');
  });

  it('?limit= answers the first themes in rank order, same shape, fewer bytes', async () => {
    const full = await t.app.inject({ method: 'GET', url: '/api/themes' });
    const limited = await t.app.inject({ method: 'GET', url: '/api/themes?limit=1' });
    expect(limited.statusCode).toBe(200);
    const themes = full.json().themes as ThemeJson[];
    expect(limited.json().themes).toEqual(themes.slice(0, 1));
    expect(limited.body.length).toBeLessThan(full.body.length);
    for (const bad of ['0', '101', 'five', '1.5']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/themes?limit=${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json()).toEqual({ error: 'invalid_request', message: expect.any(String) });
    }
  });

  it('publishing through the API makes a rising theme appear, for employees only once published and at the next scheduled run', async () => {
    const ids = await submit(LOAN_NOW);
    await themesJob(t.app).idle();
    // Pending: moderators see the surge already, employees do not.
    expect((await modThemes()).themes.find(isLoan)?.trend).toBe('rising');
    const before = (await publicThemes()).find(isLoan);
    expect(before?.trend ?? 'steady').not.toBe('rising');
    for (const id of ids) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/mod/suggestions/${id}/decision`,
        headers: moderator.headers,
        payload: { action: 'publish' },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    // Each decision fired a content event; the moderators' snapshot is recomputed once after the
    // burst. The public one waits for its fixed schedule, so its timing follows nobody's writing.
    await themesJob(t.app).idle();
    expect((await publicThemes()).find(isLoan)?.trend ?? 'steady').not.toBe('rising');
    await t.app.jobs.runNow(THEMES_PUBLIC_JOB);
    const loan = (await publicThemes()).find(isLoan)!;
    expect(loan.trend).toBe('rising');
    expect(loan.size).toBe(LOAN_HISTORY.length + LOAN_NOW.length);
    expect(loan.daily.at(-1)!.count).toBe(LOAN_NOW.length);
    // What the trend was judged on: all of today's comments in the last two weeks, against what a usual two
    // weeks had before (the history's), so the sentence beside "Rising" says "up from about …".
    expect(loan.evidence).toMatchObject({ days: 14, recent: LOAN_NOW.length, portalWide: false });
    expect(loan.evidence.usual).not.toBeNull();
    expect(loan.evidence.usual!).toBeLessThan(loan.evidence.recent / 1.5);
    // Its tone is the share of its comments read each way, as stored per comment.
    const sentiments = await t.app.db
      .selectFrom('theme_item')
      .select('sentiment')
      .where('theme_id', '=', loan.id)
      .execute();
    const share = (test: (s: number) => boolean) =>
      Math.round((sentiments.filter((row) => test(row.sentiment)).length / sentiments.length) * 100) / 100;
    expect(loan.tone.negative).toBe(share((x) => x < -0.1));
    expect(loan.tone.positive).toBe(share((x) => x > 0.1));
    // The snapshot is in the database.
    const row = await t.app.db
      .selectFrom('theme')
      .select(['trend', 'size', 'retired'])
      .where('id', '=', loan.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ trend: 'rising', size: 11, retired: false });
    const members = await t.app.db
      .selectFrom('theme_item')
      .select('item_id')
      .where('theme_id', '=', loan.id)
      .execute();
    expect(members.map((m) => m.item_id)).toEqual(expect.arrayContaining(ids));
    const run = await t.app.db
      .selectFrom('theme_run')
      .select(['as_of', 'item_count'])
      .where('scope', '=', 'public')
      .executeTakeFirstOrThrow();
    expect(run).toEqual({
      as_of: daysAgo(0),
      item_count: PARKING.length + CANTEEN.length + LOAN_HISTORY.length + LOAN_NOW.length,
    });
  });

  it('keeps theme ids when recomputed', async () => {
    const before = (await publicThemes()).map((theme) => theme.id).sort();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mod/themes/recompute',
      headers: moderator.headers,
    });
    expect(response.statusCode).toBe(200);
    expect((await publicThemes()).map((theme) => theme.id).sort()).toEqual(before);
  });

  it('drills down to a theme’s comments with source and status', async () => {
    const loan = (await modThemes()).themes.find(isLoan);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/mod/themes/${loan.id}/items`,
      headers: moderator.headers,
    });
    expect(response.statusCode).toBe(200);
    const { theme, items } = response.json();
    expect(theme.id).toBe(loan.id);
    expect(items).toHaveLength(loan.size);
    expect(items[0]).toMatchObject({ source: 'suggestion', published: true, status: 'new', day: daysAgo(0) });
    expect(response.json().total).toBe(loan.size);
  });

  it('lists a theme’s comments a page at a time: every comment once, newest first, with the total', async () => {
    const loan = (await modThemes()).themes.find(isLoan);
    const page = async (query: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/mod/themes/${loan.id}/items${query}`,
        headers: moderator.headers,
      });
      expect(response.statusCode, query).toBe(200);
      return response.json() as { total: number; next: string | null; items: { id: string; day: string }[] };
    };
    const whole = await page('');
    expect(whole.next).toBeNull();
    // Three at a time, each page starting after the last comment of the one before.
    const pages = [await page('?limit=3')];
    while (pages.at(-1)!.next !== null) pages.push(await page(`?limit=3&after=${pages.at(-1)!.next}`));
    expect(pages).toHaveLength(Math.ceil(loan.size / 3));
    expect(pages.every((p) => p.total === loan.size && p.items.length <= 3)).toBe(true);
    expect(pages.flatMap((p) => p.items.map((item) => item.id))).toEqual(whole.items.map((item) => item.id));
    const days = whole.items.map((item) => item.day);
    expect(days).toEqual([...days].sort().reverse());
    // With a period filter the total counts what the filter leaves.
    expect((await page('?days=2')).total).toBe(LOAN_NOW.length);
    for (const bad of ['?limit=0', '?limit=501', '?after=x', '?after=2026-13-45~a', '?after=2026-02-30~a']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/mod/themes/${loan.id}/items${bad}`,
        headers: moderator.headers,
      });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error).toBe('invalid_request');
    }
  });

  it('filters by source, period and department, and suppresses small department groups', async () => {
    const all = await modThemes();
    const parking = all.themes.find((theme: { label: string }) => /park/i.test(theme.label));
    expect(all.minimumGroupSize).toBe(5);
    // 7 Facilities + 2 Finance + 3 concerning no department: Finance is below k and hidden; the size
    // minus Facilities (2 + 3 = 5) does not reveal a group smaller than k.
    expect(parking.departments).toEqual(
      expect.arrayContaining([
        { id: facilities, name: 'Facilities', count: 7, suppressed: false },
        { id: finance, name: 'Finance', count: null, suppressed: true },
      ]),
    );
    expect((await modThemes('?source=kudos')).themes).toEqual([]);
    const recent = await modThemes('?days=2');
    expect(recent.themes.map((theme: { size: number }) => theme.size)).toEqual([LOAN_NOW.length]);
    const financeOnly = await modThemes(`?department=${finance}`);
    expect(financeOnly.themes).toEqual([]);
    expect(financeOnly.suppressedThemes).toBe(1);
    const facilitiesOnly = await modThemes(`?department=${facilities}`);
    expect(facilitiesOnly.themes.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input and unknown themes', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/mod/themes?days=0',
      headers: moderator.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('invalid_request');
    const notUuid = await t.app.inject({
      method: 'GET',
      url: '/api/mod/themes/nope/items',
      headers: moderator.headers,
    });
    expect(notUuid.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/mod/themes/00000000-0000-4000-8000-000000000000/items',
      headers: moderator.headers,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('not_found');
  });

  it('an employee cannot reach the moderator views', async () => {
    for (const [method, url] of [
      ['GET', '/api/mod/themes'],
      ['GET', '/api/mod/themes/00000000-0000-4000-8000-000000000000/items'],
      ['POST', '/api/mod/themes/recompute'],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('an admin can read them too', async () => {
    const admin = await given(t.app).staff('admin');
    const response = await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: admin.headers });
    expect(response.statusCode).toBe(200);
  });
});
