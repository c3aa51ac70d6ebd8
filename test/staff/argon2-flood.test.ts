import { expect, test } from 'vitest';
import { argon2Queue } from '../../server/work-queue.ts';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';

const t = build();

const letters = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const junkCode = (i: number) => `${letters[i % 23]}${letters[Math.floor(i / 23) % 23]}QM-4XRT-9HWP-2FNC`;

test('a flood of junk enrolments is shed with 503 + Retry-After, and a staff sign-in overtakes it', async () => {
  const staff = await given(t.app).staff('admin');
  const finished: string[] = [];
  const flood = Array.from({ length: 200 }, (_, i) =>
    t.app.inject({ method: 'POST', url: '/api/enrol', payload: { code: junkCode(i) } }).then((response) => {
      finished.push(`enrol ${response.statusCode}`);
      return response;
    }),
  );
  // Sign in once the flood fills the enrolment lane's waiting room.
  while (argon2Queue.waiting('enrolment') < 8) await new Promise((resolve) => setImmediate(resolve));
  const signIn = t.app
    .inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: staff.username, password: staff.password },
    })
    .then((response) => {
      finished.push('sign-in');
      return response;
    });
  const responses = await Promise.all(flood);
  expect((await signIn).statusCode).toBe(200);

  const shed = responses.filter((response) => response.statusCode === 503);
  expect(shed.length).toBeGreaterThan(0);
  for (const response of shed) {
    expect(response.json()).toEqual({ error: 'overloaded', message: expect.any(String) });
    expect(response.headers['retry-after']).toBe('1');
  }
  for (const response of responses) expect([400, 429, 503]).toContain(response.statusCode);
  // The sign-in waited for the hashes already running, not behind the enrolments queued before it.
  const checked = finished.filter((entry) => entry === 'enrol 400');
  const signInAt = finished.indexOf('sign-in');
  const checkedBeforeSignIn = finished.slice(0, signInAt).filter((entry) => entry === 'enrol 400').length;
  expect(checked.length - checkedBeforeSignIn).toBeGreaterThanOrEqual(4);
});
