// Staff sign-in during an enrolment flood (issue 14: 600 junk enrolments made a sign-in take 6.4 s
// instead of 31 ms). One in-process app on embedded PGlite, over real HTTP: a sign-in's latency alone,
// then while 600 junk enrolments are fired at once, in the same run. Prints the medians and the ratio,
// and what the flood got back (429 from the overall limit, 503 shed by the argon2 queue, 400 checked).
//
//   npm run bench:login-flood          (ROUNDS overrides)
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { hashPassword } from '../server/shared/passwords.ts';
import { createStaff } from '../server/staff/queries.ts';
import { argon2Queue } from '../server/work-queue.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const FLOOD = 600;
const letters = 'ABCDEFGHJKMNPQRSTUVWXYZ';

const app = await buildApp(
  loadConfig({
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    MAX_EVENT_LOOP_DELAY_MS: '0',
  }),
);
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const password = 'bench-password-1234';
const post = (path: string, body: unknown, cookie = '') =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const quiet: number[] = [];
const flooded: number[] = [];
const outcomes = new Map<number, number>();
for (let round = 0; round < ROUNDS; round++) {
  const username = `bench-${round}`;
  await createStaff(app.db, {
    username,
    displayName: username,
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  // The sign-in's own browser: it signed in before, so it has its device cookie.
  const first = await post('/api/staff/login', { username, password });
  const device = /greenroom_device=[^;]+/.exec(first.headers.getSetCookie().join(', '))![0];
  const signIn = async () => {
    const started = performance.now();
    const response = await post('/api/staff/login', { username, password }, device);
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
    return performance.now() - started;
  };
  quiet.push(await signIn());
  await app.db.deleteFrom('throttle').execute(); // a fresh minute for the overall enrolment limit
  const flood = Array.from({ length: FLOOD }, (_, i) =>
    post('/api/enrol', {
      code: `${letters[i % 23]}${letters[Math.floor(i / 23) % 23]}${letters[round]}Q-4XRT-9HWP-2FNC`,
    }).then((response) => outcomes.set(response.status, (outcomes.get(response.status) ?? 0) + 1)),
  );
  // Sign in once the flood fills the argon2 queue.
  while (argon2Queue.waiting('enrolment') < 8) await new Promise((resolve) => setImmediate(resolve));
  flooded.push(await signIn());
  await Promise.all(flood);
}
await app.close();
console.log(`sign-in alone:        median ${median(quiet).toFixed(1)} ms over ${ROUNDS} rounds`);
console.log(
  `sign-in during flood: median ${median(flooded).toFixed(1)} ms (${FLOOD} junk enrolments fired at once)`,
);
console.log(`ratio flood/alone:    ${(median(flooded) / median(quiet)).toFixed(2)}×`);
console.log(
  `flood answers:        ${[...outcomes].map(([status, count]) => `${status}×${count}`).join(', ')}`,
);
