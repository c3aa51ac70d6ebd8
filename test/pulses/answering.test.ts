import { beforeAll, describe, expect, test } from 'vitest';
import { createScopeKey, keyDeps } from '../../server/tokens/keys.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember, type Member } from '../helpers/members.ts';
import { departmentId } from '../kudos/helpers.ts';
import { counts, dayOffset, givenPulse } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;
let member: Member;
let pulseId: string;
let scope: string;

const schedule = (payload: object, headers: Record<string, string> = moderator.headers) =>
  t.app.inject({ method: 'POST', url: '/api/mod/pulses', headers, payload });
const answer = (id: string, payload: object, authorization?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/pulses/${id}/responses`,
    payload,
    headers: authorization ? { authorization } : {},
  });
const question = 'How likely are you to recommend working here to a friend?';

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  // Enrolled with IT's codes: the only department this member can prove on an answer.
  member = await enrolMember(t.app, await departmentId(t.app, 'IT'));
});

describe('scheduling', () => {
  test('a moderator schedules a pulse: 201 {id, scope}, its key has budget 1, the decision is audited', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/pulses/current' })).statusCode).toBe(404);
    const response = await schedule({
      question,
      scale: '0-10',
      opensOn: dayOffset(0),
      closesOn: dayOffset(6),
    });
    expect(response.statusCode).toBe(201);
    ({ id: pulseId, scope } = response.json());
    expect(scope).toBe(`pulse:${pulseId}`);
    const key = await t.app.db
      .selectFrom('token_key')
      .select(['budget', 'scope'])
      .where('scope', '=', scope)
      .executeTakeFirst();
    expect(key).toEqual({ budget: 1, scope });
    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'staff_username'])
      .where('target_id', '=', pulseId)
      .execute();
    expect(audits).toEqual([{ action: 'pulse.create', staff_username: moderator.username }]);
    const current = await t.app.inject({ method: 'GET', url: '/api/pulses/current' });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toEqual({
      id: pulseId,
      question,
      scale: '0-10',
      opensOn: dayOffset(0),
      closesOn: dayOffset(6),
      scope,
      state: 'open',
    });
    const keys = await t.app.inject({ method: 'GET', url: '/api/tokens/keys', query: { scope } });
    expect(keys.json().keys[0]).toMatchObject({ scope, budget: 1 });
  });

  test.each([
    ['an overlapping week', { opensOn: dayOffset(3), closesOn: dayOffset(9) }, 409, 'pulse_overlap'],
    ['closing before opening', { opensOn: dayOffset(20), closesOn: dayOffset(19) }, 400, 'invalid_dates'],
    ['closing in the past', { opensOn: dayOffset(-9), closesOn: dayOffset(-2) }, 400, 'closes_in_past'],
    ['a non-day', { opensOn: '2026-02-30', closesOn: dayOffset(40) }, 400, 'invalid_date'],
    ['longer than 31 days', { opensOn: dayOffset(30), closesOn: dayOffset(80) }, 400, 'too_long'],
    [
      'an unknown scale',
      { scale: '1-7', opensOn: dayOffset(30), closesOn: dayOffset(33) },
      400,
      'invalid_request',
    ],
  ])('%s → %i, nothing written', async (_name, override, status, error) => {
    const before = await counts(t.app);
    const response = await schedule({ question, scale: '0-10', ...override });
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toBe(error);
    expect(await counts(t.app)).toEqual(before);
  });

  test('employees cannot schedule or list pulses, nor read moderator results', async () => {
    expect(
      (await schedule({ question, scale: '0-10', opensOn: dayOffset(30), closesOn: dayOffset(33) }, {}))
        .statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/mod/pulses' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/mod/pulses/${pulseId}/results` })).statusCode,
    ).toBe(401);
  });

  test('GET /api/mod/pulses lists pulses with their answer counts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/mod/pulses',
      headers: moderator.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().pulses).toContainEqual(
      expect.objectContaining({ id: pulseId, answers: 0, state: 'open' }),
    );
  });
});

