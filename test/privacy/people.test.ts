// k counts people (issue 14, item 1): a department on any view is proven by the token that paid for the
// item (keys `<scope>@<department>` issued only to members enrolled with that department's codes), and
// padding a team with made-up members shows on the public transparency page.
import { beforeAll, describe, expect, test } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { blindTokens, enrolMember, issue, keyFor, type Member } from '../helpers/members.ts';
import { dayOffset } from '../pulses/helpers.ts';

const t = build();
let moderator: SignedInStaff;
let legal: string;
let sales: string;

beforeAll(async () => {
  await updateSettings(t.app.db, { minimumGroupSize: 5, moderationMode: 'post' });
  moderator = await given(t.app).staff('moderator');
  legal = await departmentId(t.app, 'Legal & Compliance');
  sales = await departmentId(t.app, 'Sales', 'frontstage');
});

const post = (url: string, payload: object, authorization?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: authorization ? { authorization } : {} });

async function schedulePulse(opensIn: number) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/mod/pulses',
    headers: moderator.headers,
    payload: {
      question: 'How likely are you to recommend working here?',
      scale: '0-10',
      opensOn: dayOffset(opensIn),
      closesOn: dayOffset(opensIn),
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

describe('sybil pulse', () => {
  let pulseId: string;
  const results = async () =>
    (await t.app.inject({ url: `/api/mod/pulses/${pulseId}/results`, headers: moderator.headers })).json();

  beforeAll(async () => {
    pulseId = await schedulePulse(0);
  });

  test('four members from elsewhere cannot answer "as Legal": no Legal key for them, no bare claim', async () => {
    const sybils: Member[] = [];
    for (let i = 0; i < 4; i++) sybils.push(await enrolMember(t.app, sales));
    // They cannot obtain the Legal sibling of the pulse key…
    const key = await keyFor(t.app, `pulse:${pulseId}@${legal}`);
    const { requests } = await blindTokens(key, 1);
    const refused = await issue(t.app, sybils[0]!.credential, requests);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('wrong_department');
    // …and a bare claim with their own pulse token is refused before anything is written.
    for (const sybil of sybils) {
      const [token] = await sybil.tokens(`pulse:${pulseId}`);
      const claimed = await post(
        `/api/pulses/${pulseId}/responses`,
        { score: 3, ownDepartmentId: legal },
        token,
      );
      expect(claimed.statusCode).toBe(400);
      expect(claimed.json().error).toBe('department_unproven');
      expect((await post(`/api/pulses/${pulseId}/responses`, { score: 3 }, token)).statusCode).toBe(201);
    }
    const victim = await enrolMember(t.app, legal);
    const [token] = await victim.tokens(`pulse:${pulseId}@${legal}`);
    expect((await post(`/api/pulses/${pulseId}/responses`, { score: 4 }, token)).statusCode).toBe(201);

    const shown = await results();
    expect(shown.answers).toBe(5);
    // One Legal person answered: no Legal row, and nothing named Legal anywhere.
    expect(JSON.stringify(shown.breakdown)).not.toContain(legal);
    const rows = await t.app.db.selectFrom('pulse_response').select('own_department_id').execute();
    expect(rows.filter((row) => row.own_department_id === legal)).toHaveLength(1);
  });

  test('one person is one answer across the pulse key and its department sibling', async () => {
    const member = await enrolMember(t.app, legal);
    await member.tokens(`pulse:${pulseId}@${legal}`);
    const key = await keyFor(t.app, `pulse:${pulseId}`);
    const { requests } = await blindTokens(key, 1);
    const again = await issue(t.app, member.credential, requests);
    expect(again.statusCode).toBe(429);
    expect(again.json().error).toBe('budget_exhausted');
  });

  test('four sybils enrolled as Legal are counted, and the padding shows on the transparency page', async () => {
    const before = await transparency(legal);
    const sybils: Member[] = [];
    for (let i = 0; i < 4; i++) sybils.push(await enrolMember(t.app, legal));
    const after = await transparency(legal);
    expect(after.members).toBe(before.members + 4);
    expect(after.minted).toBe(before.minted + 4);
    const week = after.weeks[0]!;
    expect(week.enrolled).toBe((before.weeks[0]?.enrolled ?? 0) + 4);
    expect(week.minted).toBe((before.weeks[0]?.minted ?? 0) + 4);
  });
});

async function transparency(department: string) {
  const response = await t.app.inject({ url: '/api/transparency/enrolment' });
  expect(response.statusCode).toBe(200);
  const row = response
    .json()
    .departments.find((entry: { department: { id: string } | null }) => entry.department?.id === department);
  return row as {
    members: number;
    minted: number;
    weeks: { week: string; minted: number; enrolled: number }[];
  };
}

describe('sybil suggestion label', () => {
  const board = async () => (await t.app.inject({ url: '/api/suggestions?sort=new' })).json();
  const text = (i: number) => `The contract review queue is three weeks long again, item ${i}.`;

  test('a member of another team cannot declare "Legal" on a suggestion', async () => {
    const outsider = await enrolMember(t.app, sales);
    const [token] = await outsider.tokens('general');
    const response = await post('/api/suggestions', { text: text(0), ownDepartmentId: legal }, token);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('department_unproven');
  });

  test('one person posting five "Legal" suggestions does not unlock the label', async () => {
    // A fresh team with one enrolled member: five items, one person.
    const tax = await departmentId(t.app, 'Tax');
    const author = await enrolMember(t.app, tax);
    const tokens = await author.tokens(`general@${tax}`, 5);
    for (const [i, token] of tokens.entries()) {
      const response = await post('/api/suggestions', { text: text(i), ownDepartmentId: tax }, token);
      expect(response.statusCode).toBe(201);
    }
    const shown = await board();
    expect(JSON.stringify(shown)).not.toContain(tax);
    expect(
      shown.voices.some((voice: { department: { id: string } | null }) => voice.department?.id === tax),
    ).toBe(false);

    // Once k members can prove Tax, the same five items may carry it: k people could have written them.
    for (let i = 0; i < 4; i++) await enrolMember(t.app, tax);
    const now = await board();
    expect(now.voices).toContainEqual({ department: { id: tax, name: 'Tax' }, count: 5 });
  });
});
