// Issue 20: the pulse comments and customer stories queues get the bulk decisions and search/sort the
// suggestions queue has, through the shared moderation pieces: each item decided and audited on its own.
import { beforeAll, describe, expect, test } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { dayOffset, givenPulse, repeat } from '../pulses/helpers.ts';
import { csv, upload } from '../customer-voice/helpers.ts';

const t = build();
let moderator: SignedInStaff;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  await updateSettings(t.app.db, { moderationMode: 'pre', minimumGroupSize: 5 });
});

const post = (url: string, payload: object, headers: Record<string, string> = moderator.headers) =>
  t.app.inject({ method: 'POST', url, headers, payload });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: moderator.headers });
const auditActions = async (prefix: string) =>
  (
    await t.app.db.selectFrom('audit_log').select('action').where('action', 'like', `${prefix}%`).execute()
  ).map((row) => row.action);

describe("a pulse's comments in bulk", () => {
  test('publishes several at once, each audited; hiding needs one reason for all; another pulse’s comment is refused', async () => {
    const comments = [
      'The late shift has no canteen.',
      'Training days were great.',
      'Parking is full by eight.',
    ];
    const pulseId = await givenPulse(t.app, { opensOn: dayOffset(0), closesOn: dayOffset(0) }, [
      ...comments.map((comment) => ({ score: 7, comment })),
      ...repeat(3, { score: 8 }),
    ]);
    const other = await givenPulse(t.app, { opensOn: dayOffset(-40), closesOn: dayOffset(-39) }, [
      { score: 3, comment: 'Somewhere else entirely.' },
      ...repeat(4, { score: 5 }),
    ]);
    // Pre-moderation: every comment waits for a decision.
    await t.app.db
      .updateTable('pulse_response')
      .set({ comment_moderation: 'pending' })
      .where('comment', 'is not', null)
      .execute();
    const listed = (await get(`/api/mod/pulses/${pulseId}/results`)).json().comments;
    expect(listed.map((comment: { moderation: string }) => comment.moderation)).toEqual(repeat(3, 'pending'));
    const ids = listed.map((comment: { id: string }) => comment.id);
    const strayId = (await get(`/api/mod/pulses/${other}/results`)).json().comments[0].id;
    const base = `/api/mod/pulses/${pulseId}/comments/decisions`;

    const noReason = await post(base, { ids, decision: { action: 'hide' } });
    expect([noReason.statusCode, noReason.json().error]).toEqual([400, 'reason_required']);

    const published = await post(base, { ids: [ids[0], ids[1], strayId], decision: { action: 'publish' } });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      done: 2,
      results: [
        { id: ids[0], ok: true },
        { id: ids[1], ok: true },
        { id: strayId, ok: false, error: 'not_found' },
      ],
    });
    const hidden = await post(base, {
      ids: [ids[2]],
      decision: { action: 'hide', reason: 'Names a site manager.' },
    });
    expect(hidden.json().done).toBe(1);
    const after = (await get(`/api/mod/pulses/${pulseId}/results`)).json().comments;
    expect(after.map((comment: { moderation: string }) => comment.moderation)).toEqual([
      'published',
      'published',
      'hidden',
    ]);
    expect(await auditActions('pulse-comment.')).toEqual([
      'pulse-comment.publish',
      'pulse-comment.publish',
      'pulse-comment.hide',
    ]);
    // The stray comment of the other pulse was left alone.
    expect((await get(`/api/mod/pulses/${other}/results`)).json().comments[0].moderation).toBe('pending');
  });

  test('below k answers nothing is decided, in bulk neither; employees cannot reach the route', async () => {
    const small = await givenPulse(t.app, { opensOn: dayOffset(-80), closesOn: dayOffset(-79) }, [
      { score: 3, comment: 'Only three of us answered this.' },
      ...repeat(2, { score: 5 }),
    ]);
    const [row] = await t.app.db
      .selectFrom('pulse_response')
      .select('id')
      .where('pulse_id', '=', small)
      .where('comment', 'is not', null)
      .execute();
    const response = await post(`/api/mod/pulses/${small}/comments/decisions`, {
      ids: [row!.id],
      decision: { action: 'publish' },
    });
    expect(response.json()).toMatchObject({
      done: 0,
      results: [{ ok: false, error: 'below_minimum_group' }],
    });
    expect(
      (
        await post(
          `/api/mod/pulses/${small}/comments/decisions`,
          { ids: [row!.id], decision: { action: 'publish' } },
          {},
        )
      ).statusCode,
    ).toBe(401);
  });
});

describe('the customer story queue in bulk, with search and sort', () => {
  test('dismisses several at once and brings them back; search and sort; tab counts', async () => {
    const underwriting = await departmentId(t.app, 'Underwriting');
    const rows = [
      ['a', 'The valuation was booked the same day and the surveyor was friendly and on time', '2026-10-01'],
      [
        'b',
        'The offer letter took three weeks and nobody could tell us why it was delayed so long',
        '2026-10-05',
      ],
      [
        'c',
        'Our offer arrived quickly after the valuation and the underwriter called to explain it',
        '2026-10-09',
      ],
    ].map(([id, text, day]) => `${id},"${text}",8,${day},web,offer`);
    expect((await upload(t.app, moderator.cookie, csv(...rows))).json()).toMatchObject({ imported: 3 });
    await post('/api/mod/customer-voice/rules', { departmentId: underwriting, stage: 'offer' });
    const queue = async (query = '') =>
      (await get(`/api/mod/customer-voice/stories/queue${query}`)).json().items;
    const texts = (items: Array<{ text: string }>) => items.map((item) => item.text.slice(0, 12));
    expect(texts(await queue())).toEqual(['Our offer ar', 'The offer le', 'The valuatio']);
    expect(texts(await queue('?sort=oldest'))).toEqual(['The valuatio', 'The offer le', 'Our offer ar']);
    expect(texts(await queue('?q=VALUATION'))).toEqual(['Our offer ar', 'The valuatio']);
    expect((await get('/api/mod/customer-voice/stories/queue?sort=votes')).statusCode).toBe(400);

    const ids = (await queue('?q=valuation')).map((item: { id: string }) => item.id);
    const base = '/api/mod/customer-voice/stories/queue/decisions';
    const dismissed = await post(base, { ids, decision: { action: 'dismiss' } });
    expect(dismissed.json()).toMatchObject({ done: 2 });
    expect(texts(await queue())).toEqual(['The offer le']);
    expect(texts(await queue('?status=dismissed'))).toEqual(['Our offer ar', 'The valuatio']);
    expect((await get('/api/mod/customer-voice/stories/queue/counts')).json()).toEqual({
      queue: 1,
      dismissed: 2,
    });
    // Dismissing again is refused for that item alone; restoring brings one back.
    const again = await post(base, { ids: [ids[0]], decision: { action: 'dismiss' } });
    expect(again.json().results[0]).toMatchObject({ ok: false, error: 'not_in_queue' });
    const restored = await post(base, { ids: [ids[1]], decision: { action: 'restore' } });
    expect(restored.json().done).toBe(1);
    expect((await get('/api/mod/customer-voice/stories/queue/counts')).json()).toEqual({
      queue: 2,
      dismissed: 1,
    });
    expect(await auditActions('customer-voice.story.')).toEqual([
      'customer-voice.story.dismiss',
      'customer-voice.story.dismiss',
      'customer-voice.story.restore',
    ]);
    const bad = await post(base, { ids, decision: { action: 'share' } });
    expect(bad.statusCode).toBe(400);
  });
});
