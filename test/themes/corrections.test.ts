import { beforeAll, describe, expect, it } from 'vitest';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { CANTEEN, correctTheme, daysAgo, PARKING, type ThemeJson } from './fixtures.ts';

// Moderator corrections through the API: each is audited, kept by the engine on every later recompute,
// and shows in the employees' (public) snapshot too.

const t = build();
let moderator: SignedInStaff;

const modThemes = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: moderator.headers })).json()
    .themes as ThemeJson[];
const publicThemes = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/themes' })).json().themes as ThemeJson[];
const correct = (id: string, body: object, headers: Record<string, string> = moderator.headers) =>
  correctTheme(t.app, headers, id, body);
const recompute = () =>
  t.app.inject({ method: 'POST', url: '/api/mod/themes/recompute', headers: moderator.headers });
const about = (pattern: RegExp) => (theme: ThemeJson) =>
  pattern.test(`${theme.label} ${theme.keywords.join(' ')}`);

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  const facilities = await departmentId(t.app, 'Facilities');
  await t.app.db.transaction().execute(async (trx) => {
    for (const [i, text] of [...PARKING, ...CANTEEN].entries())
      await insertSuggestion(trx, {
        text,
        concernsDepartmentId: facilities,
        ownDepartmentId: null,
        moderation: 'published',
        reviewed: true,
        piiFlags: [],
        day: daysAgo(1 + ((i * 5) % 80)),
      });
  });
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
});

describe('moderator corrections', () => {
  it('rename holds across recomputes, for moderators and employees, and is audited', async () => {
    const canteen = (await modThemes()).find(about(/canteen|lunch|food/i))!;
    expect(canteen).toBeDefined();
    const response = await correct(canteen.id, { kind: 'rename', label: 'Canteen food and prices' });
    expect(response.statusCode, response.body).toBe(200);
    expect((await recompute()).statusCode).toBe(200);
    expect((await modThemes()).find((theme) => theme.id === canteen.id)?.label).toBe(
      'Canteen food and prices',
    );
    expect((await publicThemes()).some((theme) => theme.label === 'Canteen food and prices')).toBe(true);
    const logged = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'theme.rename')
      .where('target_id', '=', canteen.id)
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.staff_username).toBe(moderator.username);
  });

  it('merge and pin hold across recomputes; the merged theme is gone everywhere', async () => {
    const before = await modThemes();
    const canteen = before.find((theme) => theme.label === 'Canteen food and prices')!;
    const parking = before.find(about(/park/i))!;
    expect(parking).toBeDefined();
    expect((await correct(parking.id, { kind: 'merge', into: canteen.id })).statusCode).toBe(200);
    expect((await correct(canteen.id, { kind: 'pin' })).statusCode).toBe(200);
    expect((await recompute()).statusCode).toBe(200);
    expect((await recompute()).statusCode).toBe(200);
    const after = await modThemes();
    expect(after.map((theme) => theme.id)).not.toContain(parking.id);
    const merged = after.find((theme) => theme.id === canteen.id)!;
    expect(merged.label).toBe('Canteen food and prices');
    expect(merged.size).toBeGreaterThanOrEqual(canteen.size + parking.size - 2);
    expect(after[0]!.id).toBe(canteen.id);
    const employees = await publicThemes();
    expect(employees[0]!.label).toBe('Canteen food and prices');
  });

  it('hide as noise holds across recomputes', async () => {
    const canteen = (await modThemes()).find((theme) => theme.label === 'Canteen food and prices')!;
    expect((await correct(canteen.id, { kind: 'hide' })).statusCode).toBe(200);
    expect((await recompute()).statusCode).toBe(200);
    expect((await modThemes()).some((theme) => theme.label === 'Canteen food and prices')).toBe(false);
    expect((await publicThemes()).some((theme) => theme.label === 'Canteen food and prices')).toBe(false);
  });

  it('lists the corrections in force, and undoing one (unhide, then unpin) takes effect everywhere, audited', async () => {
    const corrections = async () =>
      (
        await t.app.inject({ method: 'GET', url: '/api/mod/themes/corrections', headers: moderator.headers })
      ).json().corrections as Array<{ id: string; kind: string; themeId: string; themeLabel: string | null }>;
    const listed = await corrections();
    expect(listed.map((c) => c.kind)).toEqual(['hide', 'pin', 'merge', 'rename']);
    const hide = listed[0]!;
    // Hidden, it is no theme now: the list says so instead of naming it.
    expect(hide.themeLabel).toBeNull();
    const undo = (id: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/mod/themes/corrections/${id}`,
        headers: moderator.headers,
      });
    expect((await undo(hide.id)).statusCode).toBe(200);
    const back = (await modThemes()).find((theme) => theme.label === 'Canteen food and prices');
    expect(back).toMatchObject({ id: hide.themeId, pinned: true });
    expect((await modThemes())[0]!.id).toBe(hide.themeId);
    expect((await publicThemes()).some((theme) => theme.label === 'Canteen food and prices')).toBe(true);
    const pin = (await corrections()).find((c) => c.kind === 'pin')!;
    expect(pin.themeLabel).toBe('Canteen food and prices');
    expect((await undo(pin.id)).statusCode).toBe(200);
    expect((await modThemes()).find((theme) => theme.id === hide.themeId)?.pinned).toBe(false);
    expect((await corrections()).map((c) => c.kind)).toEqual(['merge', 'rename']);
    const logged = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'staff_username'])
      .where('action', '=', 'theme.undo')
      .execute();
    expect(logged).toEqual([
      { action: 'theme.undo', staff_username: moderator.username },
      { action: 'theme.undo', staff_username: moderator.username },
    ]);
    // Gone is gone; a malformed id is a clear 400.
    expect((await undo(pin.id)).json()).toMatchObject({ error: 'not_found' });
    expect((await undo('nope')).statusCode).toBe(400);
  });

  it('refuses bad input, unknown themes and non-moderators', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const unknown = await correct(id, { kind: 'pin' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
    const anyTheme = (await modThemes())[0]!;
    for (const body of [
      { kind: 'rename', label: '' },
      { kind: 'explode' },
      { kind: 'merge', into: 'x' },
      {},
    ]) {
      const bad = await correct(anyTheme.id, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error).toBe('invalid_request');
    }
    const self = await correct(anyTheme.id, { kind: 'merge', into: anyTheme.id });
    expect(self.statusCode).toBe(400);
    const anonymous = await correct(anyTheme.id, { kind: 'pin' }, {});
    expect(anonymous.statusCode).toBe(401);
  });
});
