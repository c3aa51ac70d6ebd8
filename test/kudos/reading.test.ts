import { beforeAll, describe, expect, test } from 'vitest';
import { kudosThemeSource } from '../../server/kudos/queries.ts';
import { build } from '../helpers/build.ts';
import { departmentId, givenKudos, publishedKudos, thisMonth, todayDay } from './helpers.ts';

const t = build();
let it: string;
let legal: string;
let branches: string;
let facilities: string;
let pendingId: string;

beforeAll(async () => {
  it = await departmentId(t.app, 'IT');
  legal = await departmentId(t.app, 'Legal & Compliance');
  facilities = await departmentId(t.app, 'Facilities');
  branches = await departmentId(t.app, 'Branches', 'frontstage');
  // This month: IT 7, Legal 5, Facilities 2 (below k = 5), Branches 6.
  for (let i = 0; i < 7; i++) await publishedKudos(t.app, { departmentId: it, day: todayDay() });
  for (let i = 0; i < 5; i++) await publishedKudos(t.app, { departmentId: legal, day: todayDay() });
  for (let i = 0; i < 2; i++) await publishedKudos(t.app, { departmentId: facilities, day: todayDay() });
  for (let i = 0; i < 6; i++) await publishedKudos(t.app, { departmentId: branches, day: todayDay() });
  pendingId = (await givenKudos(t.app, { departmentId: it })).id;
  await givenKudos(t.app, { departmentId: it, moderation: 'rejected', rejectReason: 'names someone' });
});

describe('published stories', () => {
  test('GET /api/kudos lists published only, newest first, with paging and a department filter', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/kudos' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 20, page: 1, pageSize: 20 });
    expect(response.json().items.map((item: { id: string }) => item.id)).not.toContain(pendingId);
    const byIt = await t.app.inject({ method: 'GET', url: `/api/kudos?department=${it}` });
    expect(byIt.json().total).toBe(7);
    expect(byIt.json().items.every((item: { department: { id: string } }) => item.department.id === it)).toBe(
      true,
    );
    const page2 = await t.app.inject({ method: 'GET', url: '/api/kudos?page=2' });
    expect(page2.json().items).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/kudos?page=0' })).statusCode).toBe(400);
  });
});

describe('counts of published stories (issue 14: one coherent rule)', () => {
  // Every published story is listed with its day, so a "hidden" month or department would be recounted
  // from the list next to it. The rule: counts of published stories are shown, and they always agree
  // with the stories anyone can list.
  const listed = async (department: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/kudos?department=${department}` })).json();

  test('recognition ranks every department by its published stories, small counts included', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/kudos/recognition' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ month: thisMonth(), minimumGroupSize: 5, total: 20 });
    const byName = Object.fromEntries(
      body.departments.map((row: { department: { name: string } }) => [row.department.name, row]),
    );
    expect(byName['IT']).toMatchObject({
      count: 7,
      rank: 1,
      suppressed: false,
      department: { kind: 'backstage' },
    });
    expect(byName['Branches']).toMatchObject({ count: 6, rank: 2 });
    expect(byName['Legal & Compliance']).toMatchObject({ count: 5, rank: 3 });
    expect(byName['Facilities']).toMatchObject({ count: 2, rank: 4, suppressed: false });
    for (const row of body.departments) expect(row.count).toBe((await listed(row.department.id)).total);
  });

  test('a department page never hides a month that its own story list recounts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/departments/${facilities}/kudos-summary`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.department).toMatchObject({ id: facilities, name: 'Facilities', kind: 'backstage' });
    expect(body.stories).toHaveLength(2);
    expect(body.months).toHaveLength(6);
    // Recount the month from the public list, by day: it must be what the page says.
    const recount = (await listed(facilities)).items.filter((item: { day: string }) =>
      item.day.startsWith(thisMonth()),
    ).length;
    expect(body.months.at(-1)).toEqual({ month: thisMonth(), count: recount, suppressed: false });
    expect(body.total).toBe(2);
    const itPage = (
      await t.app.inject({ method: 'GET', url: `/api/departments/${it}/kudos-summary` })
    ).json();
    expect(itPage.months.at(-1)).toEqual({ month: thisMonth(), count: 7, suppressed: false });
    expect(itPage.total).toBe(7);
  });

  test('an unknown department → 404; a malformed id → 400', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/departments/00000000-0000-4000-8000-000000000000/kudos-summary',
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/departments/it/kudos-summary' })).statusCode).toBe(
      400,
    );
  });
});

describe('themes source', () => {
  test('every story, marked published or not, with the department it thanks', async () => {
    const items = await kudosThemeSource.read(t.app.db);
    expect(items).toHaveLength(22);
    expect(items.find((item) => item.id === pendingId)).toMatchObject({
      source: 'kudos',
      published: false,
      departmentId: it,
      status: 'pending',
    });
    expect(items.filter((item) => item.published)).toHaveLength(20);
  });
});
