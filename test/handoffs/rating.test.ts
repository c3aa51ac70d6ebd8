import { beforeAll, describe, expect, test } from 'vitest';
import { ensureHandoffKeys } from '../../server/handoffs/keys.ts';
import { scopeOf } from '../../server/handoffs/weeks.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { enrolMember, type Member } from '../helpers/members.ts';
import { counts } from './helpers.ts';

const t = build();
let it: string;
let frontline: string;
let moderator: SignedInStaff;
let admin: SignedInStaff;
let member: Member;

const rate = (payload: object, authorization?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/handoffs/ratings',
    payload,
    headers: authorization ? { authorization } : {},
  });
const story = 'IT swapped the broken card reader within the hour, so the customer left with her new account.';

beforeAll(async () => {
  it = await departmentId(t.app, 'IT');
  frontline = await departmentId(t.app, 'Branches', 'frontstage');
  moderator = await given(t.app).staff('moderator');
  admin = await given(t.app).staff('admin');
  member = await enrolMember(t.app);
  await ensureHandoffKeys(t.app, { departmentIds: [it] });
});

describe('rating a handoff', () => {
  test('teams are the backstage departments, each with this week’s scope; its key has budget 1', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/handoffs/teams' });
    expect(response.statusCode).toBe(200);
    const { teams, week } = response.json();
    expect(week).toMatch(/^\d{4}-W\d{2}$/);
    expect(teams.map((team: { id: string }) => team.id)).toEqual([it]);
    expect(teams[0].scope).toBe(`handoff:${it}:${week}`);
    const keys = await t.app.inject({
      method: 'GET',
      url: '/api/tokens/keys',
      query: { scope: teams[0].scope },
    });
    expect(keys.json().keys).toHaveLength(1);
    expect(keys.json().keys[0]).toMatchObject({ scope: teams[0].scope, budget: 1 });
  });

  test('one rating per person per team per week: a second token is budget_exhausted', async () => {
    const before = await counts(t.app);
    const [token] = await member.tokens(scopeOf(it));
    const response = await rate({ departmentId: it, effort: 6, outcome: 5 }, token);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kudos: false, day: new Date().toISOString().slice(0, 10) });
    const row = await t.app.db
      .selectFrom('handoff_rating')
      .select(['effort', 'outcome', 'comment', 'kudos_alert', 'day'])
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ effort: 6, outcome: 5, comment: null, kudos_alert: false });
    expect(await counts(t.app)).toEqual({ ...before, ratings: before.ratings + 1, spent: before.spent + 1 });
    // The same token again: spent.
    expect((await rate({ departmentId: it, effort: 6, outcome: 5 }, token)).json().error).toBe('token_spent');
    // A second token for the same team this week: the budget of one is used.
    await expect(member.tokens(scopeOf(it))).rejects.toThrow(/429.*budget_exhausted/);
  });

  test('refusals burn no token: bad scores, unknown or frontstage team, unknown request type, kudos without a story', async () => {
    const other = await enrolMember(t.app);
    const [token] = await other.tokens(scopeOf(it));
    const before = await counts(t.app);
    const cases: Array<[object, number, string]> = [
      [{ departmentId: it, effort: 8, outcome: 3 }, 400, 'validation_failed'],
      [{ departmentId: it, effort: 0, outcome: 3 }, 400, 'validation_failed'],
      [{ departmentId: it, effort: 3, outcome: 6 }, 400, 'validation_failed'],
      [{ departmentId: it, effort: 3 }, 400, 'validation_failed'],
      [{ departmentId: 'not-a-uuid', effort: 3, outcome: 3 }, 400, 'validation_failed'],
      [
        { departmentId: '00000000-0000-4000-8000-000000000000', effort: 3, outcome: 3 },
        400,
        'unknown_department',
      ],
      [{ departmentId: frontline, effort: 3, outcome: 3 }, 400, 'not_backstage'],
      [
        { departmentId: it, effort: 3, outcome: 3, requestTypeId: '00000000-0000-4000-8000-000000000000' },
        400,
        'unknown_request_type',
      ],
      [{ departmentId: it, effort: 3, outcome: 3, kudos: true }, 400, 'story_too_short'],
      [{ departmentId: it, effort: 3, outcome: 3, comment: 'short', kudos: true }, 400, 'story_too_short'],
      [{ departmentId: it, effort: 3, outcome: 3, extra: 1 }, 400, 'validation_failed'],
    ];
    for (const [payload, status, error] of cases) {
      const response = await rate(payload, token);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      if (error !== 'validation_failed') expect(response.json().error).toBe(error);
    }
    expect(await counts(t.app)).toEqual(before);
    // Without a token: 401, nothing written.
    expect((await rate({ departmentId: it, effort: 3, outcome: 3 })).statusCode).toBe(401);
    // The token is still good.
    expect((await rate({ departmentId: it, effort: 3, outcome: 3 }, token)).statusCode).toBe(201);
  });

  test('a token of another team does not pay for this one', async () => {
    const finance = await departmentId(t.app, 'Finance');
    await ensureHandoffKeys(t.app, { departmentIds: [finance] });
    const someone = await enrolMember(t.app);
    const [token] = await someone.tokens(scopeOf(finance));
    const response = await rate({ departmentId: it, effort: 4, outcome: 4 }, token);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('token_invalid');
    expect((await rate({ departmentId: finance, effort: 4, outcome: 4 }, token)).statusCode).toBe(201);
  });

  test('a request type defined by an admin can be named; the kudos alert is a pending kudos story', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/handoffs/request-types',
      headers: admin.headers,
      payload: { departmentId: it, label: 'Laptop or phone' },
    });
    expect(created.statusCode).toBe(201);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/admin/handoffs/request-types',
      headers: moderator.headers,
      payload: { departmentId: it, label: 'Access' },
    });
    expect(refused.statusCode).toBe(403);
    const teams = (await t.app.inject({ method: 'GET', url: '/api/handoffs/teams' })).json().teams;
    expect(teams.find((team: { id: string }) => team.id === it).requestTypes).toEqual([
      { id: created.json().id, label: 'Laptop or phone' },
    ]);
    const someone = await enrolMember(t.app);
    const [token] = await someone.tokens(scopeOf(it));
    const before = await counts(t.app);
    const response = await rate(
      {
        departmentId: it,
        requestTypeId: created.json().id,
        effort: 7,
        outcome: 5,
        comment: story,
        kudos: true,
      },
      token,
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().kudos).toBe(true);
    expect(await counts(t.app)).toEqual({
      ratings: before.ratings + 1,
      kudos: before.kudos + 1,
      spent: before.spent + 1,
    });
    const kudos = await t.app.db
      .selectFrom('kudos')
      .select(['id', 'story', 'moderation', 'department_id'])
      .where('story', '=', story)
      .executeTakeFirstOrThrow();
    expect(kudos).toMatchObject({ moderation: 'pending', department_id: it });
    // It is in the kudos queue, not on the public list, until a moderator publishes it.
    const queue = await t.app.inject({ method: 'GET', url: '/api/mod/kudos', headers: moderator.headers });
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(kudos.id);
    const before2 = (await t.app.inject({ method: 'GET', url: `/api/kudos?department=${it}` })).json();
    expect(before2.items.map((item: { id: string }) => item.id)).not.toContain(kudos.id);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/mod/kudos/${kudos.id}/decision`,
      headers: moderator.headers,
      payload: { action: 'publish' },
    });
    expect(decided.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: `/api/kudos?department=${it}` })).json();
    expect(after.items.map((item: { id: string }) => item.id)).toContain(kudos.id);
  });

  test('anonymous rows carry a day and a random id, nothing else that could link them', async () => {
    const columns = await t.app.db
      .selectFrom('information_schema.columns' as never)
      .select(['column_name' as never])
      .where('table_name' as never, '=', 'handoff_rating' as never)
      .execute();
    const names = (columns as Array<{ column_name: string }>).map((column) => column.column_name).sort();
    expect(names).toEqual(
      [
        'id',
        'department_id',
        'request_type_id',
        'effort',
        'outcome',
        'comment',
        'comment_moderation',
        'comment_reviewed',
        'comment_hide_reason',
        'pii_flags',
        'kudos_alert',
        'day',
      ].sort(),
    );
    const ids = await t.app.db.selectFrom('handoff_rating').select('id').execute();
    expect(new Set(ids.map((row) => row.id)).size).toBe(ids.length);
    expect(ids.every((row) => /^[0-9a-f-]{36}$/.test(row.id))).toBe(true);
  });
});
