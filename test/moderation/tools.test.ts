import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { givenSuggestion } from '../suggestions/helpers.ts';
import { givenKudos, departmentId } from '../kudos/helpers.ts';

// Issue 20's moderator tools, shared by every queue: saved replies, bulk decisions, tab counts, search, sort.
const t = build();

const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: object, payload?: object) =>
  t.app.inject({ method, url, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) });

test('saved replies are shared by the team, named by who wrote them, and every change is audited', async () => {
  const alice = await given(t.app).staff('moderator');
  const bob = await given(t.app).staff('moderator');
  const created = await inject('POST', '/api/mod/saved-replies', alice.headers, {
    label: 'Names a colleague',
    body: '  This names a colleague, so we cannot publish it. Please send it again without the name.  ',
  });
  expect(created.statusCode, created.body).toBe(201);
  const { reply } = created.json();
  expect(reply.body).toBe(
    'This names a colleague, so we cannot publish it. Please send it again without the name.',
  );

  const seen = await inject('GET', '/api/mod/saved-replies', bob.headers);
  expect(seen.json().replies).toEqual([
    { id: reply.id, label: 'Names a colleague', body: reply.body, createdBy: `moderator ${alice.username}` },
  ]);

  const edited = await inject('PUT', `/api/mod/saved-replies/${reply.id}`, bob.headers, {
    label: 'Names someone',
    body: 'This names someone.',
  });
  expect(edited.statusCode).toBe(200);
  const removed = await inject('DELETE', `/api/mod/saved-replies/${reply.id}`, bob.headers);
  expect(removed.statusCode).toBe(200);
  expect((await inject('GET', '/api/mod/saved-replies', alice.headers)).json().replies).toEqual([]);

  const audit = await t.app.db
    .selectFrom('audit_log')
    .select(['action', 'staff_username'])
    .where('target_id', '=', reply.id)
    .orderBy('id')
    .execute();
  expect(audit).toEqual([
    { action: 'saved-reply.create', staff_username: alice.username },
    { action: 'saved-reply.update', staff_username: bob.username },
    { action: 'saved-reply.delete', staff_username: bob.username },
  ]);
});

test('saved replies refuse bad input with 4xx and no row', async () => {
  const mod = await given(t.app).staff('moderator');
  const before = await t.app.db.selectFrom('saved_reply').select('id').execute();
  for (const payload of [
    {},
    { label: '', body: 'A body' },
    { label: '   ', body: 'A body' },
    { label: 'x', body: '  a ' },
    { label: 'x'.repeat(61), body: 'A body' },
    { label: 'ok', body: 'A body', extra: 1 },
  ]) {
    const response = await inject('POST', '/api/mod/saved-replies', mod.headers, payload);
    expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  }
  expect(await t.app.db.selectFrom('saved_reply').select('id').execute()).toEqual(before);

  const first = await inject('POST', '/api/mod/saved-replies', mod.headers, {
    label: 'Dup',
    body: 'One body',
  });
  expect(first.statusCode).toBe(201);
  const again = await inject('POST', '/api/mod/saved-replies', mod.headers, {
    label: 'Dup',
    body: 'Two body',
  });
  expect(again.statusCode).toBe(409);
  expect(again.json().error).toBe('label_taken');
  const missing = '00000000-0000-4000-8000-000000000000';
  expect((await inject('DELETE', `/api/mod/saved-replies/${missing}`, mod.headers)).statusCode).toBe(404);
  expect((await inject('DELETE', '/api/mod/saved-replies/not-a-uuid', mod.headers)).statusCode).toBe(400);
});

