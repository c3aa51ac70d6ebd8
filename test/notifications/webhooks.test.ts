import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { build, createTestApp } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { COMPOSE_JOB, DELIVER_JOB, SECRET_PURPOSE, URL_PURPOSE } from '../../server/notifications/service.ts';
import { startReceiver, type Receiver } from './receiver.ts';

// Outbound notifications against a real local HTTP receiver. Loopback is allowed here by configuration
// (WEBHOOK_ALLOW_PRIVATE); the last block runs an app with the default, which refuses it.
const EVERY_MINUTES = 60;
const RETRY_BASE_MS = 60_000;
const t = build({
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_TIMEOUT_MS: '300',
  WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
  WEBHOOK_ATTEMPTS: '4',
  NOTIFY_EVERY_MINUTES: String(EVERY_MINUTES),
  JOB_TICK_MS: '600000',
});
let admin: SignedInStaff;
let receiver: Receiver;
beforeAll(async () => {
  admin = await given(t.app).staff('admin');
  receiver = await startReceiver();
});
afterAll(() => receiver?.close());
afterEach(async () => {
  await t.app.db.deleteFrom('webhook').execute();
  receiver.received.length = 0;
  receiver.answers.length = 0;
});

const today = () => new Date().toISOString().slice(0, 10);
async function addWebhook(body: Record<string, unknown>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/admin/webhooks',
    headers: admin.headers,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; secret: string | null };
}
async function pendingSuggestions(texts: string[]) {
  for (const text of texts)
    await t.app.db
      .insertInto('suggestion')
      .values({ text, moderation: 'pending', day: today(), pii_flags: '[]' })
      .execute();
}
const deliveries = () =>
  t.app.db
    .selectFrom('webhook_delivery')
    .select(['event', 'status', 'attempts', 'last_status', 'last_error', 'next_attempt_at'])
    .execute();
/** Time passes: every pending retry is due now. */
const retriesDue = () => sql`update webhook_delivery set next_attempt_at = now()`.execute(t.app.db);

