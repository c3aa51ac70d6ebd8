import { expect, test } from 'vitest';
import { seedDemo } from '../../server/seed/index.ts';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { addDays, today } from '../../server/shared/days.ts';
import { isoWeek } from '../../server/shared/weeks.ts';

const t = build();

test('the demo bank’s customer voice: comments, stories on backstage pages, themes a moderator would accept', async () => {
  const result = await seedDemo(t.app);
  expect(result!.notes.some((note) => note.startsWith('customer voice: 560 customer comments'))).toBe(true);
  const stored = await t.app.db.selectFrom('customer_feedback').select(['text', 'day']).execute();
  expect(stored).toHaveLength(560);
  // Redacted like an upload: no name, phone or account number from the templates survives.
  const all = stored.map((row) => row.text).join('\n');
  expect(all).not.toMatch(/07700|Mrs Patel|Sarah Jones|jane\.doe/);
  expect(all).toContain('[phone]');
  const days = stored.map((row) => String(row.day)).sort();
  expect(new Set(days.map((day) => day.slice(0, 7))).size).toBeGreaterThanOrEqual(3);

  const underwriting = await t.app.db
    .selectFrom('department')
    .select('id')
    .where('name', '=', 'Underwriting')
    .executeTakeFirstOrThrow();
  const page = (
    await t.app.inject({ method: 'GET', url: `/api/departments/${underwriting.id}/customer-voice` })
  ).json();
  expect(page.stories.length).toBeGreaterThan(0);
  expect(
    page.trend.filter((month: { nps: number | null }) => month.nps !== null).length,
  ).toBeGreaterThanOrEqual(2);

  await themesJob(t.app).recompute(['all']);
  const moderator = await given(t.app).staff('moderator');
  const drivers = (
    await t.app.inject({ method: 'GET', url: '/api/mod/customer-voice/drivers', headers: moderator.headers })
  ).json();
  const labels = drivers.drivers.map(
    (driver: { label: string; lift: number }) => `${driver.lift.toFixed(2)} ${driver.label}`,
  );
  console.log(labels.join('\n'));
  expect(drivers.drivers.length).toBeGreaterThanOrEqual(4);
  const text = drivers.drivers
    .map((driver: { label: string; keywords: string[] }) => [driver.label, ...driver.keywords].join(' '))
    .join(' | ')
    .toLowerCase();
  for (const topic of ['valuation', 'app', 'letter', 'hold']) expect(text).toContain(topic);

  // The weekly digest of last week (a whole week, whatever day the test runs): most backstage teams have a
  // score, themes and stories to show; customer themes stand beside employee themes.
  const lastWeek = isoWeek(addDays(today(), -7));
  const teams = await t.app.db
    .selectFrom('department')
    .select('id')
    .where('kind', '=', 'backstage')
    .execute();
  const digests = await Promise.all(
    teams.map(async ({ id }) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/departments/${id}/customer-voice/digest?week=${lastWeek}`,
        })
      ).json(),
    ),
  );
  const scored = digests.filter(
    (digest) =>
      digest.responses !== null && Object.values(digest.scores).some((score: any) => score.value !== null),
  );
  expect(scored.length).toBeGreaterThanOrEqual(3);
  expect(digests.filter((digest) => digest.themes.length > 0).length).toBeGreaterThanOrEqual(2);
  expect(digests.filter((digest) => digest.stories.length > 0).length).toBeGreaterThanOrEqual(3);
  // The top detractor driver is a pain point, the bottom one praise.
  expect(drivers.drivers[0].detractors).toBeGreaterThan(drivers.drivers[0].promoters);
  expect(drivers.drivers.at(-1).promoters).toBeGreaterThan(drivers.drivers.at(-1).detractors);
}, 180_000);
