import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { enrolMember, type Member } from '../helpers/members.ts';
import { counts, departmentId, kudosRow, STORY, todayDay } from './helpers.ts';

const t = build();
let member: Member;
let it: string;

beforeAll(async () => {
  member = await enrolMember(t.app);
  it = await departmentId(t.app, 'IT');
});

const send = (payload: object, authorization?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/kudos',
    payload,
    headers: authorization ? { authorization } : {},
  });

describe('sending kudos', () => {
  test('spends one general token and returns an id and a receipt; the row is pending, day-granular, random id', async () => {
    const [authorization] = await member.tokens('general', 1);
    const before = await counts(t.app);
    const response = await send({ departmentId: it, story: STORY }, authorization);
    expect(response.statusCode).toBe(201);
    const { id, receipt } = response.json();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(receipt).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{6}$/);
    const row = await kudosRow(t.app, id);
    expect(row).toMatchObject({
      department_id: it,
      story: STORY,
      moderation: 'pending',
      reviewed: false,
      featured: false,
      day: todayDay(),
    });
    expect(Object.keys(row!).sort()).toEqual(
      [
        'day',
        'department_id',
        'featured',
        'id',
        'moderation',
        'pii_flags',
        'redacted',
        'reject_reason',
        'reviewed',
        'story',
      ].sort(),
    );
    const after = await counts(t.app);
    expect(after).toMatchObject({
      kudos: before.kudos + 1,
      receipts: before.receipts + 1,
      spent: before.spent + 1,
    });
    // The receipt opens the author's thread (suggestions' /api/threads/open uses findKudosForThread).
    const thread = await t.app.inject({ method: 'POST', url: '/api/threads/open', payload: { receipt } });
    expect(thread.statusCode).toBe(200);
    expect(thread.json().item).toMatchObject({ kind: 'kudos', id, status: 'pending', text: STORY });
  });

  test('flags PII kinds for moderators (kinds only, never the matches)', async () => {
    const [authorization] = await member.tokens('general', 1);
    const story =
      'Thanks to the service desk, call me on 07700 900123 or write to jo.bloggs@example.com any time.';
    const response = await send({ departmentId: it, story }, authorization);
    expect(response.statusCode).toBe(201);
    const row = await kudosRow(t.app, response.json().id);
    expect([...row!.pii_flags].sort()).toEqual(['email', 'phone']);
  });

  test('post-moderation publishes at once but keeps it unreviewed in the queue', async () => {
    const admin = await (await import('../helpers/given.ts')).given(t.app).staff('admin');
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: admin.headers,
      payload: { moderationMode: 'post' },
    });
    expect([200, 204]).toContain(settings.statusCode);
    try {
      const [authorization] = await member.tokens('general', 1);
      const response = await send({ departmentId: it, story: STORY }, authorization);
      expect(response.statusCode).toBe(201);
      expect(await kudosRow(t.app, response.json().id)).toMatchObject({
        moderation: 'published',
        reviewed: false,
      });
    } finally {
      await t.app.inject({
        method: 'PUT',
        url: '/api/admin/settings',
        headers: admin.headers,
        payload: { moderationMode: 'pre' },
      });
    }
  });
});

describe('refusals write nothing and burn no token', () => {
  test.each([
    ['a story under 20 characters', { story: 'Thanks IT!' }],
    ['a story over 1500 characters', { story: 'x'.repeat(1501) }],
    ['a department that is not a uuid', { departmentId: 'IT' }],
    ['an extra field', { ownDepartmentId: '00000000-0000-4000-8000-000000000000' }],
  ])('%s → 400', async (_name, override) => {
    const [authorization] = await member.tokens('general', 1);
    const before = await counts(t.app);
    const response = await send({ departmentId: it, story: STORY, ...override }, authorization);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect(await counts(t.app)).toEqual(before);
    // The same token still works.
    expect((await send({ departmentId: it, story: STORY }, authorization)).statusCode).toBe(201);
  });

  test('an unknown department → 400 unknown_department', async () => {
    const [authorization] = await member.tokens('general', 1);
    const before = await counts(t.app);
    const response = await send(
      { departmentId: '00000000-0000-4000-8000-000000000000', story: STORY },
      authorization,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('unknown_department');
    expect(await counts(t.app)).toEqual(before);
  });

  test('whitespace padding does not count toward the 20 characters', async () => {
    const [authorization] = await member.tokens('general', 1);
    const response = await send(
      { departmentId: it, story: `   Thanks IT team!   ${' '.repeat(10)}` },
      authorization,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('story_too_short');
  });

  test('without a token → 401 token_invalid; a pulse token is not a general token', async () => {
    const before = await counts(t.app);
    const response = await send({ departmentId: it, story: STORY });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('token_invalid');
    expect(await counts(t.app)).toEqual(before);
  });

  test('a reused token → 401 token_spent, nothing written', async () => {
    const [authorization] = await member.tokens('general', 1);
    expect((await send({ departmentId: it, story: STORY }, authorization)).statusCode).toBe(201);
    const before = await counts(t.app);
    const again = await send({ departmentId: it, story: STORY }, authorization);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('token_spent');
    expect(await counts(t.app)).toEqual(before);
  });
});
