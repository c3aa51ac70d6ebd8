import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { givenRatings, repeat } from './helpers.ts';

// A fresh database of its own: which cells show depends on every team's numbers (complementary suppression).
const t = build();
let moderator: SignedInStaff;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
});

describe('scores and comments under k', () => {
  test('a team’s month is hidden under k and shown from k people on', async () => {
    const legal = await departmentId(t.app, 'Legal');
    const card = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/handoffs/departments/${legal}/scorecard` })).json();
    await givenRatings(t.app, legal, repeat(4, { effort: 2, outcome: 2 }));
    let scorecard = await card();
    const month = new Date().toISOString().slice(0, 7);
    const cell = () => scorecard.cells.find((entry: { period: string }) => entry.period === month);
    expect(scorecard.minimumGroupSize).toBe(5);
    expect(cell()).toMatchObject({ suppressed: true, ratings: null, effort: null, effortDistribution: null });
    expect(scorecard.quarter.ratings).toBeNull();
    await givenRatings(t.app, legal, [{ effort: 7, outcome: 5 }]);
    scorecard = await card();
    expect(cell()).toMatchObject({ suppressed: false, ratings: 5, effort: 3, outcome: 2.6 });
    expect(cell().effortDistribution).toEqual([0, 4, 0, 0, 0, 0, 1]);
    expect(scorecard.quarter).toMatchObject({ ratings: 5, suppressed: false });
    // Another team with 2 ratings this month: "all teams" minus Legal would show them, so Legal hides too.
    const facilities = await departmentId(t.app, 'Facilities');
    await givenRatings(t.app, facilities, repeat(2, { effort: 1, outcome: 1 }));
    scorecard = await card();
    expect(cell()).toMatchObject({ suppressed: true, ratings: null });
    const overview = (
      await t.app.inject({ method: 'GET', url: '/api/mod/handoffs/teams', headers: moderator.headers })
    ).json();
    const all = overview.allTeams.cells.find((entry: { period: string }) => entry.period === month);
    // Legal's quarter (5) is shown, so "all teams" this month (7) would give Facilities away: hidden.
    expect(all).toMatchObject({ suppressed: true, ratings: null });
    expect(overview.allTeams.quarter.ratings).toBeNull();
    expect(
      overview.teams.every(
        (team: { cells: Array<{ suppressed: boolean; period: string }> }) =>
          team.cells.find((entry) => entry.period === month)!.suppressed,
      ),
    ).toBe(true);
    await givenRatings(t.app, facilities, repeat(3, { effort: 1, outcome: 1 }));
    scorecard = await card();
    expect(cell()).toMatchObject({ suppressed: false, ratings: 5 });
  });

  test('comments wait for k ratings in their team and month, moderators included; publishing is audited', async () => {
    const hr = await departmentId(t.app, 'HR Ops');
    await givenRatings(t.app, hr, [
      { comment: 'Payroll answered the same day, thank you.', commentModeration: 'pending', reviewed: false },
    ]);
    const queue = async () =>
      (
        await t.app.inject({ method: 'GET', url: '/api/mod/handoffs/comments', headers: moderator.headers })
      ).json();
    expect((await queue()).comments.some((c: { department: { id: string } }) => c.department.id === hr)).toBe(
      false,
    );
    expect((await queue()).waitingForGroup).toBeGreaterThanOrEqual(1);
    const [row] = await t.app.db
      .selectFrom('handoff_rating')
      .select('id')
      .where('department_id', '=', hr)
      .execute();
    const decide = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/mod/handoffs/comments/${row!.id}/decision`,
        headers: moderator.headers,
        payload: { action: 'publish' },
      });
    expect((await decide()).json().error).toBe('below_minimum_group');
    await givenRatings(t.app, hr, repeat(4, {}));
    const listed = (await queue()).comments.find((c: { id: string }) => c.id === row!.id);
    expect(listed).toMatchObject({
      moderation: 'pending',
      comment: 'Payroll answered the same day, thank you.',
    });
    expect((await decide()).statusCode).toBe(200);
    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'staff_username'])
      .where('target_id', '=', row!.id)
      .execute();
    expect(audits).toEqual([{ action: 'handoff-comment.publish', staff_username: moderator.username }]);
    const scorecard = (
      await t.app.inject({ method: 'GET', url: `/api/handoffs/departments/${hr}/scorecard` })
    ).json();
    expect(scorecard.cells, JSON.stringify(scorecard)).toContainEqual(
      expect.objectContaining({ ratings: 5 }),
    );
    expect(scorecard.comments.map((c: { id: string }) => c.id)).toEqual([row!.id]);
    const hide = await t.app.inject({
      method: 'POST',
      url: `/api/mod/handoffs/comments/${row!.id}/decision`,
      headers: moderator.headers,
      payload: { action: 'hide' },
    });
    expect(hide.json().error).toBe('reason_required');
  });

  test('the moderators’ view puts every team side by side with suppressed cells; employees cannot read it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/mod/handoffs/teams' })).statusCode).toBe(401);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/mod/handoffs/teams?sort=change',
      headers: moderator.headers,
    });
    expect(response.statusCode).toBe(200);
    const overview = response.json();
    expect(overview.teams.length).toBeGreaterThanOrEqual(3);
    for (const team of overview.teams) {
      for (const cell of team.cells) {
        if (cell.ratings !== null && cell.ratings > 0) expect(cell.ratings).toBeGreaterThanOrEqual(5);
        if (cell.suppressed) expect(cell.effort).toBeNull();
      }
    }
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/mod/handoffs/teams?quarter=2026-Q9',
          headers: moderator.headers,
        })
      ).statusCode,
    ).toBe(400);
  });
});
