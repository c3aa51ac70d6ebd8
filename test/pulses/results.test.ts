import { beforeAll, describe, expect, test } from 'vitest';
import { pulseThemeSource } from '../../server/pulses/queries.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../kudos/helpers.ts';
import { dayOffset, givenPulse, repeat } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;
let closedId: string;
let tinyId: string;
let openId: string;
let agreeId: string;
let it: string;
let legal: string;
let finance: string;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  it = await departmentId(t.app, 'IT');
  legal = await departmentId(t.app, 'Legal & Compliance');
  finance = await departmentId(t.app, 'Finance');
  // 20 answers: IT 6 (all 10s), Legal 2 (below k), Finance 5, undeclared 7.
  closedId = await givenPulse(t.app, { opensOn: dayOffset(-21), closesOn: dayOffset(-15) }, [
    ...repeat(6, { score: 10, departmentId: it }),
    ...repeat(2, {
      score: 3,
      departmentId: legal,
      comment: 'Nobody told us about the office move until the day before.',
    }),
    ...repeat(5, { score: 7, departmentId: finance }),
    ...repeat(7, {
      score: 9,
      comment: 'Good team, tired of the loan system outages. Call me on 07700 900123.',
    }),
  ]);
  // 1–5 scale, 6 answers: average 3.5.
  agreeId = await givenPulse(
    t.app,
    { scale: '1-5', opensOn: dayOffset(-14), closesOn: dayOffset(-8), question: 'I have the tools I need.' },
    [...repeat(5, { score: 5 }), ...repeat(5, { score: 2 })],
  );
  // Below k: 3 answers with comments.
  tinyId = await givenPulse(
    t.app,
    { opensOn: dayOffset(-7), closesOn: dayOffset(-1) },
    repeat(3, { score: 2, comment: 'Only three of us answered.' }),
  );
  openId = await givenPulse(
    t.app,
    { opensOn: dayOffset(0), closesOn: dayOffset(5) },
    repeat(5, { score: 8 }),
  );
});

const modResults = (id: string) =>
  t.app.inject({ method: 'GET', url: `/api/mod/pulses/${id}/results`, headers: moderator.headers });

