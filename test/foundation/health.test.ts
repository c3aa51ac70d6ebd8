import { expect, test } from 'vitest';
import { build, testDatabase } from '../helpers/build.ts';

const t = build();

test(`health answers ok once migrations ran (${testDatabase})`, async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ status: 'ok' });
  expect(t.app.database.kind).toBe(testDatabase);
});

test('unknown API paths get the JSON error shape', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/nope' });
  expect(response.statusCode).toBe(404);
  expect(response.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
});
