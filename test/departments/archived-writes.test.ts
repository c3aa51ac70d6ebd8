import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureHandoffKeys } from '../../server/handoffs/keys.ts';
import { scopeOf } from '../../server/handoffs/weeks.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { enrolMember, type Member } from '../helpers/members.ts';
import { journey, stage } from '../journeys/helpers.ts';
import { csv, upload } from '../customer-voice/helpers.ts';

// Issue 20: an archived department takes nothing new. Every write that names a department refuses it with
// 400 department_archived (and an anonymous write burns no token on the refusal); its history stays.

const t = build();
let legal: string;
let it: string;
let admin: SignedInStaff;
let moderator: SignedInStaff;
let member: Member;
let handoffToken: string;
let requestType: string;
let feedbackId: string;

const STORY = 'Legal turned the contract round in a day, so the customer signed before the rate changed.';

beforeAll(async () => {
  legal = await departmentId(t.app, 'Legal & Compliance');
  it = await departmentId(t.app, 'IT');
  admin = await given(t.app).staff('admin');
  moderator = await given(t.app).staff('moderator');
  member = await enrolMember(t.app);
  await ensureHandoffKeys(t.app, { departmentIds: [legal] });
  // A token for this week's Legal scope, obtained while Legal was still open.
  [handoffToken] = await member.tokens(scopeOf(legal));
  const created = await send(admin, 'POST', '/api/admin/handoffs/request-types', {
    departmentId: legal,
    label: 'Contract review',
  });
  requestType = created.json().id;
  const day = new Date().toISOString().slice(0, 10);
  await upload(
    t.app,
    moderator.cookie,
    csv(
      `c-1,"The contract review took a day and the lawyer explained every clause clearly to us",10,${day},web,contract`,
    ),
  );
  feedbackId = (await send(moderator, 'GET', '/api/mod/customer-voice/feedback')).json().items[0].id;
  const archived = await send(admin, 'POST', `/api/admin/departments/${legal}/archived`, { archived: true });
  expect(archived.statusCode, archived.body).toBe(200);
});

function send(
  staff: SignedInStaff | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
  authorization?: string,
) {
  return t.app.inject({
    method,
    url,
    headers: { ...(staff ? staff.headers : {}), ...(authorization ? { authorization } : {}) },
    ...(payload ? { payload } : {}),
  });
}

const spent = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from spent_token`.execute(t.app.db)).rows[0]!.n;

function expectArchived(response: { statusCode: number; json: () => { error: string; message: string } }) {
  expect(response.statusCode).toBe(400);
  expect(response.json().error).toBe('department_archived');
  expect(response.json().message).toMatch(/Legal & Compliance.*archived/);
}

describe('an archived department refuses anonymous writes, burning no token', () => {
  test('a suggestion about it', async () => {
    const [token] = await member.tokens('general', 1);
    const before = await spent();
    const response = await send(
      null,
      'POST',
      '/api/suggestions',
      {
        text: 'The contract templates are out of date and nobody knows who owns them.',
        concernsDepartmentId: legal,
      },
      token,
    );
    expectArchived(response);
    expect(await spent()).toBe(before);
    // The same token still works for a department that is open.
    const ok = await send(
      null,
      'POST',
      '/api/suggestions',
      {
        text: 'The contract templates are out of date and nobody knows who owns them.',
        concernsDepartmentId: it,
      },
      token,
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  test('kudos to it', async () => {
    const [token] = await member.tokens('general', 1);
    const before = await spent();
    expectArchived(await send(null, 'POST', '/api/kudos', { departmentId: legal, story: STORY }, token));
    expect(await spent()).toBe(before);
  });

  test('a handoff rating of it', async () => {
    const before = await spent();
    expectArchived(
      await send(
        null,
        'POST',
        '/api/handoffs/ratings',
        { departmentId: legal, effort: 6, outcome: 5 },
        handoffToken,
      ),
    );
    expect(await spent()).toBe(before);
    const teams = (await send(null, 'GET', '/api/handoffs/teams')).json().teams;
    expect(teams.map((team: { id: string }) => team.id)).not.toContain(legal);
  });
});

describe('an archived department refuses staff writes', () => {
  test('enrolment codes for it', async () => {
    expectArchived(
      await send(admin, 'POST', '/api/admin/enrolment-codes', { count: 1, departmentId: legal }),
    );
  });

  test('customer feedback mapped to it: by rule, by hand, and as a story', async () => {
    expectArchived(
      await send(moderator, 'POST', '/api/mod/customer-voice/rules', {
        departmentId: legal,
        stage: 'contract',
      }),
    );
    expectArchived(
      await send(moderator, 'PUT', `/api/mod/customer-voice/feedback/${feedbackId}/departments`, {
        departmentIds: [legal],
      }),
    );
    expectArchived(
      await send(moderator, 'POST', '/api/mod/customer-voice/stories', {
        feedbackId,
        departmentId: legal,
        title: 'A contract in a day',
        text: 'The contract review took a day and the lawyer explained every clause clearly.',
      }),
    );
    const rules = await t.app.db.selectFrom('customer_voice_rule').select('id').execute();
    expect(rules).toEqual([]);
  });

  test('request types: adding, renaming or restoring one; archiving one still works', async () => {
    expectArchived(
      await send(admin, 'POST', '/api/admin/handoffs/request-types', {
        departmentId: legal,
        label: 'Signatures',
      }),
    );
    expectArchived(
      await send(admin, 'PATCH', `/api/admin/handoffs/request-types/${requestType}`, { label: 'Reviews' }),
    );
    const archive = await send(admin, 'PATCH', `/api/admin/handoffs/request-types/${requestType}`, {
      archived: true,
    });
    expect(archive.statusCode, archive.body).toBe(200);
    expectArchived(
      await send(admin, 'PATCH', `/api/admin/handoffs/request-types/${requestType}`, { archived: false }),
    );
  });

  test('a journey stage naming it', async () => {
    const response = await send(admin, 'POST', '/api/admin/journeys', journey([stage('sign', [it, legal])]));
    expectArchived(response);
    expect(response.json().message).toMatch(/Stage 1/);
  });

  test('restored, it takes writes again', async () => {
    await send(admin, 'POST', `/api/admin/departments/${legal}/archived`, { archived: false });
    const [token] = await member.tokens('general', 1);
    const response = await send(null, 'POST', '/api/kudos', { departmentId: legal, story: STORY }, token);
    expect(response.statusCode, response.body).toBe(201);
  });
});