describe('answering: one answer per person per pulse', () => {
  test('an answer spends the pulse token: 201, a day-granular row with a random id and nothing else', async () => {
    const it = await departmentId(t.app, 'IT');
    const [authorization] = await member.tokens(`${scope}@${it}`, 1);
    const response = await answer(
      pulseId,
      { score: 9, comment: '  The new laptops made a real difference.  ', ownDepartmentId: it },
      authorization,
    );
    expect(response.statusCode).toBe(201);
    const { id, day } = response.json();
    expect(day).toBe(dayOffset(0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const row = await t.app.db
      .selectFrom('pulse_response')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      id,
      pulse_id: pulseId,
      score: 9,
      comment: 'The new laptops made a real difference.',
      own_department_id: it,
      day: dayOffset(0),
      // Pre-moderation (the default): the comment waits for a moderator.
      comment_moderation: 'pending',
      comment_reviewed: false,
      comment_hide_reason: null,
    });

    // A second pulse token cannot be obtained…
    await expect(member.tokens(scope, 1)).rejects.toThrow(/429.*budget_exhausted/);
    // …and the spent one is refused.
    const before = await counts(t.app);
    const again = await answer(pulseId, { score: 3 }, authorization);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe('token_spent');
    expect(await counts(t.app)).toEqual(before);
  });

  test('a general token is not a pulse token → 401 token_invalid', async () => {
    const [general] = await member.tokens('general', 1);
    const before = await counts(t.app);
    const response = await answer(pulseId, { score: 7 }, general);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('token_invalid');
    expect(await counts(t.app)).toEqual(before);
  });

  test('bad input → 400 with nothing written and the token not burned', async () => {
    const other = await enrolMember(t.app);
    const [authorization] = await other.tokens(scope, 1);
    const before = await counts(t.app);
    for (const payload of [
      { score: 11 },
      { score: -1 },
      { score: 4.5 },
      {},
      { score: 5, comment: 'x'.repeat(1001) },
      { score: 5, extra: true },
    ]) {
      const response = await answer(pulseId, payload, authorization);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const unknownDepartment = await answer(
      pulseId,
      { score: 5, ownDepartmentId: '00000000-0000-4000-8000-000000000000' },
      authorization,
    );
    expect(unknownDepartment.json().error).toBe('department_unproven');
    expect(await counts(t.app)).toEqual(before);
    const ok = await answer(pulseId, { score: 5, comment: '   ' }, authorization);
    expect(ok.statusCode).toBe(201);
    expect(
      (
        await t.app.db
          .selectFrom('pulse_response')
          .select('comment')
          .where('id', '=', ok.json().id)
          .executeTakeFirstOrThrow()
      ).comment,
    ).toBeNull();
  });

  test('an out-of-scale score for a 1–5 pulse → 400 score_out_of_scale, token not burned', async () => {
    const id = await givenPulse(t.app, { scale: '1-5', opensOn: dayOffset(0), closesOn: dayOffset(1) });
    const agreeScope = `pulse:${id}`;
    await createScopeKey(keyDeps(t.app), {
      scope: agreeScope,
      budget: 1,
      notBefore: new Date(`${dayOffset(0)}T00:00:00Z`),
      notAfter: new Date(`${dayOffset(2)}T00:00:00Z`),
    });
    const [authorization] = await member.tokens(agreeScope, 1);
    const before = await counts(t.app);
    const response = await answer(id, { score: 0 }, authorization);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('score_out_of_scale');
    expect(await counts(t.app)).toEqual(before);
    expect((await answer(id, { score: 4 }, authorization)).statusCode).toBe(201);
  });

  test('an unknown pulse → 404, a scheduled one → 409 pulse_not_open, a closed one → 409 pulse_closed; nothing written', async () => {
    const [authorization] = await member.tokens('general', 1);
    expect(
      (await answer('00000000-0000-4000-8000-000000000000', { score: 5 }, authorization)).statusCode,
    ).toBe(404);
    expect((await answer('not-a-uuid', { score: 5 }, authorization)).statusCode).toBe(400);

    const later = await schedule({
      question: 'Do you have the tools you need to help customers?',
      scale: '1-5',
      opensOn: dayOffset(14),
      closesOn: dayOffset(20),
    });
    expect(later.statusCode).toBe(201);
    const { id, scope: laterScope } = later.json();
    const fresh = await enrolMember(t.app);
    const [token] = await fresh.tokens(laterScope, 1);
    const before = await counts(t.app);
    const early = await answer(id, { score: 4 }, token);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toBe('pulse_not_open');

    await t.app.db
      .updateTable('pulse')
      .set({ opens_on: dayOffset(-8), closes_on: dayOffset(-1) })
      .where('id', '=', id)
      .execute();
    const late = await answer(id, { score: 4 }, token);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toBe('pulse_closed');
    expect(await counts(t.app)).toEqual(before);
  });
});
