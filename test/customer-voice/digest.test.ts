import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { themesJob } from '../../server/themes/job.ts';
import { addDays, today } from '../../server/shared/days.ts';
import { isoWeek, mondayOf, shiftWeek } from '../../server/shared/weeks.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { csv, upload } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;
let underwriting: string;
let legal: string;
const thisWeek = isoWeek(today());
const lastWeekDay = addDays(today(), -7);

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  underwriting = await departmentId(t.app, 'Underwriting');
  legal = await departmentId(t.app, 'Legal & Compliance');
  const rows = [
    // This week, Underwriting: 4 promoters, 2 detractors (NPS 33); the week before: 3 and 3 (NPS 0).
    ...[10, 10, 9, 10, 3, 2].map(
      (score, i) =>
        `now-${i},"The mortgage valuation was arranged quickly and the underwriter explained the offer clearly",${score},${today()},web,offer`,
    ),
    ...[10, 9, 9, 4, 3, 1].map(
      (score, i) =>
        `then-${i},"The mortgage valuation took weeks and nobody explained why the offer was delayed",${score},${lastWeekDay},branch,offer`,
    ),
    // Legal: three comments this week, a group below k = 5.
    ...[8, 2, 9].map(
      (score, i) =>
        `legal-${i},"The letter about my loan agreement was full of legal jargon I could not follow",${score},${today()},post,letters`,
    ),
  ];
  expect((await upload(t.app, moderator.cookie, csv(...rows))).json()).toMatchObject({ imported: 15 });
  for (const rule of [
    { departmentId: underwriting, stage: 'offer' },
    { departmentId: legal, stage: 'letters' },
  ]) {
    const response = await mod('POST', '/api/mod/customer-voice/rules', rule);
    expect(response.statusCode, response.body).toBe(201);
  }
  const queue = (await mod('GET', '/api/mod/customer-voice/stories/queue')).json().items;
  const story = await mod('POST', '/api/mod/customer-voice/stories', {
    feedbackId: queue.find((item: { text: string }) => item.text.includes('quickly')).id,
    departmentId: underwriting,
    title: 'Explained clearly',
    text: 'The underwriter explained the offer clearly and the valuation was arranged quickly.',
  });
  expect(story.statusCode, story.body).toBe(201);
  await themesJob(t.app).recompute(['all']);
});

const mod = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: moderator.headers, ...(payload ? { payload } : {}) });
const digest = (id: string, week?: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/departments/${id}/customer-voice/digest${week ? `?week=${week}` : ''}`,
  });

describe('the weekly customer-voice digest', () => {
  test("shows this week's score against last week's, sentiment by band, themes and the latest story", async () => {
    const response = await digest(underwriting, thisWeek);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      week: thisWeek,
      from: mondayOf(thisWeek),
      to: addDays(mondayOf(thisWeek)!, 6),
      previousWeek: shiftWeek(thisWeek, -1),
      nextWeek: null,
      responses: 6,
      minimumGroupSize: 5,
      scores: { nps: { value: 33, change: 33 }, csat: { value: null }, ces: { value: null } },
      sentiment: { positive: 67, neutral: 0, negative: 33 },
    });
    expect(body.trend).toHaveLength(8);
    expect(body.trend.at(-1)).toEqual({ week: thisWeek, nps: 33, csat: null, ces: null });
    expect(body.trend.at(-2)).toEqual({ week: shiftWeek(thisWeek, -1), nps: 0, csat: null, ces: null });
    // No weekly counts anywhere in the trend: weeks cannot be subtracted from the department page's months.
    for (const week of body.trend) expect(Object.keys(week).sort()).toEqual(['ces', 'csat', 'nps', 'week']);
    expect(body.stories.map((story: { title: string }) => story.title)).toEqual(['Explained clearly']);
    expect(JSON.stringify(body)).not.toContain('nobody explained why'); // raw feedback never leaves
  });

  test('no number from fewer than k customers; the hidden rest of the week is 0 or at least k', async () => {
    const body = (await digest(legal, thisWeek)).json();
    expect(body).toMatchObject({
      responses: null,
      sentiment: null,
      scores: { nps: { value: null, change: null } },
      themes: [],
    });
    for (const week of body.trend) expect(week.nps).toBeNull();
    const mine = (await digest(underwriting, thisWeek)).json();
    const shown = mine.themes.reduce((sum: number, theme: { count: number }) => sum + theme.count, 0);
    for (const theme of mine.themes) expect(theme.count).toBeGreaterThanOrEqual(5);
    expect(mine.responses - shown === 0 || mine.responses - shown >= 5).toBe(true);
    for (const row of [...mine.alongside, ...body.alongside]) {
      if (row.customers !== null) expect(row.customers).toBeGreaterThanOrEqual(5);
      if (row.employees !== null) expect(row.employees).toBeGreaterThanOrEqual(5);
      else expect(row.employeeQuote).toBeNull();
    }
  });

  test('last week, the default (the last complete one), has a next week; a past week without feedback shows nothing', async () => {
    const last = (await digest(underwriting)).json();
    expect(last).toMatchObject({
      week: shiftWeek(thisWeek, -1),
      responses: 6,
      nextWeek: thisWeek,
      scores: { nps: { value: 0 } },
    });
    const old = (await digest(underwriting, shiftWeek(thisWeek, -20))).json();
    expect(old).toMatchObject({ responses: null, sentiment: null, themes: [] });
  });

  test('refuses a week that does not exist, a future week and an unknown department', async () => {
    const bad = await digest(underwriting, '2026-W60');
    expect([bad.statusCode, bad.json().error]).toEqual([400, 'invalid_week']);
    const malformed = await digest(underwriting, '2026-12-01');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toHaveProperty('message');
    const future = await digest(underwriting, shiftWeek(thisWeek, 2));
    expect([future.statusCode, future.json().error]).toEqual([400, 'future_week']);
    const missing = await digest('00000000-0000-4000-8000-000000000000');
    expect([missing.statusCode, missing.json().error]).toEqual([404, 'not_found']);
  });
});
