import { describe, expect, test } from 'vitest';
import { createDepartment } from '../../server/shared/departments.ts';
import { seed as seedKudos } from '../../server/kudos/seed.ts';
import { seed as seedPulses } from '../../server/pulses/seed.ts';
import { DEMO_DEPARTMENTS } from '../../server/seed/departments.ts';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';

const t = build();

describe('demo seed', () => {
  test('kudos and pulses seed realistic content: featured stories, a queue, an open pulse with suppressed breakdowns', async () => {
    for (const department of DEMO_DEPARTMENTS) await createDepartment(t.app.db, department);
    const result = {
      admin: { username: 'a', password: 'b' },
      moderator: { username: 'c', password: 'd' },
      notes: [] as string[],
    };
    await seedKudos(t.app, result);
    await seedPulses(t.app, result);
    expect(result.notes).toHaveLength(2);

    const kudos = (await t.app.inject({ method: 'GET', url: '/api/kudos' })).json();
    expect(kudos.total).toBeGreaterThanOrEqual(35);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/kudos/featured' })).json().items.length,
    ).toBeGreaterThanOrEqual(3);
    // The 30-day recognition ranking ranks several teams; counts of published stories are shown as they are.
    const recognition = (await t.app.inject({ method: 'GET', url: '/api/kudos/recognition' })).json();
    const ranked = recognition.departments.filter((row: { rank: number | null }) => row.rank !== null);
    expect(ranked.length).toBeGreaterThanOrEqual(5);
    expect(recognition.departments.every((row: { suppressed: boolean }) => !row.suppressed)).toBe(true);
    const moderator = await given(t.app).staff('moderator');
    const queue = (
      await t.app.inject({ method: 'GET', url: '/api/mod/kudos', headers: moderator.headers })
    ).json();
    expect(queue.items.some((item: { piiFlags: string[] }) => item.piiFlags.includes('person-name'))).toBe(
      true,
    );

    const current = await t.app.inject({ method: 'GET', url: '/api/pulses/current' });
    expect(current.statusCode).toBe(200);
    const pulses = (
      await t.app.inject({ method: 'GET', url: '/api/mod/pulses', headers: moderator.headers })
    ).json().pulses;
    expect(pulses).toHaveLength(12);
    for (const pulse of pulses) expect(pulse.answers).toBeGreaterThanOrEqual(20);
    const results = (
      await t.app.inject({
        method: 'GET',
        url: `/api/mod/pulses/${pulses[1].id}/results`,
        headers: moderator.headers,
      })
    ).json();
    expect(results.breakdown.some((row: { suppressed: boolean }) => row.suppressed)).toBe(true);
    // The eNPS line: the six closed 0–10 pulses; the open pulse's comments wait for a moderator.
    expect(results.trend.length).toBe(6);
    expect(results.trend.every((point: { scale: string }) => point.scale === '0-10')).toBe(true);
    expect(results.comments.length).toBeGreaterThan(0);
  });
});