describe('results for moderators', () => {
  test('answers, eNPS, a suppressed distribution and breakdown, comments, and the trend', async () => {
    const response = await modResults(closedId);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.answers).toBe(20);
    // promoters 13 (6×10 + 7×9), detractors 2 (3s): exact cells would be hidden, so the distribution
    // is shown in bands; detractors (2) are hidden, and the eNPS would solve them (D = P − score·N),
    // so the score is hidden too.
    expect(body).toMatchObject({ score: null, scoreKind: 'enps', minimumGroupSize: 5 });
    const cells = Object.fromEntries(
      body.distribution.cells.map((cell: { key: string }) => [cell.key, cell]),
    );
    expect(cells['9–10 promoters']).toEqual({ key: '9–10 promoters', count: 13, suppressed: false });
    expect(cells['0–6 detractors']).toMatchObject({ count: null, suppressed: true });
    expect(cells['7–8 passives']).toMatchObject({ count: null, suppressed: true });
    expect(cells['3']).toBeUndefined();
    // Legal's 2 is hidden; the hidden remainder (2 + 7 undeclared) is ≥ k, so IT and Finance stay shown.
    const byName = Object.fromEntries(
      body.breakdown.map((row: { department: { name: string } }) => [row.department.name, row]),
    );
    // A hidden department is not named (that would say somebody from it answered): one folded row.
    expect(byName['Legal & Compliance']).toBeUndefined();
    expect(JSON.stringify(body.breakdown)).not.toContain(legal);
    expect(body.breakdown.at(-1)).toMatchObject({
      department: { id: 'other' },
      count: null,
      suppressed: true,
      score: null,
    });
    expect(byName['IT']).toMatchObject({ count: 6, score: 100, suppressed: false });
    expect(byName['Finance']).toMatchObject({ count: 5, score: 0 });
    for (const shown of [body.breakdown, body.distribution.cells]) {
      const sum = shown.reduce(
        (total: number, cell: { count: number | null }) => total + (cell.count ?? 0),
        0,
      );
      expect(body.answers - sum === 0 || body.answers - sum >= 5).toBe(true);
    }
    expect(body.comments).toHaveLength(9);
    expect(body.comments.find((c: { text: string }) => c.text.includes('07700'))).toMatchObject({
      piiFlags: ['phone'],
    });
    // The eNPS line: closed 0–10 pulses only (the 1–5 question is another line; the open one has no
    // final numbers yet).
    expect(body.trend.map((point: { pulseId: string }) => point.pulseId)).toEqual([closedId, tinyId]);
    // The trend point says what the results say: hidden here.
    expect(body.trend[0].score).toBeNull();
    expect(body.trend.find((point: { pulseId: string }) => point.pulseId === tinyId).score).toBeNull();
  });

  test('below k answers: no score, no comments, every cell hidden', async () => {
    const body = (await modResults(tinyId)).json();
    expect(body).toMatchObject({ answers: 3, score: null, comments: [], commentsHidden: true });
    expect(body.distribution.total).toBeNull();
    // Zeros are hidden too: a shown zero would point at the cell the three answers are in.
    expect(body.distribution.cells.every((cell: { suppressed: boolean }) => cell.suppressed)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('Only three of us');
  });

  test('a 1–5 pulse scores the average', async () => {
    expect((await modResults(agreeId)).json()).toMatchObject({
      answers: 10,
      score: 3.5,
      scoreKind: 'average',
    });
  });

  test('an unknown pulse → 404', async () => {
    expect((await modResults('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('results for everyone', () => {
  test('403 while the pulse is open, 404 when unknown, 200 once closed with PII redacted in comments', async () => {
    const open = await t.app.inject({ method: 'GET', url: `/api/pulses/${openId}/results` });
    expect(open.statusCode).toBe(403);
    expect(open.json().error).toBe('pulse_not_closed');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/pulses/00000000-0000-4000-8000-000000000000/results' }))
        .statusCode,
    ).toBe(404);
    const closed = await t.app.inject({ method: 'GET', url: `/api/pulses/${closedId}/results` });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ answers: 20, score: null });
    expect(JSON.stringify(closed.json())).not.toContain('07700');
    expect(closed.json().trend.map((point: { pulseId: string }) => point.pulseId)).toEqual([closedId]);
  });

  test('GET /api/pulses lists opened pulses with their state', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/pulses' })).json();
    expect(body.pulses.map((pulse: { id: string; state: string }) => [pulse.id, pulse.state])).toEqual([
      [openId, 'open'],
      [tinyId, 'closed'],
      [agreeId, 'closed'],
      [closedId, 'closed'],
    ]);
  });
});

describe('themes source', () => {
  test('comments of a pulse under k reach neither snapshot, moderators included; PII is redacted', async () => {
    const items = await pulseThemeSource.read(t.app.db);
    // Results hide the tiny pulse's comments from moderators too: themes (either scope) must not show them.
    expect(items.filter((item) => item.text === 'Only three of us answered.')).toEqual([]);
    expect(items).toHaveLength(9);
    expect(items.every((item) => item.published)).toBe(true);
    expect(items.every((item) => item.source === 'pulse' && item.departmentId === null)).toBe(true);
    expect(JSON.stringify(items)).not.toContain('07700');
    // The digest the job compares holds the same items (the k rule is counted in SQL for both).
    const digests = await pulseThemeSource.digest(t.app.db);
    expect(digests.map((digest) => digest.id).sort()).toEqual(items.map((item) => item.id).sort());
  });
});

describe('the trend says what the results say (issue 14)', () => {
  test('four 7s and one 10: results hide the score, and so does the trend point', async () => {
    const leaky = await givenPulse(t.app, { opensOn: dayOffset(-40), closesOn: dayOffset(-36) }, [
      ...repeat(4, { score: 7 }),
      { score: 10 },
    ]);
    const results = (await modResults(leaky)).json();
    expect(results.score).toBeNull();
    const later = (await modResults(closedId)).json();
    const point = later.trend.find((entry: { pulseId: string }) => entry.pulseId === leaky);
    expect(point).toBeDefined();
    expect(point.score).toBeNull();
  });

  test('a 1–5 line joins only pulses that asked the same question', async () => {
    const other = await givenPulse(
      t.app,
      { scale: '1-5', opensOn: dayOffset(-50), closesOn: dayOffset(-45), question: 'My manager listens.' },
      repeat(6, { score: 4 }),
    );
    const trend = (await modResults(agreeId)).json().trend as { pulseId: string; question: string }[];
    expect(trend.map((entry) => entry.pulseId)).toEqual([agreeId]);
    expect(trend.map((entry) => entry.pulseId)).not.toContain(other);
  });

  test('an open pulse releases no numbers, even to moderators: one more answer cannot be diffed', async () => {
    const body = (await modResults(openId)).json();
    expect(body).toMatchObject({ answers: 5, released: false, score: null, breakdown: [] });
    expect(body.distribution.cells.every((cell: { suppressed: boolean }) => cell.suppressed)).toBe(true);
  });
});
