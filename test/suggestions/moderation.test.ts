import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { moderatorRequests } from '../helpers/moderation.ts';
import { counts, departmentId, givenSuggestion, published, suggestionRow } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;
let admin: SignedInStaff;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  admin = await given(t.app).staff('admin');
});

const { decide, reply, thread, auditFor } = moderatorRequests(t, 'suggestions', () => moderator);

describe('queue', () => {
  test('lists pending items oldest first with PII flag kinds, not published ones', async () => {
    const older = await givenSuggestion(t.app, { day: '2020-01-02', piiFlags: ['email'] });
    const newer = await givenSuggestion(t.app, { day: '2020-01-03' });
    const done = await published(t.app);
    const response = await t.app.inject({ method: 'GET', url: '/api/mod/queue', headers: moderator.headers });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(ids).not.toContain(done.id);
    const item = response.json().items.find((entry: { id: string }) => entry.id === older.id);
    expect(item).toMatchObject({
      moderation: 'pending',
      reviewed: false,
      piiFlags: ['email'],
      day: '2020-01-02',
    });
  });

  test('an employee (no session) cannot read the queue; admins can', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/mod/queue' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/mod/queue', headers: admin.headers })).statusCode,
    ).toBe(200);
  });
});

describe('decisions', () => {
  test('publish: the item leaves the queue, shows on the board, and the audit names the moderator', async () => {
    const { id } = await givenSuggestion(t.app);
    const response = await decide(id, { action: 'publish' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, moderation: 'published' });
    expect(await suggestionRow(t.app, id)).toMatchObject({ moderation: 'published', reviewed: true });
    const audits = await auditFor(id);
    expect(audits).toEqual([
      { action: 'suggestion.publish', staff_username: moderator.username, detail: { before: 'pending' } },
    ]);
    const board = await t.app.inject({ method: 'GET', url: '/api/suggestions' });
    expect(board.json().items.map((item: { id: string }) => item.id)).toContain(id);
  });

  test('publishing twice is a 409 with nothing written', async () => {
    const { id } = await published(t.app);
    const before = await counts(t.app);
    const response = await decide(id, { action: 'publish' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('already_published');
    expect(await counts(t.app)).toEqual(before);
  });

  test('reject needs a reason; the reason is stored for the author and audited', async () => {
    const { id } = await givenSuggestion(t.app);
    const before = await counts(t.app);
    const missing = await decide(id, { action: 'reject' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('reason_required');
    expect(await counts(t.app)).toEqual(before);
    expect(await suggestionRow(t.app, id)).toMatchObject({ moderation: 'pending' });

    const response = await decide(id, {
      action: 'reject',
      reason: 'Names a colleague; please rephrase without names.',
    });
    expect(response.statusCode).toBe(200);
    expect(await suggestionRow(t.app, id)).toMatchObject({
      moderation: 'rejected',
      reject_reason: 'Names a colleague; please rephrase without names.',
    });
    expect((await auditFor(id))[0]).toMatchObject({
      action: 'suggestion.reject',
      staff_username: moderator.username,
    });
    expect((await decide(id, { action: 'reject', reason: 'again' })).statusCode).toBe(409);
  });

  test('redact publishes the edited text; the original is gone from every table, audit included', async () => {
    const original =
      'Ask jane.doe@bank.example (ext 4471) why the VPN drops every afternoon at the Leeds office.';
    const { id } = await givenSuggestion(t.app, { text: original, piiFlags: ['email'] });
    const edited = 'Ask [redacted] why the VPN drops every afternoon at the Leeds office.';
    const response = await decide(id, { action: 'redact', text: edited });
    expect(response.statusCode).toBe(200);
    expect(await suggestionRow(t.app, id)).toMatchObject({
      text: edited,
      redacted: true,
      moderation: 'published',
      pii_flags: [],
    });
    const dump = JSON.stringify(
      await Promise.all([
        t.app.db.selectFrom('suggestion').selectAll().execute(),
        t.app.db.selectFrom('audit_log').selectAll().execute(),
        t.app.db.selectFrom('thread_message').selectAll().execute(),
      ]),
    );
    expect(dump).not.toContain('jane.doe');
    expect(t.rawLogs.join('\n')).not.toContain('jane.doe');
    expect((await auditFor(id))[0]).toMatchObject({
      action: 'suggestion.redact',
      staff_username: moderator.username,
    });
  });

  test('redact without text, or with the same text, is refused with nothing written', async () => {
    const { id } = await givenSuggestion(t.app, {
      text: 'The printers on floor three jam every single day.',
    });
    const before = await counts(t.app);
    expect((await decide(id, { action: 'redact' })).json().error).toBe('text_required');
    expect(
      (
        await decide(id, { action: 'redact', text: 'The printers on floor three jam every single day.' })
      ).json().error,
    ).toBe('text_unchanged');
    expect((await decide(id, { action: 'redact', text: 'short' })).statusCode).toBe(400);
    expect(await counts(t.app)).toEqual(before);
    expect(await suggestionRow(t.app, id)).toMatchObject({ moderation: 'pending', redacted: false });
  });

  test('unknown item 404, bad id 400, unknown action 400, and an employee cannot decide', async () => {
    const before = await counts(t.app);
    expect((await decide('00000000-0000-4000-8000-000000000000', { action: 'publish' })).statusCode).toBe(
      404,
    );
    expect((await decide('not-a-uuid', { action: 'publish' })).statusCode).toBe(400);
    const { id } = await givenSuggestion(t.app);
    expect((await decide(id, { action: 'delete' })).statusCode).toBe(400);
    expect((await decide(id, { action: 'publish' }, {})).statusCode).toBe(401);
    expect((await suggestionRow(t.app, id))?.moderation).toBe('pending');
    expect((await counts(t.app)).audits).toBe(before.audits);
  });

  test('a rejected item can be reinstated; a published one can be taken down', async () => {
    const { id } = await givenSuggestion(t.app);
    await decide(id, { action: 'reject', reason: 'Duplicate of an older one.' });
    expect((await decide(id, { action: 'publish' })).statusCode).toBe(200);
    expect(await suggestionRow(t.app, id)).toMatchObject({ moderation: 'published', reject_reason: null });
    expect((await decide(id, { action: 'reject', reason: 'Taken down after a complaint.' })).statusCode).toBe(
      200,
    );
    expect((await suggestionRow(t.app, id))?.moderation).toBe('rejected');
  });
});

describe('status and public response', () => {
  const setStatus = (id: string, payload: object, staff = moderator) =>
    t.app.inject({
      method: 'POST',
      url: `/api/mod/suggestions/${id}/status`,
      headers: staff.headers,
      payload,
    });

  test('walks the lifecycle; the board shows status and public response', async () => {
    const it = await departmentId(t.app, 'IT');
    const { id } = await published(t.app, { concernsDepartmentId: it });
    for (const status of ['under_review', 'planned', 'in_progress']) {
      expect((await setStatus(id, { status })).statusCode).toBe(200);
    }
    const response = await setStatus(id, {
      status: 'done',
      response: 'New VPN concentrators went live on 3 March.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id,
      status: 'done',
      response: 'New VPN concentrators went live on 3 March.',
    });
    const board = await t.app.inject({ method: 'GET', url: `/api/suggestions?status=done&department=${it}` });
    const item = board.json().items.find((entry: { id: string }) => entry.id === id);
    expect(item).toMatchObject({
      status: 'done',
      response: 'New VPN concentrators went live on 3 March.',
      concernsDepartment: { id: it, name: 'IT' },
    });
    expect(item.responseDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audits = await auditFor(id);
    expect(audits.map((entry) => entry.action)).toEqual(Array(4).fill('suggestion.status'));
    expect(audits.every((entry) => entry.staff_username === moderator.username)).toBe(true);
  });

  test('omitting response keeps it; an empty response clears it', async () => {
    const { id } = await published(t.app);
    await setStatus(id, { status: 'planned', response: 'Budgeted for Q3.' });
    expect((await setStatus(id, { status: 'in_progress' })).json().response).toBe('Budgeted for Q3.');
    expect((await setStatus(id, { status: 'in_progress', response: '' })).json().response).toBeNull();
  });

  test('cannot set a status on a pending item (409), an unknown one (404), or a made-up status (400)', async () => {
    const { id } = await givenSuggestion(t.app);
    const before = await counts(t.app);
    expect((await setStatus(id, { status: 'done' })).json().error).toBe('not_published');
    expect((await setStatus('00000000-0000-4000-8000-000000000000', { status: 'done' })).statusCode).toBe(
      404,
    );
    expect((await setStatus(id, { status: 'finished' })).statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/mod/suggestions/${id}/status`,
          payload: { status: 'done' },
        })
      ).statusCode,
    ).toBe(401);
    expect(await counts(t.app)).toEqual(before);
    expect((await suggestionRow(t.app, id))?.status).toBe('new');
  });
});

describe('replies and the moderator view of a thread', () => {
  test('a moderator reply lands in the thread, audited; an employee cannot reply as moderator', async () => {
    const { id } = await givenSuggestion(t.app);
    const response = await reply(id, 'Thanks — which branch system do you mean?');
    expect(response.statusCode).toBe(201);
    expect(response.json().message).toMatchObject({
      from: 'moderator',
      body: 'Thanks — which branch system do you mean?',
    });
    expect((await thread(id)).json().messages).toHaveLength(1);
    expect((await auditFor(id))[0]).toMatchObject({
      action: 'suggestion.reply',
      staff_username: moderator.username,
    });

    const before = await counts(t.app);
    expect((await reply(id, 'hi', {})).statusCode).toBe(401);
    expect((await thread(id, {})).statusCode).toBe(401);
    expect(await counts(t.app)).toEqual(before);
  });

  test('empty or unknown-item replies are refused with nothing written', async () => {
    const { id } = await givenSuggestion(t.app);
    const before = await counts(t.app);
    expect((await reply(id, '   ')).json().error).toBe('empty_reply');
    expect((await reply(id, '')).statusCode).toBe(400);
    expect((await reply(id, 'x'.repeat(2001))).statusCode).toBe(400);
    expect((await reply('00000000-0000-4000-8000-000000000000', 'hello')).statusCode).toBe(404);
    expect(await counts(t.app)).toEqual(before);
  });

  test('awaitingReply lists threads where the author wrote last', async () => {
    const { id, receipt } = await published(t.app);
    await t.app.inject({
      method: 'POST',
      url: '/api/threads/reply',
      payload: { receipt, body: 'Anyone there?' },
    });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/mod/suggestions?moderation=published&awaitingReply=true',
      headers: moderator.headers,
    });
    const item = response.json().items.find((entry: { id: string }) => entry.id === id);
    expect(item).toMatchObject({ awaitingReply: true, messages: 1 });
  });
});

describe('CSV export', () => {
  test('published suggestions with status, votes and response; formulas defused; audited', async () => {
    const { id } = await published(t.app, {
      text: '=HYPERLINK("http://evil") expenses take "six weeks" to reimburse',
      votes: 7,
      status: 'planned',
      response: 'Finance moves to weekly runs.',
    });
    const pending = await givenSuggestion(t.app, { text: 'Pending item must not be exported at all.' });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/mod/suggestions/export.csv',
      headers: moderator.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="greenroom-suggestions-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"id","day","concernsDepartment","ownDepartment","status","votes","redacted","text","response","responseDay"',
    );
    const line = lines.find((entry) => entry.startsWith(`"${id}"`))!;
    expect(line).toContain(
      '"planned","7","false","\'=HYPERLINK(""http://evil"") expenses take ""six weeks"" to reimburse"',
    );
    expect(line).toContain('"Finance moves to weekly runs."');
    expect(response.body).not.toContain(pending.id);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'staff_username'])
      .where('action', '=', 'suggestion.export')
      .execute();
    expect(audit).toContainEqual({ action: 'suggestion.export', staff_username: moderator.username });
  });

  test('an employee cannot export', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/mod/suggestions/export.csv' })).statusCode).toBe(
      401,
    );
  });
});

describe('moderator lists', () => {
  test('filter by moderation state; without a filter every state, newest first', async () => {
    const rejected = await givenSuggestion(t.app, {
      moderation: 'rejected',
      rejectReason: 'Duplicate',
      reviewed: true,
      day: '2031-01-02',
    });
    const pending = await givenSuggestion(t.app, { day: '2031-01-03' });
    const list = async (query: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/mod/suggestions${query}`, headers: moderator.headers })
      ).json();
    const onlyRejected = await list('?moderation=rejected');
    expect(onlyRejected.items.every((item: { moderation: string }) => item.moderation === 'rejected')).toBe(
      true,
    );
    expect(onlyRejected.items.find((item: { id: string }) => item.id === rejected.id)).toMatchObject({
      reason: 'Duplicate',
    });
    const all = await list('');
    expect(all.items.slice(0, 2).map((item: { id: string }) => item.id)).toEqual([pending.id, rejected.id]);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/mod/suggestions?moderation=deleted',
          headers: moderator.headers,
        })
      ).statusCode,
    ).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/mod/suggestions' })).statusCode).toBe(401);
  });
});

describe('themes are told when text changes', () => {
  test('publish, reject and redact each announce a suggestion change; a refused decision does not', async () => {
    const events: string[] = [];
    const stop = t.app.contentEvents.onChanged((change) => events.push(change.source));
    try {
      const a = await givenSuggestion(t.app);
      const b = await givenSuggestion(t.app);
      const c = await givenSuggestion(t.app);
      await decide(a.id, { action: 'publish' });
      await decide(b.id, { action: 'reject', reason: 'Off topic for this board.' });
      await decide(c.id, { action: 'redact', text: 'A redacted text long enough to publish.' });
      expect(events).toEqual(['suggestion', 'suggestion', 'suggestion']);
      await decide(a.id, { action: 'publish' });
      expect(events).toHaveLength(3);
    } finally {
      stop();
    }
  });
});