describe('signed generic webhooks', () => {
  test('the queue count arrives batched, signed with HMAC-SHA256 over "<t>.<body>"', async () => {
    const { secret } = await addWebhook({
      name: 'Ops bot',
      kind: 'generic',
      url: receiver.url,
      events: ['queue'],
    });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await pendingSuggestions(['The printer on floor 3 jams daily.', 'Please fix the lift.']);
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [(typeof receiver.received)[0]];
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-greenroom-signature']));
    expect(match).not.toBeNull();
    const expected = createHmac('sha256', secret!).update(`${match![1]}.${body}`).digest('hex');
    expect(match![2]).toBe(expected);
    const wrong = createHmac('sha256', 'not-the-secret').update(`${match![1]}.${body}`).digest('hex');
    expect(match![2]).not.toBe(wrong);
    expect(headers['x-greenroom-event']).toBe('queue');
    const message = JSON.parse(body);
    expect(message.event).toBe('queue');
    expect(message.data).toEqual({ suggestions: 2, kudos: 0 });
    // Counts only: no text of an item waiting for moderation leaves the server.
    expect(body).not.toContain('printer');
    expect((await deliveries())[0]).toMatchObject({ status: 'delivered', attempts: 1, last_status: 200 });
  });

  test('nothing sent carries a time finer than the schedule slot', async () => {
    await addWebhook({ name: 'All', kind: 'generic', url: receiver.url, events: ['queue', 'weekly_digest'] });
    await pendingSuggestions(['Canteen closes too early.']);
    await t.app.db
      .insertInto('suggestion')
      .values({
        text: 'More bike racks please.',
        moderation: 'published',
        status: 'done',
        response: 'Twenty new racks by the east door.',
        response_day: today(),
        day: today(),
        pii_flags: '[]',
      })
      .execute();
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    expect(receiver.received.map((r) => JSON.parse(r.body).event).sort()).toEqual(['queue', 'weekly_digest']);
    for (const { body, headers } of receiver.received) {
      const datetimes = body.match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g) ?? [];
      expect(datetimes.length).toBeGreaterThan(0);
      for (const at of datetimes) expect(Date.parse(at) % (EVERY_MINUTES * 60_000), at).toBe(0);
      // Days (YYYY-MM-DD) are coarser than the slot; nothing else looks like a time.
      expect(JSON.stringify(headers)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
    const digest = JSON.parse(
      receiver.received.find((r) => JSON.parse(r.body).event === 'weekly_digest')!.body,
    );
    expect(digest.data.youSaidWeDid).toEqual([
      {
        text: 'More bike racks please.',
        status: 'done',
        response: 'Twenty new racks by the east door.',
        day: today(),
      },
    ]);
    expect(JSON.stringify(digest)).not.toContain('Canteen');
  });

  test('composing twice in one slot sends each message once', async () => {
    await addWebhook({ name: 'Once', kind: 'generic', url: receiver.url, events: ['queue'] });
    await pendingSuggestions(['Once only please.']);
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    expect(receiver.received).toHaveLength(1);
  });
});

describe('delivery when the receiver misbehaves', () => {
  test('retries after 500s with growing backoff, then delivers', async () => {
    await addWebhook({ name: 'Flaky', kind: 'slack', url: receiver.url, events: ['queue'] });
    await pendingSuggestions(['Retry me.']);
    receiver.answers.push(500, 503);
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    let [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 500 });
    const now = Date.now();
    expect(new Date(row!.next_attempt_at).getTime()).toBeGreaterThan(now + RETRY_BASE_MS / 2);
    await t.app.jobs.runNow(DELIVER_JOB); // not due yet: nothing is sent
    expect(receiver.received).toHaveLength(1);
    await retriesDue();
    await t.app.jobs.runNow(DELIVER_JOB);
    [row] = await deliveries();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_status: 503 });
    expect(new Date(row!.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 2 * RETRY_BASE_MS);
    await retriesDue();
    await t.app.jobs.runNow(DELIVER_JOB);
    [row] = await deliveries();
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_status: 200 });
    expect(receiver.received).toHaveLength(3);
    expect(JSON.parse(receiver.received[0]!.body)).toEqual({
      text: expect.stringMatching(/^Greenroom: \d+ suggestions? and 0 kudos are waiting for moderation\.$/),
    });
  });

  test('gives up after the configured attempts', async () => {
    await addWebhook({ name: 'Broken', kind: 'teams', url: receiver.url, events: ['queue'] });
    await pendingSuggestions(['Give up.']);
    receiver.answers.push(500, 500, 500, 500, 500);
    await t.app.jobs.runNow(COMPOSE_JOB);
    for (let i = 0; i < 4; i++) {
      await retriesDue();
      await t.app.jobs.runNow(DELIVER_JOB);
    }
    await retriesDue();
    await t.app.jobs.runNow(DELIVER_JOB);
    expect(await deliveries()).toEqual([expect.objectContaining({ status: 'failed', attempts: 4 })]);
    expect(receiver.received).toHaveLength(4);
  });

  test('a receiver that never answers is cut off and retried later', async () => {
    await addWebhook({ name: 'Hangs', kind: 'generic', url: receiver.url, events: ['queue'] });
    await pendingSuggestions(['Hang on.']);
    receiver.answers.push('hang');
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB); // returns: the attempt is bounded by WEBHOOK_TIMEOUT_MS
    expect(await deliveries()).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, last_status: null, last_error: 'timeout' }),
    ]);
  });
});

