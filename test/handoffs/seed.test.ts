import { expect, test } from 'vitest';
import { seedDemo } from '../../server/seed/index.ts';
import { build } from '../helpers/build.ts';

const t = build();

interface Cell {
  period: string;
  suppressed: boolean;
  ratings: number | null;
  effort: number | null;
}

test('the demo seed gives most backstage teams scores above k and keeps a couple hidden', async () => {
  expect(await seedDemo(t.app)).not.toBeNull();
  const { teams } = (await t.app.inject({ method: 'GET', url: '/api/handoffs/teams' })).json() as {
    teams: Array<{ id: string; name: string; requestTypes: unknown[] }>;
  };
  expect(teams.length).toBe(7);
  for (const team of teams) expect(team.requestTypes.length).toBeGreaterThan(0);
  const shown = new Map<string, Cell[]>();
  for (const team of teams) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/handoffs/departments/${team.id}/scorecard`,
    });
    expect(response.statusCode).toBe(200);
    const card = response.json() as { cells: Cell[]; quarter: Cell; comments: unknown[] };
    shown.set(team.name, card.cells);
  }
  const scored = [...shown.entries()].filter(([, cells]) => cells.some((cell) => !cell.suppressed));
  expect(scored.length).toBeGreaterThanOrEqual(4);
  // HR is rated by fewer than k people in every month; so is Facilities.
  expect(shown.get('HR')!.every((cell) => cell.suppressed)).toBe(true);
  expect(shown.get('Facilities')!.every((cell) => cell.suppressed)).toBe(true);
  // Comments wait for a moderator, kudos alerts became kudos stories.
  const pending = await t.app.db
    .selectFrom('handoff_rating')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('comment_moderation', '=', 'pending')
    .executeTakeFirstOrThrow();
  expect(Number(pending.n)).toBeGreaterThan(0);
  const alerts = await t.app.db
    .selectFrom('handoff_rating')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kudos_alert', '=', true)
    .executeTakeFirstOrThrow();
  expect(Number(alerts.n)).toBe(5);
  console.log(
    [...shown.entries()]
      .map(
        ([name, cells]) =>
          `${name.padEnd(20)} ${cells.map((c) => (c.suppressed ? 'hidden' : `${c.ratings}:${c.effort}`)).join('  ')}`,
      )
      .join('\n'),
  );
}, 120_000);
