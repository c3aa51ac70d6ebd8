import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { givenRatings, repeat } from '../handoffs/helpers.ts';
import { createJourney, journey, stage } from './helpers.ts';

// A fresh database of its own: what each cell shows depends on every team's numbers.
const t = build();
let admin: SignedInStaff;
let moderator: SignedInStaff;
let legal: string;
let it: string;
let finance: string;
let journeyId: string;

interface Signal {
  overlay: string;
  hidden: boolean;
  count: number | null;
  score: number | null;
  friction: boolean;
  pain: boolean;
}
interface Cell {
  departmentId: string;
  involved: boolean;
  signals: Signal[];
  hotspot: boolean;
}

beforeAll(async () => {
  admin = await given(t.app).staff('admin');
  moderator = await given(t.app).staff('moderator');
  legal = await departmentId(t.app, 'Legal');
  it = await departmentId(t.app, 'IT');
  finance = await departmentId(t.app, 'Finance');
  ({ id: journeyId } = await createJourney(
    t.app,
    admin.headers,
    journey(
      [stage('apply', [legal, it]), stage('decide', [it]), stage('pay', [finance, legal])],
      'Blueprint test',
    ),
  ));
});

const blueprint = async (headers: Record<string, string> = {}) => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/journeys/${journeyId}/blueprint`,
    headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
};
const signal = (
  body: { stages: Array<{ key: string; cells: Cell[] }> },
  stageKey: string,
  department: string,
  overlay: string,
) =>
  body.stages
    .find((s) => s.key === stageKey)!
    .cells.find((c) => c.departmentId === department)!
    .signals.find((s) => s.overlay === overlay)!;
const kudos = (departmentIdValue: string, moderation: 'published' | 'pending', n: number) =>
  t.app.db
    .insertInto('kudos')
    .values(
      Array.from({ length: n }, (_, i) => ({
        department_id: departmentIdValue,
        story: `Thank you for sorting out case ${i} so quickly, the customer was delighted.`,
        moderation,
        pii_flags: '[]',
      })),
    )
    .execute();

/** Every overlay: hidden cells carry no number, shown ones are 0 or ≥ k, and total − shown is 0 or ≥ k. */
function expectNothingRecoverable(body: {
  minimumGroupSize: number;
  departments: Array<{ id: string }>;
  stages: Array<{ cells: Cell[] }>;
  totals: Signal[];
}) {
  const k = body.minimumGroupSize;
  body.totals.forEach((total, o) => {
    const perDepartment = new Map<string, Signal>();
    for (const s of body.stages)
      for (const cell of s.cells) if (cell.involved) perDepartment.set(cell.departmentId, cell.signals[o]!);
    for (const shown of perDepartment.values()) {
      if (shown.hidden)
        expect(shown).toMatchObject({ count: null, score: null, friction: false, pain: false });
      else expect(shown.count === 0 || shown.count! >= k).toBe(true);
    }
    if (!total.hidden) {
      const visible = [...perDepartment.values()].reduce((sum, s) => sum + (s.count ?? 0), 0);
      const remainder = total.count! - visible;
      expect(
        remainder === 0 || remainder >= k,
        `${total.overlay}: total ${total.count} − shown ${visible}`,
      ).toBe(true);
    }
  });
}

describe('the blueprint under k', () => {
  test('a stage × team cell under k is hidden, and the journey total cannot give it away', async () => {
    await givenRatings(t.app, legal, repeat(3, { effort: 2, outcome: 2 }));
    await givenRatings(t.app, it, repeat(6, { effort: 3, outcome: 2 }));
    let body = await blueprint();
    expect(body.minimumGroupSize).toBe(5);
    expect(signal(body, 'apply', legal, 'handoffs')).toMatchObject({
      hidden: true,
      count: null,
      score: null,
      detail: null,
      facts: [],
    });
    // IT alone is 6, but shown next to a total of 9 it would give Legal's 3 away: hidden too, or the total.
    const itSignal = signal(body, 'apply', it, 'handoffs');
    const total = body.totals.find((s: Signal) => s.overlay === 'handoffs');
    expect(itSignal.hidden || total.hidden).toBe(true);
    expectNothingRecoverable(body);
    // Same team on another stage: the same answer, never a different one to subtract.
    expect(signal(body, 'decide', it, 'handoffs')).toEqual(itSignal);

    await givenRatings(t.app, legal, repeat(3, { effort: 2, outcome: 2 }));
    body = await blueprint();
    // The breakdown comes as numbers by name too, so the page can word it in the reader's language.
    expect(signal(body, 'apply', legal, 'handoffs')).toMatchObject({
      hidden: false,
      count: 6,
      score: 2,
      detail: 'outcome for the customer 2 of 5',
      facts: [{ key: 'outcome', value: 2 }],
    });
    expect(signal(body, 'apply', it, 'handoffs')).toMatchObject({ hidden: false, count: 6, score: 3 });
    expect(body.totals.find((s: Signal) => s.overlay === 'handoffs')).toMatchObject({
      hidden: false,
      count: 12,
    });
    expectNothingRecoverable(body);
  });

  test('hard handoffs with a bad outcome for the customer are hotspots', async () => {
    const body = await blueprint();
    const cell = body.stages
      .find((s: { key: string }) => s.key === 'apply')
      .cells.find((c: Cell) => c.departmentId === legal);
    expect(cell).toMatchObject({ involved: true, friction: true, pain: true, hotspot: true });
    const notInvolved = body.stages
      .find((s: { key: string }) => s.key === 'decide')
      .cells.find((c: Cell) => c.departmentId === legal);
    expect(notInvolved).toMatchObject({ involved: false, hotspot: false, signals: [] });
    expect(body.hotspots).toBeGreaterThanOrEqual(2);
  });

  test('kudos follow the same rule, and a cell opens to its items within the viewer’s rights', async () => {
    await kudos(finance, 'published', 2);
    let body = await blueprint();
    expect(signal(body, 'pay', finance, 'kudos')).toMatchObject({ hidden: true, count: null });
    expectNothingRecoverable(body);
    const cell = (headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'GET',
        url: `/api/journeys/${journeyId}/cell?stage=pay&department=${finance}`,
        headers,
      });
    let opened = (await cell()).json();
    expect(opened.sections.find((s: { overlay: string }) => s.overlay === 'kudos')).toMatchObject({
      hidden: true,
      items: [],
    });

    await kudos(finance, 'published', 3);
    await kudos(finance, 'pending', 1);
    body = await blueprint();
    expect(signal(body, 'pay', finance, 'kudos')).toMatchObject({ hidden: false, count: 5 });
    opened = (await cell()).json();
    expect(opened.audience).toBe('employee');
    const employeeKudos = opened.sections.find((s: { overlay: string }) => s.overlay === 'kudos');
    expect(employeeKudos.items).toHaveLength(5);
    expect(employeeKudos.items.every((item: { status: string | null }) => item.status === null)).toBe(true);
    const staffKudos = (await cell(moderator.headers))
      .json()
      .sections.find((s: { overlay: string }) => s.overlay === 'kudos');
    expect(staffKudos.items).toHaveLength(6);
    expect(
      staffKudos.items.filter((item: { status: string | null }) => item.status === 'pending'),
    ).toHaveLength(1);

    // Handoff comments behind a hidden cell stay closed even for moderators.
    const handoffs = (await cell(moderator.headers))
      .json()
      .sections.find((s: { overlay: string }) => s.overlay === 'handoffs');
    expect(handoffs).toMatchObject({ hidden: signal(body, 'pay', finance, 'handoffs').hidden });
  });

  test('bad cell requests are 4xx, never 500', async () => {
    const bad = [
      `/api/journeys/${journeyId}/cell?stage=nope&department=${legal}`,
      `/api/journeys/${journeyId}/cell?stage=decide&department=${legal}`,
      `/api/journeys/${journeyId}/cell?stage=apply&department=not-a-uuid`,
      `/api/journeys/${journeyId}/blueprint?quarter=2026-Q5`,
      `/api/journeys/00000000-0000-4000-8000-000000000000/blueprint`,
    ];
    for (const url of bad) {
      const response = await t.app.inject({ method: 'GET', url });
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
  });
});

describe('the overlay port (the extension point customer feedback registers into)', () => {
  test('a registered customer overlay is held to k by the blueprint and lines its pain up with friction', async () => {
    const { id } = await createJourney(
      t.app,
      admin.headers,
      journey([stage('ask', [legal]), stage('wait', [it]), stage('get', [finance])], 'Port test'),
    );
    t.app.blueprintOverlays.add({
      id: 'test-customer-feedback',
      label: 'Customer feedback',
      lane: 'customer',
      scoreLabel: 'mean rating 1–5',
      // Raw numbers, one of them under k: the overlay never decides what is shown.
      read: async () => [
        { departmentId: legal, count: 9, score: 2.1, pain: true },
        { departmentId: it, count: 2, score: 1.0, pain: true },
        { departmentId: finance, count: 6, score: 4.5, pain: false },
      ],
      items: async () => [{ id: 'x', text: 'The valuation took three weeks.', day: null, status: null }],
    });
    const body = (await t.app.inject({ method: 'GET', url: `/api/journeys/${id}/blueprint` })).json();
    expect(body.overlays.map((o: { id: string }) => o.id)).toContain('test-customer-feedback');
    expect(signal(body, 'ask', legal, 'test-customer-feedback')).toMatchObject({
      hidden: false,
      count: 9,
      pain: true,
    });
    // IT's 2 is under k: hidden, and its pain is not shown or used either.
    expect(signal(body, 'wait', it, 'test-customer-feedback')).toMatchObject({
      hidden: true,
      count: null,
      pain: false,
    });
    expectNothingRecoverable(body);
    const ask = body.stages.find((s: { key: string }) => s.key === 'ask');
    expect(ask.pain).toBe(true);
    // Legal's hard handoffs (friction, shown above) meet the customer's pain at this stage: a hotspot.
    expect(ask.cells.find((c: Cell) => c.departmentId === legal)).toMatchObject({
      friction: true,
      hotspot: true,
    });
    const opened = (
      await t.app.inject({ method: 'GET', url: `/api/journeys/${id}/cell?stage=ask&department=${legal}` })
    ).json();
    expect(
      opened.sections.find((s: { overlay: string }) => s.overlay === 'test-customer-feedback').items,
    ).toHaveLength(1);
  });
});

describe('a moderator maps a theme to a stage', () => {
  test('only staff map; the theme then shows in the stage’s customer lane; bad input is 4xx', async () => {
    const themeId = '00000000-0000-4000-8000-00000000a001';
    await t.app.db
      .insertInto('theme')
      .values({
        id: themeId,
        scope: 'public',
        label: 'Letters customers cannot read',
        keywords: JSON.stringify(['jargon']),
        signature: '{}',
        size: 8,
        trend: 'steady',
        trend_test: JSON.stringify({ recent: 0, baseline: 0, ratio: null, pValue: 1 }),
        tone: JSON.stringify({ positive: 0, neutral: 1, negative: 0 }),
        sentiment: -0.5,
        daily: '[]',
        quotes: '[]',
        rank: 1,
        first_seen: '2026-01-01',
        last_seen: '2026-01-02',
        retired: false,
      })
      .execute();
    const url = `/api/mod/journeys/${journeyId}/themes`;
    const customer = async () =>
      (await blueprint()).stages.find((s: { key: string }) => s.key === 'pay').customer as Signal[];
    expect(await customer()).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url, payload: { stage: 'pay', themeId } })).statusCode).toBe(
      401,
    );
    const mapped = await t.app.inject({
      method: 'POST',
      url,
      headers: moderator.headers,
      payload: { stage: 'pay', themeId },
    });
    expect(mapped.statusCode, mapped.body).toBe(201);
    expect(await customer()).toEqual([
      expect.objectContaining({
        overlay: 'touchpoint-themes',
        count: 8,
        pain: true,
        detail: 'Letters customers cannot read',
      }),
    ]);
    const bad = [
      [url, { stage: 'pay', themeId: '00000000-0000-4000-8000-00000000ffff' }, 400],
      [url, { stage: 'nope', themeId }, 404],
      [url, { stage: 'pay', themeId: 'nope' }, 400],
    ] as const;
    for (const [path, payload, status] of bad) {
      const response = await t.app.inject({ method: 'POST', url: path, headers: moderator.headers, payload });
      expect(response.statusCode, path).toBe(status);
      expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `${url}?stage=pay&themeId=${themeId}`,
      headers: moderator.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await customer()).toEqual([]);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `${url}?stage=pay&themeId=${themeId}`,
          headers: moderator.headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});
