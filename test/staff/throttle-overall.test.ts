import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';

// Its own file (its own app): it spends the overall sign-in limit for a minute.
const t = build();

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } });

test('a spray of junk logins over many usernames hits the overall limit (both limits enforced, not only the first)', async () => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 130; attempt++)
    statuses.push((await login(`junk-${attempt}`, 'not-the-password')).statusCode);
  expect(statuses.slice(0, 120).every((status) => status === 401)).toBe(true);
  expect(statuses.slice(120).every((status) => status === 429)).toBe(true);
});

test('junk enrolments over many codes hit the overall enrolment limit', async () => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 125; attempt++) {
    const letters = 'ABCDEFGHJKMNPQRSTUVWXYZ';
    const code = `${letters[attempt % 23]}${letters[Math.floor(attempt / 23)]}CD-ABCD-EFGH-JKMN`;
    statuses.push((await t.app.inject({ method: 'POST', url: '/api/enrol', payload: { code } })).statusCode);
  }
  expect(statuses.slice(0, 120).every((status) => status === 400)).toBe(true);
  expect(statuses.slice(120).every((status) => status === 429)).toBe(true);
});
