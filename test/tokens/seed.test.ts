import { expect, test } from 'vitest';
import { createDepartment } from '../../server/shared/departments.ts';
import { DEMO_DEPARTMENTS } from '../../server/seed/departments.ts';
import type { DemoSeedResult } from '../../server/seed/types.ts';
import { seed } from '../../server/tokens/seed.ts';
import { build } from '../helpers/build.ts';

const t = build();

test('the demo seed prints five working per-department codes and a public roll-out history', async () => {
  for (const department of DEMO_DEPARTMENTS) await createDepartment(t.app.db, department);
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
  expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace(/-/g, '').slice(8));
  const response = await t.app.inject({ method: 'POST', url: '/api/enrol', payload: { code: codes[0] } });
  expect(response.statusCode).toBe(201);
  expect(response.json().departmentId).toEqual(expect.any(String));

  const transparency = (await t.app.inject({ url: '/api/transparency/enrolment' })).json();
  const legal = transparency.departments.find(
    (row: { department: { name: string } | null }) => row.department?.name === 'Legal & Compliance',
  );
  expect(legal.members).toBe(6);
  expect(legal.weeks.length).toBeGreaterThan(0);
  expect(legal.minted).toBeGreaterThan(legal.members);
});
