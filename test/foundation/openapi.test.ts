import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { build } from '../helpers/build.ts';

// The OpenAPI document is the public contract: a refactor must leave it byte-identical. A deliberate
// change rewrites the snapshot with GREENROOM_UPDATE_OPENAPI=1 and shows up as a reviewed diff.
const snapshot = new URL('./openapi.json.snap', import.meta.url);

const t = build();

test('the OpenAPI document is byte-identical to the reviewed snapshot', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  if (process.env.GREENROOM_UPDATE_OPENAPI === '1') writeFileSync(snapshot, response.body);
  expect(response.body).toBe(readFileSync(snapshot, 'utf8'));
});
