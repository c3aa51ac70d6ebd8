import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { givenThemes, moderatorThemes, type ModTheme } from './fixtures.ts';

// Actions from themes: a moderator makes a public status-board item from a theme and moves it along.

const t = build({ JOB_TICK_MS: '600000' });
let moderator: SignedInStaff;
let parking: ModTheme;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  await givenThemes(t.app);
  const themes = await moderatorThemes(t.app, moderator.headers);
  parking = themes.find((theme) => /car|park/i.test(`${theme.label} ${theme.keywords.join(' ')}`))!;
  expect(parking, JSON.stringify(themes.map((theme) => theme.label))).toBeDefined();
});

const create = (themeId: string, payload: object, headers: Record<string, string> = moderator.headers) =>
  t.app.inject({ method: 'POST', url: `/api/mod/themes/${themeId}/actions`, headers, payload });
const setStatus = (id: string, payload: object, headers: Record<string, string> = moderator.headers) =>
  t.app.inject({ method: 'POST', url: `/api/mod/actions/${id}/status`, headers, payload });
const board = async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/actions' });
  expect(response.statusCode).toBe(200);
  return response.json().actions as Array<Record<string, unknown>>;
};
const rows = () => t.app.db.selectFrom('theme_action').select(['id', 'title', 'status']).execute();
const auditFor = (id: string) =>
  t.app.db
    .selectFrom('audit_log')
    .select(['action', 'staff_username', 'detail'])
    .where('target_id', '=', id)
    .orderBy('id')
    .execute();
const today = () => new Date().toISOString().slice(0, 10);

