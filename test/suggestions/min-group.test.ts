import { expect, test } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import { build } from '../helpers/build.ts';
import { givenMembers } from '../helpers/departments.ts';
import { departmentId, published } from './helpers.ts';

// A database of its own: complementary suppression depends on every published item.
const t = build();

const board = async () => (await t.app.inject({ method: 'GET', url: '/api/suggestions?sort=top' })).json();

test('a team under k cannot be recovered by subtracting the shown teams from the total', async () => {
  await updateSettings(t.app.db, { minimumGroupSize: 5 });
  const branches = await departmentId(t.app, 'Branches', 'frontstage');
  const legal = await departmentId(t.app, 'Legal & Compliance');
  await givenMembers(t.app, branches, 10);
  await givenMembers(t.app, legal, 10);
  for (let i = 0; i < 6; i++) await published(t.app, { ownDepartmentId: branches });
  for (let i = 0; i < 3; i++) await published(t.app, { ownDepartmentId: legal });

  // Branches (6) alone would reveal Legal's 3 as 9 − 6: so Branches is hidden too, everywhere.
  let result = await board();
  expect(result.voices).toEqual([{ department: null, count: 9 }]);
  expect(result.items.some((item: Record<string, unknown>) => 'ownDepartment' in item)).toBe(false);

  // Two more people who did not say: the leftover (3 + 2) is now ≥ k, so Branches can be shown.
  await published(t.app);
  await published(t.app);
  result = await board();
  expect(result.voices).toEqual([
    { department: { id: branches, name: 'Branches' }, count: 6 },
    { department: null, count: 5 },
  ]);
  const labelled = result.items.filter((item: { ownDepartment?: { id: string } }) => item.ownDepartment);
  expect(labelled).toHaveLength(6);
  expect(
    labelled.every((item: { ownDepartment: { id: string } }) => item.ownDepartment.id === branches),
  ).toBe(true);
  expect(JSON.stringify(result)).not.toContain(legal);
});

test('with fewer than k published items nothing is broken down at all', async () => {
  await updateSettings(t.app.db, { minimumGroupSize: 50 });
  const result = await board();
  expect(result.voices).toEqual([]);
  expect(result.items.some((item: Record<string, unknown>) => 'ownDepartment' in item)).toBe(false);
  await updateSettings(t.app.db, { minimumGroupSize: 5 });
});
