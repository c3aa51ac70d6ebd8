import { beforeAll, expect, it } from 'vitest';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { CANTEEN, daysAgo, mergeIntoOne, PARKING, publishSuggestions } from './fixtures.ts';

// A split's name labels the employees' themes too, so a proposal must not name a part from comments that
// are not published: the attack is a theme whose odd part is held for moderation — its words would become
// the name a moderator accepts with one click, and reach every employee.

const t = build({ JOB_TICK_MS: '600000' });
let moderator: SignedInStaff;
let pending: Set<string>;
let merged: string;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  await publishSuggestions(t.app.db, PARKING, (i) => daysAgo(1 + ((i * 5) % 80)));
  pending = new Set(
    await publishSuggestions(t.app.db, CANTEEN.slice(0, 6), (i) => daysAgo(2 + i * 9), { pending: true }),
  );
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
  merged = await mergeIntoOne(t.app, moderator.headers);
  // Named by a moderator for neither part, so the proposal goes to the smaller one: the held comments.
  const renamed = await t.app.inject({
    method: 'POST',
    url: `/api/mod/themes/${merged}/corrections`,
    headers: moderator.headers,
    payload: { kind: 'rename', label: 'Facilities' },
  });
  expect(renamed.statusCode, renamed.body).toBe(200);
});

it('names no part from comments held for moderation', async () => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/mod/themes/${merged}/split-proposal`,
    headers: moderator.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  const { itemIds, name } = response.json() as { itemIds: string[]; name: string };
  // The proposal is the held canteen comments (so a name could only come from them)…
  expect(itemIds.filter((id) => pending.has(id)).length).toBeGreaterThanOrEqual(5);
  expect(itemIds.every((id) => pending.has(id))).toBe(true);
  // …and it has none: every word of a name must stand in a published comment.
  expect(name).toBe('');
});
