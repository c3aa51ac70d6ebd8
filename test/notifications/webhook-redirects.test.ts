import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { COMPOSE_JOB, DELIVER_JOB } from '../../server/notifications/service.ts';
import { startReceiver, type Receiver } from './receiver.ts';

// A receiver that answers 3xx must not steer the server's POST anywhere (SSRF: a public receiver
// redirecting to 127.0.0.1, the cloud metadata address or an intranet host). Redirects are never
// followed, the delivery is failed at once (no retries against the same trap) with a reason that says
// so. Loopback receivers are allowed here by configuration, so only the redirect rule stands between
// the first receiver and the second (the "internal" one).
const t = build({
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_ATTEMPTS: '4',
  JOB_TICK_MS: '600000',
});
let admin: SignedInStaff;
let outside: Receiver;
let inside: Receiver;
beforeAll(async () => {
  admin = await given(t.app).staff('admin');
  outside = await startReceiver();
  inside = await startReceiver();
});
afterAll(async () => {
  await outside?.close();
  await inside?.close();
});
afterEach(async () => {
  await t.app.db.deleteFrom('webhook').execute();
  outside.received.length = 0;
  inside.received.length = 0;
});

async function addWebhook(kind: 'generic' | 'slack') {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/admin/webhooks',
    headers: admin.headers,
    payload: { name: 'Redirecting', kind, url: outside.url, events: ['queue'] },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

describe('webhook redirects', () => {
  test.each([301, 302, 303, 307, 308])(
    'a %i to a loopback address is not followed; the test button says why',
    async (status) => {
      const id = await addWebhook('slack');
      outside.answers.push({ status, location: inside.url });
      const sent = await t.app.inject({
        method: 'POST',
        url: `/api/admin/webhooks/${id}/test`,
        headers: admin.headers,
      });
      expect(sent.statusCode).toBe(200);
      expect(sent.json()).toEqual({ delivered: false, status, error: 'redirect_refused' });
      expect(outside.received).toHaveLength(1);
      expect(inside.received).toHaveLength(0);
      const row = await t.app.db
        .selectFrom('webhook_delivery')
        .select(['status', 'last_status', 'last_error'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'failed', last_status: status, last_error: 'redirect_refused' });
    },
  );

  test('a scheduled delivery answered with a redirect fails at once, not retried into the trap', async () => {
    await addWebhook('generic');
    await t.app.db
      .insertInto('suggestion')
      .values({
        text: 'The lift is broken.',
        moderation: 'pending',
        day: new Date().toISOString().slice(0, 10),
        pii_flags: '[]',
      })
      .execute();
    outside.answers.push({ status: 307, location: 'http://169.254.169.254/latest/meta-data' });
    await t.app.jobs.runNow(COMPOSE_JOB);
    await t.app.jobs.runNow(DELIVER_JOB);
    const rows = await t.app.db
      .selectFrom('webhook_delivery')
      .select(['event', 'status', 'attempts', 'last_status', 'last_error'])
      .where('event', '=', 'queue')
      .execute();
    expect(rows).toEqual([
      { event: 'queue', status: 'failed', attempts: 1, last_status: 307, last_error: 'redirect_refused' },
    ]);
    expect(inside.received).toHaveLength(0);
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: admin.headers });
    expect(list.json().deliveries).toContainEqual(
      expect.objectContaining({ event: 'queue', status: 'failed', lastError: 'redirect_refused' }),
    );
  });
});
