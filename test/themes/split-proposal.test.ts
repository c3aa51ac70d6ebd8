import { beforeAll, describe, expect, it } from 'vitest';
import { shareAWord } from '../../server/themes/engine/label.ts';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { CANTEEN, daysAgo, mergeIntoOne, PARKING, publishSuggestions } from './fixtures.ts';

// "Propose a split": a theme a moderator made of two concerns (canteen merged into parking) gets back the
// comments of one of them, on the engine thread, and nothing is changed until the moderator splits.

const t = build({ JOB_TICK_MS: '600000' });
let moderator: SignedInStaff;
let parkingIds: Set<string>;
let canteenIds: Set<string>;
let merged: string;

interface ThemeJson {
  id: string;
  label: string;
  keywords: string[];
}
const modThemes = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: moderator.headers })).json()
    .themes as ThemeJson[];
const propose = (id: string, headers: Record<string, string> = moderator.headers) =>
  t.app.inject({ method: 'GET', url: `/api/mod/themes/${id}/split-proposal`, headers });

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  parkingIds = new Set(await publishSuggestions(t.app.db, PARKING, (i) => daysAgo(1 + ((i * 5) % 80))));
  canteenIds = new Set(await publishSuggestions(t.app.db, CANTEEN, (i) => daysAgo(2 + ((i * 7) % 80))));
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
  // Every theme merged into the first: one theme of two concerns.
  merged = await mergeIntoOne(t.app, moderator.headers);
});

describe('split proposal', () => {
  it("proposes one of the merged concerns' comments, and changes nothing", async () => {
    const rowsBefore = await t.app.db
      .selectFrom('theme_item')
      .select(['item_id', 'theme_id'])
      .where('scope', '=', 'all')
      .execute();
    const auditBefore = await t.app.db.selectFrom('audit_log').select('id').execute();
    const response = await propose(merged);
    expect(response.statusCode, response.body).toBe(200);
    const { itemIds, name, considered, distinctTexts } = response.json() as {
      itemIds: string[];
      name: string;
      considered: number;
      distinctTexts: number;
    };
    expect(considered).toBe(PARKING.length + CANTEEN.length);
    expect(distinctTexts).toBe(considered);
    // Every proposed comment is the merged theme's.
    const inTheme = new Set(rowsBefore.filter((row) => row.theme_id === merged).map((row) => row.item_id));
    expect(itemIds.every((id) => inTheme.has(id))).toBe(true);
    // Mostly one concern, and most of it: a split by chance would mix them.
    const canteen = itemIds.filter((id) => canteenIds.has(id)).length;
    const parking = itemIds.filter((id) => parkingIds.has(id)).length;
    const [own, other, of] =
      canteen >= parking ? [canteen, parking, canteenIds.size] : [parking, canteen, parkingIds.size];
    expect(own).toBeGreaterThanOrEqual(0.8 * of);
    expect(other).toBeLessThanOrEqual(1);
    expect(name).toMatch(canteen >= parking ? /canteen|food|lunch/i : /park|car/i);
    // Not the theme's own name: the part named as the theme stays, unless both parts would be.
    const { label } = (await modThemes())[0]!;
    expect(shareAWord(label, name)).toBe(false);
    // A proposal writes nothing.
    const rowsAfter = await t.app.db
      .selectFrom('theme_item')
      .select(['item_id', 'theme_id'])
      .where('scope', '=', 'all')
      .execute();
    expect(rowsAfter).toEqual(rowsBefore);
    expect(await t.app.db.selectFrom('audit_log').select('id').execute()).toHaveLength(auditBefore.length);
  });

  it('is for staff only, and answers bad ids with 4xx', async () => {
    expect((await propose(merged, {})).statusCode).toBe(401);
    const missing = await propose('00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    const bad = await propose('not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });

  it('answers 503 with a clear error when the themes engine is gone, not 500', async () => {
    await themesJob(t.app).close();
    const response = await propose(merged);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ error: 'themes_engine_unavailable', message: expect.any(String) });
    expect(response.headers['retry-after']).toBe('5');
  });
});
