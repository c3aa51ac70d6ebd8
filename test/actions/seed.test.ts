import { expect, test } from 'vitest';
import { seedDemo } from '../../server/seed/index.ts';
import { build } from '../helpers/build.ts';

const t = build();

test('the demo seed puts actions made from its themes on the board, audited', async () => {
  const result = await seedDemo(t.app);
  expect(result!.notes.some((note) => note.startsWith('Actions from themes:'))).toBe(true);
  const { actions } = (await t.app.inject({ method: 'GET', url: '/api/actions' })).json() as {
    actions: Array<{ title: string; status: string; response: string | null; updatedDay: string }>;
  };
  expect(actions.length).toBeGreaterThanOrEqual(2);
  const outages = actions.find((action) => /loan origination/i.test(action.title));
  expect(outages).toMatchObject({ status: 'in_progress' });
  expect(outages!.response).toBeTruthy();
  // Most recently updated first.
  const days = actions.map((action) => action.updatedDay);
  expect(days).toEqual([...days].sort().reverse());
  // Each came from a theme and went through the audited service.
  const rows = await t.app.db.selectFrom('theme_action').select(['id', 'theme_id']).execute();
  expect(rows.every((row) => row.theme_id !== null)).toBe(true);
  const audits = await t.app.db
    .selectFrom('audit_log')
    .select('target_id')
    .where('action', '=', 'action.create')
    .execute();
  expect(audits.map((audit) => audit.target_id).sort()).toEqual(rows.map((row) => row.id).sort());
});