describe('creating an action from a theme', () => {
  it('answers 201 with an id, lists it on the public board as planned, and audits it', async () => {
    const response = await create(parking.id, {
      title: '  Free up staff car park spaces  ',
      description: 'Facilities will stop contractors using staff bays.',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json() as { id: string };
    const listed = (await board()).find((action) => action.id === id);
    expect(listed).toEqual({
      id,
      title: 'Free up staff car park spaces',
      description: 'Facilities will stop contractors using staff bays.',
      status: 'planned',
      response: null,
      day: today(),
      updatedDay: today(),
    });
    const audits = await auditFor(id);
    expect(audits).toEqual([
      {
        action: 'action.create',
        staff_username: moderator.username,
        detail: { themeId: parking.id, title: 'Free up staff car park spaces' },
      },
    ]);
  });

  it('lists a theme’s actions for moderators, with the theme they came from', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/mod/actions?themeId=${parking.id}`,
      headers: moderator.headers,
    });
    expect(response.statusCode).toBe(200);
    const { actions } = response.json() as { actions: Array<{ themeId: string; title: string }> };
    expect(actions.length).toBeGreaterThanOrEqual(1);
    expect(actions.every((action) => action.themeId === parking.id)).toBe(true);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/mod/actions?themeId=${randomUUID()}`,
      headers: moderator.headers,
    });
    expect(other.json()).toEqual({ actions: [] });
  });

  it('refuses an unknown theme with 404 not_found and writes nothing', async () => {
    const before = await rows();
    const response = await create(randomUUID(), { title: 'Something we will do' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['a title too short', { title: 'ab' }],
    ['a title of spaces', { title: '     ' }],
    ['a title too long', { title: 'x'.repeat(121) }],
    ['no title', { description: 'What we will do' }],
    ['a description too long', { title: 'Fair title', description: 'x'.repeat(1001) }],
    ['an unknown field', { title: 'Fair title', themeLabel: 'sneaky' }],
    ['a title that is not text', { title: 42 }],
  ])('refuses %s with 400 {error, message} and writes nothing', async (_name, payload) => {
    const before = await rows();
    const audits = await t.app.db.selectFrom('audit_log').select('id').execute();
    const response = await create(parking.id, payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(Object.keys(response.json()).sort()).toEqual(['error', 'message']);
    expect(await rows()).toEqual(before);
    expect(await t.app.db.selectFrom('audit_log').select('id').execute()).toEqual(audits);
  });

  it('refuses a theme id that is not a uuid with 400', async () => {
    const response = await create('not-a-uuid', { title: 'Something we will do' });
    expect(response.statusCode).toBe(400);
  });

  it('needs a moderator: 401 without a session, and no row', async () => {
    const before = await rows();
    expect((await create(parking.id, { title: 'Anonymous try' }, {})).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/mod/actions' })).statusCode).toBe(401);
    expect(await rows()).toEqual(before);
  });
});

describe('moving an action along its lifecycle', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await create(parking.id, { title: 'Mark out visitor bays', description: 'Paint and signs.' })
    ).json().id;
  });

  it('sets in progress with a response, shows it publicly, and audits each change', async () => {
    const started = await setStatus(id, { status: 'in_progress', response: 'Signs ordered.' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toEqual({ id, status: 'in_progress', response: 'Signs ordered.' });
    const done = await setStatus(id, { status: 'done' });
    expect(done.json()).toEqual({ id, status: 'done', response: 'Signs ordered.' });
    expect((await board()).find((action) => action.id === id)).toMatchObject({
      status: 'done',
      response: 'Signs ordered.',
      updatedDay: today(),
    });
    const audits = await auditFor(id);
    expect(audits.map((audit) => [audit.action, audit.detail])).toEqual([
      ['action.create', { themeId: parking.id, title: 'Mark out visitor bays' }],
      ['action.status', { status: 'in_progress', response: 'Signs ordered.' }],
      ['action.status', { status: 'done' }],
    ]);
    expect(audits.every((audit) => audit.staff_username === moderator.username)).toBe(true);
  });

  it('clears the response with an empty string', async () => {
    const cleared = await setStatus(id, { status: 'wont_do', response: '  ' });
    expect(cleared.json()).toEqual({ id, status: 'wont_do', response: null });
  });

  it.each([
    ['a status off the lifecycle', { status: 'new' }],
    ['no status', { response: 'Done it' }],
    ['a response too long', { status: 'done', response: 'x'.repeat(2001) }],
  ])('refuses %s with 400 and changes nothing', async (_name, payload) => {
    const before = await rows();
    const audits = (await auditFor(id)).length;
    const response = await setStatus(id, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toHaveProperty('error');
    expect(await rows()).toEqual(before);
    expect(await auditFor(id)).toHaveLength(audits);
  });

  it('answers 404 for an unknown action', async () => {
    const response = await setStatus(randomUUID(), { status: 'done' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });

  it('lists the most recently updated first', async () => {
    await t.app.db
      .updateTable('theme_action')
      .set({ updated_day: '2020-01-01' })
      .where('id', '=', id)
      .execute();
    const other = (await create(parking.id, { title: 'Another promise' })).json().id as string;
    const list = await board();
    expect(list[0]!.id).toBe(other);
    expect(list.at(-1)!.id).toBe(id);
  });

  it('moves its updated day only when something changed (followers see "Updated" by it)', async () => {
    const day = async () =>
      (
        await t.app.db
          .selectFrom('theme_action')
          .select(sql<string>`to_char(updated_day, 'YYYY-MM-DD')`.as('day'))
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).day;
    // As the last test left it: won't do, no response, updated 2020-01-01. The same again changes nothing.
    expect((await setStatus(id, { status: 'wont_do' })).statusCode).toBe(200);
    expect((await setStatus(id, { status: 'wont_do', response: '' })).statusCode).toBe(200);
    expect(await day()).toBe('2020-01-01');
    expect((await setStatus(id, { status: 'wont_do', response: 'Not this year.' })).statusCode).toBe(200);
    expect(await day()).toBe(today());
  });
});

describe('an action outlives its theme', () => {
  it('stays on the board when the theme is retired, and its theme takes no new action', async () => {
    const id = (await create(parking.id, { title: 'Outlive the theme' })).json().id as string;
    await t.app.db.updateTable('theme').set({ retired: true }).where('id', '=', parking.id).execute();
    try {
      expect((await board()).some((action) => action.id === id)).toBe(true);
      expect((await create(parking.id, { title: 'Too late' })).statusCode).toBe(404);
    } finally {
      await t.app.db.updateTable('theme').set({ retired: false }).where('id', '=', parking.id).execute();
    }
  });
});
