import { describe, expect, test } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import { build } from '../helpers/build.ts';
import { givenMembers } from '../helpers/departments.ts';
import { departmentId, givenSuggestion, published } from './helpers.ts';

const t = build();

const board = async (query = '') => {
  const response = await t.app.inject({ method: 'GET', url: `/api/suggestions${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    items: Array<Record<string, any>>;
    page: number;
    pageSize: number;
    total: number;
    voices: Array<{ department: { id: string; name: string } | null; count: number | null }>;
  };
};

describe('the board', () => {
  test('shows published items only, never pending or rejected, and no moderation internals', async () => {
    const facilities = await departmentId(t.app, 'Facilities');
    const shown = await published(t.app, {
      concernsDepartmentId: facilities,
      text: 'The car park barrier breaks every Monday.',
    });
    const pending = await givenSuggestion(t.app, { concernsDepartmentId: facilities });
    const rejected = await givenSuggestion(t.app, {
      concernsDepartmentId: facilities,
      moderation: 'rejected',
      rejectReason: 'Off topic',
    });
    const { items } = await board(`?department=${facilities}`);
    expect(items.map((item) => item.id)).toEqual([shown.id]);
    expect(items.map((item) => item.id)).not.toContain(pending.id);
    expect(items.map((item) => item.id)).not.toContain(rejected.id);
    expect(Object.keys(items[0]!).sort()).toEqual([
      'concernsDepartment',
      'day',
      'id',
      'redacted',
      'status',
      'text',
      'votes',
    ]);
  });

  test('sorts newest first or most supported first', async () => {
    const finance = await departmentId(t.app, 'Finance');
    const a = await published(t.app, { concernsDepartmentId: finance, day: '2025-01-01', votes: 9 });
    const b = await published(t.app, { concernsDepartmentId: finance, day: '2025-03-01', votes: 1 });
    const c = await published(t.app, { concernsDepartmentId: finance, day: '2025-02-01', votes: 4 });
    expect((await board(`?department=${finance}&sort=new`)).items.map((item) => item.id)).toEqual([
      b.id,
      c.id,
      a.id,
    ]);
    expect((await board(`?department=${finance}&sort=top`)).items.map((item) => item.id)).toEqual([
      a.id,
      c.id,
      b.id,
    ]);
    expect((await board(`?department=${finance}`)).items.map((item) => item.id)).toEqual([b.id, c.id, a.id]);
  });

  test('filters by status and by department it concerns', async () => {
    const legal = await departmentId(t.app, 'Legal & Compliance');
    const hr = await departmentId(t.app, 'HR');
    const planned = await published(t.app, { concernsDepartmentId: legal, status: 'planned' });
    await published(t.app, { concernsDepartmentId: legal, status: 'done' });
    await published(t.app, { concernsDepartmentId: hr, status: 'planned' });
    const result = await board(`?department=${legal}&status=planned`);
    expect(result.items.map((item) => item.id)).toEqual([planned.id]);
    expect(result.total).toBe(1);
  });

  test('paginates 20 per page with a total', async () => {
    const training = await departmentId(t.app, 'Training Academy');
    const ids = [];
    for (let i = 0; i < 45; i++)
      ids.push((await published(t.app, { concernsDepartmentId: training, votes: i })).id);
    const pages = [
      await board(`?department=${training}&sort=top`),
      await board(`?department=${training}&sort=top&page=2`),
      await board(`?department=${training}&sort=top&page=3`),
    ];
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5]);
    expect(pages.every((page) => page.total === 45 && page.pageSize === 20)).toBe(true);
    expect(pages[1]!.page).toBe(2);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(ids.reverse());
    expect((await board(`?department=${training}&page=4`)).items).toEqual([]);
  });

  test('bad queries are a clear 400', async () => {
    for (const query of [
      '?sort=oldest',
      '?department=nope',
      '?status=finished',
      '?page=0',
      '?page=abc',
      '?unknown=1',
    ]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/suggestions${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toEqual({ error: 'invalid_request', message: expect.any(String) });
    }
  });
});

describe('own department and the minimum group size', () => {
  test('is shown, and counted, only where at least k published items share it', async () => {
    await updateSettings(t.app.db, { minimumGroupSize: 5 });
    const branches = await departmentId(t.app, 'Branches', 'frontstage');
    const contact = await departmentId(t.app, 'Contact Centre', 'frontstage');
    const topic = await departmentId(t.app, 'Topic for k test');
    // Enough members to prove each team: this test is about items; test/privacy/people.test.ts about people.
    await givenMembers(t.app, branches, 6);
    await givenMembers(t.app, contact, 6);
    for (let i = 0; i < 5; i++)
      await published(t.app, { concernsDepartmentId: topic, ownDepartmentId: branches });
    for (let i = 0; i < 4; i++)
      await published(t.app, { concernsDepartmentId: topic, ownDepartmentId: contact });
    // Pending items never count towards k.
    for (let i = 0; i < 3; i++)
      await givenSuggestion(t.app, { concernsDepartmentId: topic, ownDepartmentId: contact });

    let result = await board(`?department=${topic}`);
    const own = (items: Array<Record<string, any>>) => items.map((item) => item.ownDepartment?.name ?? null);
    expect(own(result.items).filter((name) => name === 'Branches')).toHaveLength(5);
    expect(own(result.items)).not.toContain('Contact Centre');
    // An undeclared department and a suppressed one look the same: the key is simply absent.
    expect(result.items.filter((item) => !('ownDepartment' in item))).toHaveLength(4);
    expect(JSON.stringify(result)).not.toContain(contact);
    expect(result.voices).toContainEqual({ department: { id: branches, name: 'Branches' }, count: 5 });

    // The fifth published item from Contact Centre lifts it over k.
    await published(t.app, { concernsDepartmentId: topic, ownDepartmentId: contact });
    result = await board(`?department=${topic}`);
    expect(own(result.items).filter((name) => name === 'Contact Centre')).toHaveLength(5);

    // Raising k hides both again.
    await updateSettings(t.app.db, { minimumGroupSize: 6 });
    result = await board(`?department=${topic}`);
    expect(result.items.some((item) => 'ownDepartment' in item)).toBe(false);
    expect(JSON.stringify(result.voices)).not.toContain(contact);
    await updateSettings(t.app.db, { minimumGroupSize: 5 });
  });

  test('moderators do not see an own department below k either, nor does the CSV', async () => {
    const { given } = await import('../helpers/given.ts');
    const moderator = await given(t.app).staff('moderator');
    const tiny = await departmentId(t.app, 'Tiny Team', 'frontstage');
    const item = await givenSuggestion(t.app, { ownDepartmentId: tiny });
    await published(t.app, { ownDepartmentId: tiny });
    const queue = await t.app.inject({ method: 'GET', url: '/api/mod/queue', headers: moderator.headers });
    const entry = queue.json().items.find((row: { id: string }) => row.id === item.id);
    expect(entry).toBeDefined();
    expect(entry.ownDepartment).toBeUndefined();
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/mod/suggestions/export.csv',
      headers: moderator.headers,
    });
    expect(csv.body).not.toContain('Tiny Team');
  });
});
