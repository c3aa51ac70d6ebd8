import { beforeAll, describe, expect, it } from 'vitest';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { CANTEEN, correctTheme, daysAgo, PARKING, publishSuggestions, type ThemeJson } from './fixtures.ts';

// A theme hidden as noise and then brought back is the same theme: same id (an action made from it still
// links to its card), same comments, for moderators and employees. With no other correction on it, it
// used to come back under a new id: a recompute matched it against the hidden theme's name alone.

const t = build();
let moderator: SignedInStaff;

const themes = async (url: string) =>
  (await t.app.inject({ method: 'GET', url, headers: moderator.headers })).json().themes as ThemeJson[];
const aboutParking = (theme: ThemeJson) => /park/i.test(`${theme.label} ${theme.keywords.join(' ')}`);
const recompute = () =>
  t.app.inject({ method: 'POST', url: '/api/mod/themes/recompute', headers: moderator.headers });

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  await publishSuggestions(t.app.db, [...PARKING, ...CANTEEN], (i) => daysAgo(1 + ((i * 5) % 80)));
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
});

describe('a theme hidden and brought back', () => {
  it('keeps its id and its comments, for moderators and employees', async () => {
    const before = await themes('/api/mod/themes');
    const publicBefore = await themes('/api/themes');
    const parking = before.find(aboutParking)!;
    expect(parking).toBeDefined();
    const hidden = await correctTheme(t.app, moderator.headers, parking.id, { kind: 'hide' });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect((await recompute()).statusCode).toBe(200);
    expect((await themes('/api/mod/themes')).map((theme) => theme.id)).not.toContain(parking.id);
    expect((await themes('/api/themes')).length).toBe(publicBefore.length - 1);
    // Its comments are kept on its retired row (and on no theme_item row).
    const stored = () =>
      t.app.db
        .selectFrom('theme')
        .select(['retired', 'hidden_items'])
        .where('scope', '=', 'all')
        .where('id', '=', parking.id)
        .executeTakeFirstOrThrow();
    expect(await stored()).toMatchObject({ retired: true });
    expect((await stored()).hidden_items).toHaveLength(parking.size);

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/mod/themes/corrections',
      headers: moderator.headers,
    });
    const { id } = (listed.json().corrections as Array<{ id: string; kind: string }>).find(
      (correction) => correction.kind === 'hide',
    )!;
    const undone = await t.app.inject({
      method: 'DELETE',
      url: `/api/mod/themes/corrections/${id}`,
      headers: moderator.headers,
    });
    expect(undone.statusCode, undone.body).toBe(200);
    const ids = (list: ThemeJson[]) => list.map((theme) => `${theme.id} ${theme.size}`).sort();
    expect(ids(await themes('/api/mod/themes'))).toEqual(ids(before));
    expect(ids(await themes('/api/themes'))).toEqual(ids(publicBefore));
    expect(await stored()).toEqual({ retired: false, hidden_items: null });
    // And it stays so on the next recompute.
    expect((await recompute()).statusCode).toBe(200);
    expect(ids(await themes('/api/mod/themes'))).toEqual(ids(before));
  });
});