test('a bulk rejection rejects each item with the one reason, audits each, and reports items already decided', async () => {
  const mod = await given(t.app).staff('moderator');
  const a = await givenSuggestion(t.app, { text: 'The printer on floor two jams every single morning.' });
  const b = await givenSuggestion(t.app, { text: 'The canteen should open earlier for the early shift.' });
  const done = await givenSuggestion(t.app, {
    text: 'This one was rejected before the bulk action.',
    moderation: 'rejected',
    reviewed: true,
  });
  const response = await inject('POST', '/api/mod/suggestions/decisions', mod.headers, {
    ids: [a.id, b.id, done.id],
    decision: { action: 'reject', reason: 'Off topic for this board.' },
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toEqual({
    done: 2,
    results: [
      { id: a.id, ok: true },
      { id: b.id, ok: true },
      { id: done.id, ok: false, error: 'already_rejected', message: expect.any(String) },
    ],
  });
  const rows = await t.app.db
    .selectFrom('suggestion')
    .select(['id', 'moderation', 'reject_reason'])
    .where('id', 'in', [a.id, b.id])
    .execute();
  expect(rows.map((row) => [row.moderation, row.reject_reason])).toEqual([
    ['rejected', 'Off topic for this board.'],
    ['rejected', 'Off topic for this board.'],
  ]);
  const audited = await t.app.db
    .selectFrom('audit_log')
    .select('target_id')
    .where('action', '=', 'suggestion.reject')
    .where('staff_username', '=', mod.username)
    .execute();
  expect(audited.map((row) => row.target_id).sort()).toEqual([a.id, b.id].sort());
});

test('a bulk decision refuses bad input before writing anything', async () => {
  const mod = await given(t.app).staff('moderator');
  const item = await givenSuggestion(t.app);
  const cases: object[] = [
    { ids: [], decision: { action: 'publish' } },
    { ids: ['nope'], decision: { action: 'publish' } },
    { ids: [item.id, item.id], decision: { action: 'publish' } },
    { ids: [item.id], decision: { action: 'reject' } },
    { ids: [item.id], decision: { action: 'redact', text: 'An edited text that is long enough.' } },
    { ids: Array.from({ length: 51 }, () => crypto.randomUUID()), decision: { action: 'publish' } },
  ];
  for (const payload of cases) {
    const response = await inject('POST', '/api/mod/suggestions/decisions', mod.headers, payload);
    expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
  }
  const row = await t.app.db
    .selectFrom('suggestion')
    .select(['moderation', 'reviewed'])
    .where('id', '=', item.id)
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ moderation: 'pending', reviewed: false });
});

test('kudos: bulk publish and tab counts for every tab', async () => {
  const mod = await given(t.app).staff('moderator');
  const department = await departmentId(t.app, 'Bulk Team');
  const before = (await inject('GET', '/api/mod/kudos/counts', mod.headers)).json();
  const stories = [];
  for (let i = 0; i < 3; i++) stories.push(await givenKudos(t.app, { departmentId: department }));
  const mid = (await inject('GET', '/api/mod/kudos/counts', mod.headers)).json();
  expect(mid.queue).toBe(before.queue + 3);
  const response = await inject('POST', '/api/mod/kudos/decisions', mod.headers, {
    ids: stories.slice(0, 2).map((story) => story.id),
    decision: { action: 'publish' },
  });
  expect(response.json().done).toBe(2);
  const after = (await inject('GET', '/api/mod/kudos/counts', mod.headers)).json();
  expect(after).toEqual({
    queue: before.queue + 1,
    published: before.published + 2,
    rejected: before.rejected,
  });
});

test('suggestion tab counts, search and sort', async () => {
  const mod = await given(t.app).staff('moderator');
  const marker = `zebra${Date.now()}`;
  await givenSuggestion(t.app, {
    text: `Older note about the ${marker} crossing outside.`,
    day: '2026-01-02',
  });
  await givenSuggestion(t.app, {
    text: `Newer note about the ${marker.toUpperCase()} crossing.`,
    day: '2026-02-03',
  });
  await givenSuggestion(t.app, { text: 'Something else entirely about the car park lights.' });
  const oldest = await inject('GET', `/api/mod/queue?q=${marker}`, mod.headers);
  expect(oldest.statusCode).toBe(200);
  expect(oldest.json().items.map((item: { day: string }) => item.day)).toEqual(['2026-01-02', '2026-02-03']);
  expect(oldest.json().total).toBe(2);
  const newest = await inject('GET', `/api/mod/queue?q=${marker}&sort=newest`, mod.headers);
  expect(newest.json().items.map((item: { day: string }) => item.day)).toEqual(['2026-02-03', '2026-01-02']);
  // Wildcards are searched literally.
  expect((await inject('GET', '/api/mod/queue?q=%25%25', mod.headers)).json().total).toBe(0);
  expect((await inject('GET', '/api/mod/queue?sort=sideways', mod.headers)).statusCode).toBe(400);
  expect((await inject('GET', `/api/mod/queue?q=${'x'.repeat(101)}`, mod.headers)).statusCode).toBe(400);

  const counts = (await inject('GET', '/api/mod/suggestions/counts', mod.headers)).json();
  expect(Object.keys(counts).sort()).toEqual(['published', 'queue', 'rejected', 'replies']);
  expect(counts.queue).toBeGreaterThanOrEqual(3);
});
