import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember, type Member } from '../helpers/members.ts';
import { counts, departmentId, givenSuggestion, published, suggestionRow } from './helpers.ts';

const t = build();
let member: Member;
let moderator: SignedInStaff;
let it: string;

beforeAll(async () => {
  member = await enrolMember(t.app);
  moderator = await given(t.app).staff('moderator');
  it = await departmentId(t.app, 'IT');
});

const token = async () => (await member.tokens('general', 1))[0]!;
const submit = (payload: unknown, authorization?: string, raw = false) =>
  t.app.inject({
    method: 'POST',
    url: '/api/suggestions',
    headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
    payload: raw ? (payload as string) : JSON.stringify(payload),
  });
const vote = (id: string, authorization?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/suggestions/${id}/votes`,
    headers: authorization ? { authorization } : {},
  });
const TEXT = 'The loan origination system times out every afternoon around three o’clock.';

describe('submitting', () => {
  test('spends one token, stores the item pending with a receipt, and the queue shows it', async () => {
    const branches = await departmentId(t.app, 'Branches', 'frontstage');
    // The own department is proven by a `general@<dept>` token, which only its enrolled members get.
    const teller = await enrolMember(t.app, branches);
    const [proof] = await teller.tokens(`general@${branches}`, 1);
    const response = await submit(
      { text: `  ${TEXT}  `, concernsDepartmentId: it, ownDepartmentId: branches },
      proof,
    );
    expect(response.statusCode).toBe(201);
    const { id, receipt } = response.json();
    expect(Object.keys(response.json()).sort()).toEqual(['id', 'receipt']);
    expect(await suggestionRow(t.app, id)).toMatchObject({
      text: TEXT,
      moderation: 'pending',
      reviewed: false,
      status: 'new',
      concerns_department_id: it,
      own_department_id: branches,
      votes: 0,
      day: new Date().toISOString().slice(0, 10),
    });
    const queue = await t.app.inject({ method: 'GET', url: '/api/mod/queue', headers: moderator.headers });
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(id);
    const thread = await t.app.inject({ method: 'POST', url: '/api/threads/open', payload: { receipt } });
    expect(thread.json().item).toMatchObject({ id, status: 'pending', text: TEXT });
    const board = await t.app.inject({ method: 'GET', url: '/api/suggestions' });
    expect(board.json().items.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  test('flags personal data for moderators by kind, never copying the match elsewhere', async () => {
    const response = await submit(
      { text: 'Email me at sam.porter@greenbank.example about the VPN drops.' },
      await token(),
    );
    const row = await suggestionRow(t.app, response.json().id);
    expect(row?.pii_flags).toContain('email');
    expect(JSON.stringify(row?.pii_flags)).not.toContain('sam.porter');
  });

  test('in post-moderation an item is published at once and still waits for a moderator’s look', async () => {
    await updateSettings(t.app.db, { moderationMode: 'post' });
    try {
      const response = await submit(
        { text: 'Post-moderated: the canteen closes too early for late shifts.' },
        await token(),
      );
      const { id } = response.json();
      expect(await suggestionRow(t.app, id)).toMatchObject({ moderation: 'published', reviewed: false });
      const board = await t.app.inject({ method: 'GET', url: '/api/suggestions' });
      expect(board.json().items.map((item: { id: string }) => item.id)).toContain(id);
      const queue = await t.app.inject({ method: 'GET', url: '/api/mod/queue', headers: moderator.headers });
      expect(queue.json().items.find((item: { id: string }) => item.id === id)).toMatchObject({
        moderation: 'published',
        reviewed: false,
      });
      const decision = await t.app.inject({
        method: 'POST',
        url: `/api/mod/suggestions/${id}/decision`,
        headers: moderator.headers,
        payload: { action: 'publish' },
      });
      expect(decision.statusCode).toBe(200);
      expect(await suggestionRow(t.app, id)).toMatchObject({ moderation: 'published', reviewed: true });
    } finally {
      await updateSettings(t.app.db, { moderationMode: 'pre' });
    }
  });
});

test('a submission tells the themes job that suggestion text changed', async () => {
  const events: string[] = [];
  const stop = t.app.contentEvents.onChanged((change) => events.push(change.source));
  try {
    expect((await submit({ text: TEXT }, await token())).statusCode).toBe(201);
    expect((await submit({ text: 'short' }, await token())).statusCode).toBe(400);
    expect(events).toEqual(['suggestion']);
  } finally {
    stop();
  }
});

describe('refusals before the action: a clear 4xx, nothing written, the token not burned', () => {
  const cases: [string, unknown, number, string, boolean?][] = [
    ['too short', { text: 'too short' }, 400, 'invalid_request'],
    ['short once trimmed', { text: '   tiny     ' }, 400, 'text_too_short'],
    ['too long', { text: 'x'.repeat(4001) }, 400, 'invalid_request'],
    ['missing text', {}, 400, 'invalid_request'],
    [
      'unknown department',
      { text: TEXT, concernsDepartmentId: '00000000-0000-4000-8000-000000000000' },
      400,
      'unknown_department',
    ],
    [
      'unproven own department',
      { text: TEXT, ownDepartmentId: '00000000-0000-4000-8000-000000000000' },
      400,
      'department_unproven',
    ],
    ['department not a uuid', { text: TEXT, concernsDepartmentId: 'IT' }, 400, 'invalid_request'],
    ['an extra field', { text: TEXT, author: 'me' }, 400, 'invalid_request'],
    ['garbage JSON', '{"text": "The VPN', 400, 'invalid_json', true],
    ['a JSON array', '[1,2,3]', 400, 'invalid_request', true],
  ];
  test.each(cases)('%s', async (_name, payload, status, code, raw) => {
    const authorization = await token();
    const before = await counts(t.app);
    const response = await submit(payload, authorization, raw);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: code, message: expect.any(String) });
    expect(await counts(t.app)).toEqual(before);
    // The same token still works: it was not burned.
    expect((await submit({ text: TEXT }, authorization)).statusCode).toBe(201);
  });

  test('4000 characters exactly is accepted', async () => {
    expect((await submit({ text: 'y'.repeat(4000) }, await token())).statusCode).toBe(201);
  });
});

describe('token checks', () => {
  test('a missing or malformed token is 401 token_invalid with nothing written', async () => {
    const before = await counts(t.app);
    for (const authorization of [
      undefined,
      'PrivateToken token="AAAA"',
      'Bearer something',
      'PrivateToken token=',
    ]) {
      const response = await submit({ text: TEXT }, authorization);
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toBe('token_invalid');
    }
    expect(await counts(t.app)).toEqual(before);
  });

  test('a spent token is 401 token_spent with nothing written', async () => {
    const authorization = await token();
    expect((await submit({ text: TEXT }, authorization)).statusCode).toBe(201);
    const before = await counts(t.app);
    const again = await submit({ text: 'A second suggestion with the very same token.' }, authorization);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('token_spent');
    expect(await counts(t.app)).toEqual(before);
  });

  test('the same token raced twice records exactly one suggestion', async () => {
    const authorization = await token();
    const before = await counts(t.app);
    const responses = await Promise.all([
      submit({ text: `${TEXT} A` }, authorization),
      submit({ text: `${TEXT} B` }, authorization),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 401]);
    expect((await counts(t.app)).suggestions).toBe(before.suggestions + 1);
  });
});

describe('"me too" votes', () => {
  test('each token adds one vote; the board shows the count and sorts by it', async () => {
    const { id } = await published(t.app, { concernsDepartmentId: await departmentId(t.app, 'Votes topic') });
    const first = await vote(id, await token());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ votes: 1 });
    expect((await vote(id, await token())).json()).toEqual({ votes: 2 });
    expect((await suggestionRow(t.app, id))?.votes).toBe(2);
  });

  test('the same token twice is refused (token_spent) and the count does not move', async () => {
    const { id } = await published(t.app);
    const authorization = await token();
    expect((await vote(id, authorization)).statusCode).toBe(201);
    const again = await vote(id, authorization);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('token_spent');
    expect((await suggestionRow(t.app, id))?.votes).toBe(1);
  });

  test('a pending, rejected or unknown item is 404 and the token survives', async () => {
    const pending = await givenSuggestion(t.app);
    const rejected = await givenSuggestion(t.app, { moderation: 'rejected', rejectReason: 'Off topic' });
    const authorization = await token();
    for (const id of [pending.id, rejected.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await vote(id, authorization);
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toBe('not_found');
    }
    expect((await vote('not-a-uuid', authorization)).statusCode).toBe(400);
    expect((await suggestionRow(t.app, pending.id))?.votes).toBe(0);
    const { id } = await published(t.app);
    expect((await vote(id, authorization)).statusCode).toBe(201);
  });

  test('without a token: 401 and no vote', async () => {
    const { id } = await published(t.app);
    expect((await vote(id)).statusCode).toBe(401);
    expect((await suggestionRow(t.app, id))?.votes).toBe(0);
  });
});

describe('privacy of what is stored and logged', () => {
  test('rows carry random UUIDs and a day; no timestamps, IPs, user agents, tokens or receipts', async () => {
    const authorization = await token();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers: {
        authorization,
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) PrivacyProbe/1.0',
        'x-forwarded-for': '203.0.113.77',
      },
      remoteAddress: '198.51.100.23',
      payload: { text: 'Privacy probe: the heating on floor three is broken again.' },
    });
    expect(response.statusCode).toBe(201);
    const { id, receipt } = response.json();
    const replied = await t.app.inject({
      method: 'POST',
      url: '/api/threads/reply',
      headers: { 'user-agent': 'PrivacyProbe/1.0' },
      remoteAddress: '198.51.100.23',
      payload: { receipt, body: 'Probe reply' },
    });
    expect(replied.statusCode).toBe(201);

    const ids = (await t.app.db.selectFrom('suggestion').select('id').execute()).map((row) => row.id);
    for (const value of ids)
      expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and table_name in ('suggestion', 'thread_receipt', 'thread_message')`.execute(
      t.app.db,
    );
    for (const column of columns.rows) {
      expect(column.data_type, `${column.table_name}.${column.column_name}`).not.toMatch(
        /timestamp|time|inet|serial/,
      );
      expect(column.column_name).not.toMatch(
        /(^|_)(ip|address|agent|token|member|credential|created|at)($|_)/,
      );
    }
    expect(
      columns.rows
        .filter((column) => column.data_type === 'date')
        .map((column) => column.column_name)
        .sort(),
    ).toEqual(['day', 'day', 'response_day']);

    const dump = JSON.stringify(
      await sql`select
        (select json_agg(s) from suggestion s) as suggestions,
        (select json_agg(r) from thread_receipt r) as receipts,
        (select json_agg(m) from thread_message m) as messages,
        (select json_agg(a) from audit_log a) as audits`.execute(t.app.db),
    );
    const tokenValue = authorization.match(/token="([^"]+)"/)![1]!;
    const logs = t.rawLogs.join('\n');
    for (const [where, text] of [
      ['tables', dump],
      ['logs', logs],
    ] as const) {
      expect(text, where).not.toContain('198.51.100.23');
      expect(text, where).not.toContain('203.0.113.77');
      expect(text, where).not.toContain('PrivacyProbe');
      expect(text, where).not.toContain(receipt);
      expect(text, where).not.toContain(receipt.replace(/-/g, ''));
      expect(text, where).not.toContain(tokenValue);
    }
    // The receipt is stored only as a keyed hash.
    const stored = await t.app.db
      .selectFrom('thread_receipt')
      .select('receipt_hash')
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.receipt_hash).toBe(t.app.secrets.hmac('receipt', receipt.replace(/-/g, '')));
  });
});