describe('the admin page', () => {
  test('the test button sends one message now and logs it; the URL is never shown back', async () => {
    const { id, secret } = await addWebhook({
      name: 'Moderators',
      kind: 'slack',
      url: receiver.url,
      events: ['queue'],
    });
    expect(secret).toBeNull();
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/admin/webhooks/${id}/test`,
      headers: admin.headers,
    });
    expect(sent.json()).toEqual({ delivered: true, status: 200, error: null });
    expect(JSON.parse(receiver.received[0]!.body).text).toMatch(/test notification/);
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: admin.headers });
    expect(list.body).not.toContain('/hook');
    expect(list.json().webhooks[0]).toMatchObject({
      name: 'Moderators',
      kind: 'slack',
      enabled: true,
      signed: false,
    });
    expect(list.json().deliveries[0]).toMatchObject({
      webhook: 'Moderators',
      event: 'test',
      status: 'delivered',
    });
    const row = await t.app.db.selectFrom('webhook').select(['url_sealed']).executeTakeFirstOrThrow();
    expect(Buffer.from(row.url_sealed).toString('latin1')).not.toContain('127.0.0.1');
  });

  test('a disabled webhook gets nothing', async () => {
    const { id } = await addWebhook({
      name: 'Off',
      kind: 'generic',
      url: receiver.url,
      events: ['queue'],
      enabled: false,
    });
    await pendingSuggestions(['Quiet please.']);
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    expect(receiver.received).toHaveLength(0);
    const on = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/webhooks/${id}`,
      headers: admin.headers,
      payload: { enabled: true },
    });
    expect(on.statusCode).toBe(204);
  });

  test('a focus group starting within 15 minutes is announced once', async () => {
    await addWebhook({ name: 'Rooms', kind: 'generic', url: receiver.url, events: ['focus_group_soon'] });
    const moderator = await given(t.app).staff('moderator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/mod/focus-groups',
      headers: moderator.headers,
      payload: {
        title: 'Night shift handovers',
        prompts: ['What gets lost at 6 am?'],
        startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
        endsAt: new Date(Date.now() + 70 * 60_000).toISOString(),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body).data.title).toBe('Night shift handovers');
  });
});

describe('hostile URLs (the default configuration)', () => {
  let strict: Awaited<ReturnType<typeof createTestApp>>;
  let strictAdmin: SignedInStaff;
  beforeAll(async () => {
    strict = await createTestApp({ JOB_TICK_MS: '600000', WEBHOOK_TIMEOUT_MS: '300' });
    strictAdmin = await given(strict.app).staff('admin');
  }, 120_000);
  afterAll(() => strict?.close());

  test.each([
    'http://127.0.0.1:9/hook',
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://192.168.0.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://localhost/hook',
    'https://user:pass@hooks.example.com/x',
  ])('refuses %s', async (url) => {
    const response = await strict.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: strictAdmin.headers,
      payload: { name: 'Evil', kind: 'generic', url, events: ['queue'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('invalid_url');
  });

  test.each([
    ['an address literal', () => receiver.url],
    ['a name that resolves inside', () => receiver.url.replace('127.0.0.1', 'localhost')],
  ])(
    'a stored URL that points inside (%s: DNS rebinding, an old row) is refused at delivery',
    async (_label, url) => {
      const webhook = await strict.app.db
        .insertInto('webhook')
        .values({
          name: 'Rebound',
          kind: 'generic',
          url_sealed: strict.app.secrets.encrypt(URL_PURPOSE, Buffer.from(url())),
          url_host: 'hooks.example.com',
          secret_sealed: strict.app.secrets.encrypt(SECRET_PURPOSE, Buffer.from('s')),
          events: ['queue'],
          created_by: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sent = await strict.app.inject({
        method: 'POST',
        url: `/api/admin/webhooks/${webhook.id}/test`,
        headers: strictAdmin.headers,
      });
      expect(sent.json()).toEqual({ delivered: false, status: null, error: 'blocked_address' });
      expect(receiver.received).toHaveLength(0);
    },
  );
});

describe('the public digest feed', () => {
  test('anyone can subscribe: Atom, no sign-in, published content only, dated by day', async () => {
    await pendingSuggestions(['A pending secret about payroll.']);
    const response = await t.app.inject({ method: 'GET', url: '/api/digest.atom' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(response.body).toContain('More bike racks please.');
    expect(response.body).not.toContain('payroll');
    for (const at of response.body.match(/<updated>([^<]+)<\/updated>/g) ?? [])
      expect(at).toMatch(/T00:00:00Z</);
  });
});
