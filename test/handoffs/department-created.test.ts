import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { addDays, today } from '../../server/shared/days.ts';
import { scopeOf } from '../../server/handoffs/weeks.ts';

// A backstage team an admin creates can be rated at once: the departments feature signals the new
// department (app.departmentEvents) and handoffs makes this week's and next week's token keys before the
// admin's request answers, instead of at the next hourly run of the handoff-keys job.
const t = build();
let admin: SignedInStaff;

beforeAll(async () => {
  admin = await given(t.app).staff('admin');
});

const keyScopes = async (departmentId: string) =>
  (
    await t.app.db
      .selectFrom('token_key')
      .select('scope')
      .where('scope', 'like', `handoff:${departmentId}:%`)
      .orderBy('scope')
      .execute()
  ).map((row) => row.scope);

const create = async (name: string, kind: 'backstage' | 'frontstage') => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/admin/departments',
    headers: admin.headers,
    payload: { name, kind },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};

describe('a department created by an admin', () => {
  test('a backstage team has its handoff keys for this week and the next as soon as it exists', async () => {
    const id = await create('Collections', 'backstage');
    expect(await keyScopes(id)).toEqual([scopeOf(id, today()), scopeOf(id, addDays(today(), 7))].sort());
    // The team is offered for rating with this week's scope, and that scope's key is in the directory.
    const teams = (await t.app.inject({ method: 'GET', url: '/api/handoffs/teams' })).json();
    const team = teams.teams.find((entry: { id: string }) => entry.id === id);
    expect(team.scope).toBe(scopeOf(id, today()));
    const keys = (
      await t.app.inject({ method: 'GET', url: `/api/tokens/keys?scope=${encodeURIComponent(team.scope)}` })
    ).json();
    expect(keys.keys).toHaveLength(1);
  });

  test('a frontstage team gets none; made backstage later, it gets them at once', async () => {
    const id = await create('Branch Network North', 'frontstage');
    expect(await keyScopes(id)).toEqual([]);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/departments/${id}`,
      headers: admin.headers,
      payload: { kind: 'backstage' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await keyScopes(id)).toHaveLength(2);
  });

  test('a refused creation (the name exists) signals nothing', async () => {
    const before = await t.app.db.selectFrom('token_key').select('id').execute();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/admin/departments',
      headers: admin.headers,
      payload: { name: 'Collections', kind: 'backstage' },
    });
    expect(response.statusCode).toBe(409);
    expect(await t.app.db.selectFrom('token_key').select('id').execute()).toHaveLength(before.length);
  });
});
