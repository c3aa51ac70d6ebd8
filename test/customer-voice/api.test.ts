import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';
import { PUSH_LIMIT } from '../../server/customer-voice/admin-routes.ts';

const t = build();
let admin: SignedInStaff;
let moderator: SignedInStaff;

const item = (externalId: string, extra: object = {}) => ({
  externalId,
  text: `Pushed comment ${externalId}: the branch was quick`,
  date: '2026-11-02',
  score: 9,
  scoreKind: 'nps',
  ...extra,
});
const push = (key: string | null, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/customer-voice/feedback',
    headers: key ? { authorization: `Bearer ${key}` } : {},
    payload: body,
  });
async function createKey(scopes: string[], by = admin) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/admin/customer-voice/api-keys',
    headers: by.headers,
    payload: { label: `Survey tool ${scopes.join('+')}`, scopes },
  });
  return response;
}

beforeAll(async () => {
  admin = await given(t.app).staff('admin');
  moderator = await given(t.app).staff('moderator');
});

describe('ingestion API keys', () => {
  test('only admins create keys; the key is shown once and stored as a keyed hash', async () => {
    expect((await createKey(['feedback:write'], moderator)).statusCode).toBe(403);
    const response = await createKey(['feedback:write']);
    expect(response.statusCode, response.body).toBe(201);
    const { id, key } = response.json();
    expect(key).toMatch(/^gcv_[\w-]{40,}$/);
    const row = await t.app.db
      .selectFrom('customer_voice_api_key')
      .select(['key_hash', 'prefix'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(key);
    expect(row.key_hash).toBe(t.app.secrets.hmac('customer-voice-api-key', key));
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/customer-voice/api-keys',
      headers: admin.headers,
    });
    expect(list.body).not.toContain(key);
    expect(list.body).not.toContain(row.key_hash);
  });

  test('permission matrix: nobody, employee, staff cookie, wrong scope, write scope, revoked', async () => {
    const write = (await createKey(['feedback:write'])).json();
    const validate = (await createKey(['feedback:validate'])).json();
    const member = await enrolMember(t.app);
    const body = { items: [item('m-1')] };
    const outcomes: Record<string, [number, string | null]> = {};
    const record = async (name: string, response: Awaited<ReturnType<typeof push>>) => {
      outcomes[name] = [response.statusCode, response.statusCode >= 400 ? response.json().error : null];
    };
    await record('nobody', await push(null, body));
    await record('employee credential', await push(member.credential, body));
    await record(
      'admin cookie',
      await t.app.inject({
        method: 'POST',
        url: '/api/customer-voice/feedback',
        headers: admin.headers,
        payload: body,
      }),
    );
    await record('made-up key', await push('gcv_' + 'A'.repeat(43), body));
    await record('validate key, write', await push(validate.key, body));
    await record('validate key, dry run', await push(validate.key, { ...body, dryRun: true }));
    await record('write key', await push(write.key, body));
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/customer-voice/api-keys/${write.id}`,
      headers: admin.headers,
    });
    expect(revoked.json()).toEqual({ id: write.id, revoked: true });
    await record('revoked key', await push(write.key, { items: [item('m-2')] }));
    expect(outcomes).toEqual({
      nobody: [401, 'api_key_invalid'],
      'employee credential': [401, 'api_key_invalid'],
      'admin cookie': [401, 'api_key_invalid'],
      'made-up key': [401, 'api_key_invalid'],
      'validate key, write': [403, 'scope_missing'],
      'validate key, dry run': [200, null],
      'write key': [200, null],
      'revoked key': [401, 'api_key_invalid'],
    });
    const stored = await t.app.db.selectFrom('customer_feedback').select('external_id').execute();
    expect(stored.map((row) => row.external_id)).toEqual(['m-1']);
  });

  test('pushes are idempotent, redacted, and bad items are reported by position', async () => {
    const { key } = (await createKey(['feedback:write'])).json();
    const first = await push(key, {
      items: [
        item('p-1', { text: 'Thanks, my account 12345678 is sorted' }),
        item('p-2', { scoreKind: 'csat', score: 4 }),
      ],
    });
    expect(first.json()).toMatchObject({ committed: true, imported: 2 });
    const again = await push(key, { items: [item('p-1')] });
    expect(again.json()).toMatchObject({ committed: true, imported: 0, alreadyImported: 1 });
    const bad = await push(key, {
      items: [item('p-3'), item('p-4', { scoreKind: 'stars' }), item('p-5', { score: 6, scoreKind: 'csat' })],
    });
    expect(bad.json()).toMatchObject({
      committed: false,
      imported: 0,
      rejectedRows: [
        { line: 2, reason: expect.stringContaining('unknown score kind "stars"') },
        { line: 3, reason: expect.stringContaining('CSAT (1–5)') },
      ],
    });
    const text = await t.app.db
      .selectFrom('customer_feedback')
      .select('text')
      .where('external_id', '=', 'p-1')
      .executeTakeFirstOrThrow();
    expect(text.text).toBe('Thanks, my account [number] is sorted');
  });

  test('fuzzed bodies get a 4xx, never a 500', async () => {
    const { key } = (await createKey(['feedback:write'])).json();
    const bodies: unknown[] = [
      {},
      { items: [] },
      { items: 'x' },
      { items: [{}] },
      { items: [item('z-1', { date: 'yesterday' })] },
      { items: [item('z-2', { score: -1 })] },
      { items: [item('z-3', { extra: 1 })] },
      { items: Array.from({ length: 501 }, (_, i) => item(`z-${i}`)) },
      { items: [item('z-4', { text: '\u0000\u0001' })] },
      [1, 2, 3],
    ];
    for (const body of bodies) {
      const response = await push(key, body as object);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
      if (response.statusCode !== 200) expect(response.statusCode).toBe(400);
      else expect(response.json().committed).toBe(false);
    }
  });

  test('pushes are throttled per key (429 with Retry-After), in the shared throttle table', async () => {
    const { key } = (await createKey(['feedback:write'])).json();
    let response = await push(key, { items: [item('t-0')], dryRun: true });
    for (let i = 1; i <= PUSH_LIMIT.perKeyPerMinute && response.statusCode === 200; i++)
      response = await push(key, { items: [item(`t-${i}`)], dryRun: true });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBeDefined();
  });
});

describe('retention', () => {
  test('admins set it; the retention job deletes feedback older than N months', async () => {
    const { key } = (await createKey(['feedback:write'])).json();
    await push(key, { items: [item('old-1', { date: '2024-01-15' }), item('new-1')] });
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/admin/customer-voice/settings',
          headers: moderator.headers,
          payload: { retentionMonths: 12 },
        })
      ).statusCode,
    ).toBe(403);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/customer-voice/settings',
      headers: admin.headers,
      payload: { retentionMonths: 12 },
    });
    expect(set.json()).toEqual({ retentionMonths: 12 });
    await t.app.jobs.runNow('customer-voice-retention');
    const ids = (await t.app.db.selectFrom('customer_feedback').select('external_id').execute()).map(
      (row) => row.external_id,
    );
    expect(ids).toContain('new-1');
    expect(ids).not.toContain('old-1');
  });
});
