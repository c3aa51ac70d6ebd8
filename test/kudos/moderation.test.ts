import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { moderatorRequests } from '../helpers/moderation.ts';
import { counts, departmentId, givenKudos, kudosRow, publishedKudos } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;
let it: string;
let events: string[];

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  it = await departmentId(t.app, 'IT');
  events = [];
  t.app.contentEvents.onChanged((change) => events.push(change.source));
});

const { decide, reply, thread, auditFor } = moderatorRequests(t, 'kudos', () => moderator);

describe('queue', () => {
  test('lists pending stories oldest first with PII flag kinds; status filters the rest', async () => {
    const older = await givenKudos(t.app, { departmentId: it, day: '2020-01-02', piiFlags: ['email'] });
    const newer = await givenKudos(t.app, { departmentId: it, day: '2020-01-03' });
    const done = await publishedKudos(t.app, { departmentId: it });
    const queue = await t.app.inject({ method: 'GET', url: '/api/mod/kudos', headers: moderator.headers });
    expect(queue.statusCode).toBe(200);
    const ids = queue.json().items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(ids).not.toContain(done.id);
    expect(queue.json().items.find((item: { id: string }) => item.id === older.id)).toMatchObject({
      moderation: 'pending',
      piiFlags: ['email'],
      department: { id: it, name: 'IT', kind: 'backstage' },
      day: '2020-01-02',
    });
    const published = await t.app.inject({
      method: 'GET',
      url: '/api/mod/kudos?status=published',
      headers: moderator.headers,
    });
    expect(published.json().items.map((item: { id: string }) => item.id)).toContain(done.id);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/mod/kudos?status=maybe',
      headers: moderator.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('employees cannot reach moderator routes', () => {
  test.each([
    ['GET', '/api/mod/kudos', undefined],
    ['GET', '/api/mod/kudos/00000000-0000-4000-8000-000000000000/thread', undefined],
    ['POST', '/api/mod/kudos/00000000-0000-4000-8000-000000000000/decision', { action: 'publish' }],
    ['POST', '/api/mod/kudos/00000000-0000-4000-8000-000000000000/feature', { featured: true }],
    ['POST', '/api/mod/kudos/00000000-0000-4000-8000-000000000000/replies', { body: 'hello' }],
  ] as const)('%s %s → 401 without a staff session', async (method, url, payload) => {
    const response = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
    expect(response.statusCode).toBe(401);
  });
});

describe('decisions', () => {
  test('publish: audited with the moderator, shown on the list, content event fired', async () => {
    const { id } = await givenKudos(t.app, { departmentId: it });
    events.length = 0;
    const response = await decide(id, { action: 'publish' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, moderation: 'published' });
    expect(await kudosRow(t.app, id)).toMatchObject({ moderation: 'published', reviewed: true });
    expect(await auditFor(id)).toEqual([
      { action: 'kudos.publish', staff_username: moderator.username, detail: { before: 'pending' } },
    ]);
    expect(events).toContain('kudos');
    const list = await t.app.inject({ method: 'GET', url: `/api/kudos?department=${it}` });
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(id);
  });

  test('publishing twice → 409, nothing written', async () => {
    const { id } = await publishedKudos(t.app, { departmentId: it });
    const before = await counts(t.app);
    const response = await decide(id, { action: 'publish' });
    expect(response.statusCode).toBe(409);
    expect(await counts(t.app)).toEqual(before);
  });

  test('reject needs a reason; the author reads it through the receipt', async () => {
    const { id, receipt } = await givenKudos(t.app, { departmentId: it });
    const before = await counts(t.app);
    expect((await decide(id, { action: 'reject' })).json().error).toBe('reason_required');
    expect(await counts(t.app)).toEqual(before);
    const response = await decide(id, {
      action: 'reject',
      reason: 'This names a colleague; please resend without the name.',
    });
    expect(response.statusCode).toBe(200);
    expect(await kudosRow(t.app, id)).toMatchObject({
      moderation: 'rejected',
      reject_reason: expect.stringContaining('colleague'),
    });
    const thread = await t.app.inject({ method: 'POST', url: '/api/threads/open', payload: { receipt } });
    expect(thread.json().item).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('colleague'),
    });
  });

  test('redact publishes the edited story; the original does not survive in the audit', async () => {
    const { id } = await givenKudos(t.app, {
      departmentId: it,
      story: 'Thanks to Priya on ext 4432 for fixing the scanner so fast today.',
    });
    const text = 'Thanks to the service desk for fixing the scanner so fast today.';
    const response = await decide(id, { action: 'redact', text });
    expect(response.statusCode).toBe(200);
    expect(await kudosRow(t.app, id)).toMatchObject({ story: text, redacted: true, moderation: 'published' });
    expect(JSON.stringify(await auditFor(id))).not.toContain('4432');
    expect((await decide(id, { action: 'redact', text: 'too short' })).statusCode).toBe(400);
  });

  test('an unknown kudos → 404; a malformed id → 400', async () => {
    expect((await decide('00000000-0000-4000-8000-000000000000', { action: 'publish' })).statusCode).toBe(
      404,
    );
    expect((await decide('nope', { action: 'publish' })).statusCode).toBe(400);
  });
});

describe('featuring and replies', () => {
  test('featured stories lead /api/kudos/featured; pending ones cannot be featured', async () => {
    const { id } = await publishedKudos(t.app, { departmentId: it });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/mod/kudos/${id}/feature`,
      headers: moderator.headers,
      payload: { featured: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id, featured: true });
    expect((await auditFor(id)).map((row) => row.action)).toEqual(['kudos.feature']);
    const featured = await t.app.inject({ method: 'GET', url: '/api/kudos/featured' });
    expect(featured.json().items[0]).toMatchObject({ id, featured: true, department: { name: 'IT' } });

    const pending = await givenKudos(t.app, { departmentId: it });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/mod/kudos/${pending.id}/feature`,
      headers: moderator.headers,
      payload: { featured: true },
    });
    expect(refused.statusCode).toBe(409);
    expect(await kudosRow(t.app, pending.id)).toMatchObject({ featured: false });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/mod/kudos/00000000-0000-4000-8000-000000000000/feature',
      headers: moderator.headers,
      payload: { featured: true },
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('a moderator reply reaches the author through the receipt, and the author can answer', async () => {
    const { id, receipt } = await givenKudos(t.app, { departmentId: it });
    const posted = await reply(id, 'Lovely story — may we feature it?');
    expect(posted.statusCode).toBe(201);
    expect(posted.json().message).toMatchObject({
      from: 'moderator',
      body: 'Lovely story — may we feature it?',
    });
    const author = await t.app.inject({
      method: 'POST',
      url: '/api/threads/reply',
      payload: { receipt, body: 'Yes please!' },
    });
    expect(author.statusCode).toBe(201);
    const conversation = await thread(id);
    expect(conversation.json().messages.map((m: { from: string }) => m.from)).toEqual([
      'moderator',
      'author',
    ]);
    const queue = await t.app.inject({ method: 'GET', url: '/api/mod/kudos', headers: moderator.headers });
    expect(queue.json().items.find((item: { id: string }) => item.id === id)).toMatchObject({
      messages: 2,
      awaitingReply: true,
    });
    expect((await reply(id, '   ')).statusCode).toBe(400);
  });
});
