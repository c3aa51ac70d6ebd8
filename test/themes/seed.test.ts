import { expect, test } from 'vitest';
import { seedDemo } from '../../server/seed/index.ts';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';

const t = build();

test('the demo seed ends with themes built from its three months of published content', async () => {
  const result = await seedDemo(t.app);
  expect(result).not.toBeNull();
  await themesJob(t.app).idle();
  const response = await t.app.inject({ method: 'GET', url: '/api/themes' });
  const { themes } = response.json() as {
    themes: Array<{ label: string; trend: string; size: number; quotes: string[] }>;
  };
  expect(themes.length).toBeGreaterThanOrEqual(3);
  for (const theme of themes) expect(theme.quotes.length).toBeGreaterThan(0);
  const runs = await t.app.db.selectFrom('theme_run').select(['scope', 'item_count']).execute();
  expect(runs.map((run) => run.scope).sort()).toEqual(['all', 'public']);
  expect(result!.notes.some((note) => note.startsWith('Trending themes:'))).toBe(true);
  // The demo moderator's two corrections show: a renamed theme and a pinned one (first), audited.
  const corrections = await t.app.db.selectFrom('theme_correction').select(['kind', 'label']).execute();
  expect(corrections.map((c) => c.kind).sort()).toEqual(['pin', 'rename']);
  const renamed = await t.app.db
    .selectFrom('theme')
    .select('label')
    .where('scope', '=', 'all')
    .where('retired', '=', false)
    .where('label', '=', 'Staff car park spaces')
    .execute();
  expect(renamed).toHaveLength(1);
  const audited = await t.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'theme.%')
    .execute();
  expect(audited).toHaveLength(2);

  // What a new user sees first (printed for the record when this test runs).
  console.log(
    themes
      .map((theme) => `${theme.trend.padEnd(9)} ${String(theme.size).padStart(3)}  ${theme.label}`)
      .join('\n'),
  );
}, 120_000);
