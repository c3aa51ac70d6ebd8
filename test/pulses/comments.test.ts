// Pulse comments are moderated like suggestions (issue 14, item 5): pre-moderation holds them, a
// moderator publishes or hides them with a reason, and nobody reads them before the pulse has k answers.
import { beforeAll, describe, expect, test } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';
import { dayOffset, givenPulse, repeat } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
});

const decide = (
  pulseId: string,
  commentId: string,
  payload: object,
  headers: Record<string, string> = moderator.headers,
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/mod/pulses/${pulseId}/comments/${commentId}/decision`,
    headers,
    payload,
  });
const results = (id: string, mod = true) =>
  t.app.inject({
    url: mod ? `/api/mod/pulses/${id}/results` : `/api/pulses/${id}/results`,
    headers: mod ? moderator.headers : {},
  });

describe('pulse comment moderation', () => {
  test('pre-moderation holds a comment; publish shows it, hide (with a reason) keeps it from everyone', async () => {
    await updateSettings(t.app.db, { moderationMode: 'pre', minimumGroupSize: 5 });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mod/pulses',
      headers: moderator.headers,
      payload: {
        question: 'How was your week?',
        scale: '0-10',
        opensOn: dayOffset(0),
        closesOn: dayOffset(0),
      },
    });
    const pulseId = response.json().id as string;
    const comments = ['The late shift in Leeds has no canteen.', 'Training days were great.'];
    for (const [index, comment] of [...comments, '', '', ''].entries()) {
      const member = await enrolMember(t.app);
      const [token] = await member.tokens(`pulse:${pulseId}`);
      const answered = await t.app.inject({
        method: 'POST',
        url: `/api/pulses/${pulseId}/responses`,
        headers: { authorization: token },
        payload: { score: 6 + index, ...(comment && { comment }) },
      });
      expect(answered.statusCode).toBe(201);
    }
    const rows = await t.app.db
      .selectFrom('pulse_response')
      .select(['id', 'comment', 'comment_moderation', 'comment_reviewed'])
      .where('pulse_id', '=', pulseId)
      .where('comment', 'is not', null)
      .execute();
    expect(rows.map((row) => row.comment_moderation)).toEqual(['pending', 'pending']);
    const leeds = rows.find((row) => row.comment!.includes('Leeds'))!;
    const training = rows.find((row) => row.comment!.includes('Training'))!;

    const listed = (await results(pulseId)).json().comments;
    expect(listed).toHaveLength(2);
    expect(listed.every((comment: { moderation: string }) => comment.moderation === 'pending')).toBe(true);

    expect((await decide(pulseId, leeds.id, { action: 'hide' })).json().error).toBe('reason_required');
    const hidden = await decide(pulseId, leeds.id, { action: 'hide', reason: 'Names a small site' });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toEqual({ id: leeds.id, moderation: 'hidden' });
    expect((await decide(pulseId, training.id, { action: 'publish' })).statusCode).toBe(200);
    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('target_type', '=', 'pulse_response')
      .execute();
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'pulse-comment.hide', detail: { reason: 'Names a small site' } },
        { action: 'pulse-comment.publish', detail: {} },
      ]),
    );
    const mod = (await results(pulseId)).json().comments;
    expect(mod.find((comment: { id: string }) => comment.id === leeds.id)).toMatchObject({
      moderation: 'hidden',
      hideReason: 'Names a small site',
    });

    // Once closed, employees see the published comment only.
    await t.app.db
      .updateTable('pulse')
      .set({ opens_on: dayOffset(-3), closes_on: dayOffset(-1) })
      .where('id', '=', pulseId)
      .execute();
    const shown = (await results(pulseId, false)).json();
    expect(shown.comments.map((comment: { text: string }) => comment.text)).toEqual([
      'Training days were great.',
    ]);
    expect(JSON.stringify(shown)).not.toContain('Leeds');
  });

  test('below k answers a moderator cannot read or decide on a comment', async () => {
    const pulseId = await givenPulse(
      t.app,
      { opensOn: dayOffset(-9), closesOn: dayOffset(-8) },
      repeat(2, { score: 4, comment: 'Only two of us.' }),
    );
    const [row] = await t.app.db
      .selectFrom('pulse_response')
      .select('id')
      .where('pulse_id', '=', pulseId)
      .execute();
    const response = await decide(pulseId, row!.id, { action: 'publish' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('below_minimum_group');
    expect(JSON.stringify((await results(pulseId)).json())).not.toContain('Only two of us');
  });

  test('an employee cannot moderate; unknown comments are 404', async () => {
    const pulseId = await givenPulse(
      t.app,
      { opensOn: dayOffset(-9), closesOn: dayOffset(-8) },
      repeat(5, { score: 4 }),
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await decide(pulseId, unknown, { action: 'publish' }, {})).statusCode).toBe(401);
    expect((await decide(pulseId, unknown, { action: 'publish' })).statusCode).toBe(404);
  });
});
