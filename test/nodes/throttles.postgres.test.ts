import type { FastifyInstance } from 'fastify';
import { expect, test } from 'vitest';
import { CODE_BUDGET } from '../../server/tokens/codes.ts';
import { given } from '../helpers/given.ts';
import { buildTwoNodes } from '../helpers/nodes.ts';

// Node A (the test app) and node B on one Postgres database with one master secret: every limit
// counts once for the whole deployment, not once per node.
const nodes = buildTwoNodes();
const { t } = nodes;

const login = (node: FastifyInstance, username: string, password: string) =>
  node.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } });

test('sign-in back-off counts guesses on both nodes together', async () => {
  const staff = await given(t.app).staff('moderator');
  const statuses: number[] = [];
  // Alternate nodes: per node that is three guesses, well under the five free ones each would allow.
  for (let attempt = 0; attempt < 6; attempt++)
    statuses.push(
      (await login(attempt % 2 ? nodes.nodeB : t.app, staff.username, `guess-${attempt}-xx`)).statusCode,
    );
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses[5]).toBe(429);
  expect((await login(nodes.nodeB, staff.username, staff.password)).statusCode).toBe(429);
});

test('the overall enrolment limit counts attempts on both nodes together', async () => {
  const letters = 'ABCDEFGHJKMNPQRSTUVWXYZ';
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 124; attempt++) {
    const code = `${letters[attempt % 23]}${letters[Math.floor(attempt / 23)]}ZZ-ABCD-EFGH-JKMN`;
    const node = attempt % 2 ? nodes.nodeB : t.app;
    statuses.push((await node.inject({ method: 'POST', url: '/api/enrol', payload: { code } })).statusCode);
  }
  expect(statuses.slice(0, 120).every((status) => status === 400)).toBe(true);
  expect(statuses.slice(120)).toEqual([429, 429, 429, 429]);
});

test('the enrolment-code budget (1000 per 10 minutes) is one budget for both nodes', async () => {
  const admin = await given(t.app).staff('admin');
  const generate = (node: FastifyInstance, count: number) =>
    node.inject({
      method: 'POST',
      url: '/api/admin/enrolment-codes',
      headers: admin.headers,
      payload: { count },
    });
  expect((await generate(t.app, 3)).statusCode).toBe(201);
  // Stands in for 995 codes generated on node B (hashing them for real takes a minute on CI).
  expect(await nodes.nodeB.throttle.take([CODE_BUDGET], { cost: 995 })).toBeNull();
  const refused = await generate(nodes.nodeB, 3);
  expect(refused.statusCode).toBe(429);
  expect(refused.json().message).toContain('2 can be generated now');
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
  expect((await generate(t.app, 2)).statusCode).toBe(201);
  expect((await generate(nodes.nodeB, 1)).statusCode).toBe(429);
});
