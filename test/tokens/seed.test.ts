import { expect, test } from 'vitest';
import type { DemoSeedResult } from '../../server/seed/types.ts';
import { seed } from '../../server/tokens/seed.ts';
import { build } from '../helpers/build.ts';

const t = build();

test('the demo seed prints five working enrolment codes, stored only as hashes', async () => {
  const result: DemoSeedResult = {
    admin: { username: 'a', password: 'b' },
    moderator: { username: 'c', password: 'd' },
    notes: [],
  };
  await seed(t.app, result);
  const codes = result.notes
    .map((line) => line.trim())
    .filter((line) => /^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/.test(line));
  expect(codes).toHaveLength(5);
  const stored = await t.app.db.selectFrom('enrolment_code').select(['id', 'secret_hash']).execute();
  expect(stored).toHaveLength(5);
  expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace(/-/g, '').slice(8));
  const response = await t.app.inject({ method: 'POST', url: '/api/enrol', payload: { code: codes[0] } });
  expect(response.statusCode).toBe(201);
});
