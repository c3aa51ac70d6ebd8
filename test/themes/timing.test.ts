import { expect, test } from 'vitest';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';

// Issue 13: anyone polling the public themes must not learn when someone wrote. A pending suggestion
// changes nothing an employee can see — neither the themes nor their timestamp.
const t = build();

const publicThemes = async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/themes' });
  expect(response.statusCode).toBe(200);
  return response.json() as { computedAt: string | null; asOf: string | null };
};

test('a pending submission does not move the public computedAt (coarse, on a fixed schedule)', async () => {
  const moderator = await given(t.app).staff('moderator');
  await themesJob(t.app).idle();
  const before = await publicThemes();

  const member = await enrolMember(t.app);
  const [token] = await member.tokens('general', 1);
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/suggestions',
    headers: { authorization: token },
    payload: { text: 'The late shift rota in the Leeds branch is published too late to plan childcare.' },
  });
  expect(submitted.statusCode).toBe(201);
  // Wait for the recompute the submission may cause (the moderators' view follows it).
  await themesJob(t.app).idle();
  const mod = await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: moderator.headers });
  expect(mod.json().itemCount).toBe(1);

  const after = await publicThemes();
  expect(after.computedAt).toBe(before.computedAt);
  // Published timestamps are floored to the hour: a poller learns at most which hour a scheduled run fell in.
  if (after.computedAt) expect(after.computedAt).toMatch(/T\d\d:00:00\.000Z$/);
});
