import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { givenRatings, repeat } from './helpers.ts';
import { quarterOf } from '../../server/handoffs/scorecard.ts';

// The period picker on the moderators' side-by-side view: a month shows its quarter grid's column, so no
// view gives away a number another view hides (month vs quarter, team vs all teams).

const t = build();
let moderator: SignedInStaff;
const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);
const monthBefore = (() => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
})();

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  const legal = await departmentId(t.app, 'Legal');
  const it = await departmentId(t.app, 'IT');
  const facilities = await departmentId(t.app, 'Facilities');
  await givenRatings(t.app, legal, [
    ...repeat(6, { effort: 6, outcome: 4, day: `${month}-01` }),
    ...repeat(5, { effort: 3, outcome: 3, day: `${monthBefore}-10` }),
  ]);
  await givenRatings(t.app, it, [
    ...repeat(7, { effort: 4, outcome: 4, day: `${month}-01` }),
    ...repeat(2, { effort: 2, outcome: 2, day: `${monthBefore}-10` }),
  ]);
  await givenRatings(t.app, facilities, repeat(3, { effort: 5, outcome: 5, day: `${month}-01` }));
});

const overview = async (query: string) => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/mod/handoffs/teams?${query}`,
    headers: moderator.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the period picker', () => {
  test("a month shows exactly its quarter's column: the same numbers, hidden alike", async () => {
    const quarter = await overview(`period=${quarterOf(today)}&sort=name`);
    const byMonth = await overview(`period=${month}&sort=name`);
    expect(byMonth).toMatchObject({ period: month, months: [month] });
    const j = quarter.months.indexOf(month);
    for (const [index, team] of byMonth.teams.entries()) {
      expect(team.department).toEqual(quarter.teams[index].department);
      expect(team.cells).toEqual([quarter.teams[index].cells[j]]);
      expect(team.quarter).toEqual(quarter.teams[index].cells[j]);
    }
    expect(byMonth.allTeams.cells).toEqual([quarter.allTeams.cells[j]]);
    // Facilities (3 people) is hidden, and so is the smallest other cell or the total that would give it away.
    const facilities = byMonth.teams.find(
      (team: { department: { name: string } }) => team.department.name === 'Facilities',
    );
    expect(facilities.cells[0]).toMatchObject({ suppressed: true, ratings: null, effort: null });
    for (const team of byMonth.teams)
      if (team.cells[0].ratings) expect(team.cells[0].ratings).toBeGreaterThanOrEqual(5);
  });

  test("a month's change is against the month before, also across a quarter's start; the picker's periods", async () => {
    const byMonth = await overview(`period=${month}&sort=change`);
    const legal = byMonth.teams.find(
      (team: { department: { name: string } }) => team.department.name === 'Legal',
    );
    const before = await overview(`period=${monthBefore}&sort=name`);
    const legalBefore = before.teams.find(
      (team: { department: { name: string } }) => team.department.name === 'Legal',
    );
    if (legal.cells[0].effort !== null && legalBefore.cells[0].effort !== null)
      expect(legal.change).toBeCloseTo(legal.cells[0].effort - legalBefore.cells[0].effort, 2);
    else expect(legal.change).toBeNull();
    // IT had 2 people the month before: never shown, so no change either.
    const it = byMonth.teams.find((team: { department: { name: string } }) => team.department.name === 'IT');
    expect(it.change).toBeNull();
    expect(byMonth.periods[0]).toBe(quarterOf(today));
    expect(byMonth.periods).toContain(month);
    expect(byMonth.periods).toContain(monthBefore);
    expect(byMonth.periods.filter((period: string) => period.includes('Q'))).toHaveLength(4);
  });

  test('refuses a future period and a malformed one with a clear 400', async () => {
    const future = `${Number(today.slice(0, 4)) + 1}-01`;
    for (const [period, error] of [
      [future, 'future_period'],
      [`${Number(today.slice(0, 4)) + 1}-Q1`, 'future_period'],
      ['2026-13', 'invalid_request'],
      ['2026-Q5', 'invalid_request'],
    ] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/mod/handoffs/teams?period=${period}`,
        headers: moderator.headers,
      });
      expect([response.statusCode, response.json().error], period).toEqual([400, error]);
      expect(response.json().message).toEqual(expect.any(String));
    }
  });
});
