import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { today } from '../../server/shared/days.ts';
import { createJourney, journey, stage } from './helpers.ts';

// The customer-voice feature registers its own overlay (lane 'customer') on the blueprint port: customer
// feedback mapped to a team shows as an NPS per cell, held to k, and its pain lines up with the stage.
const t = build();
let admin: SignedInStaff;
let moderator: SignedInStaff;
let legal: string;
let it: string;
let finance: string;
let journeyId: string;

/** `n` comments mapped to a team, all with the same NPS score, dated today. */
async function feedback(department: string, n: number, score: number, prefix: string) {
  const rows = await t.app.db
    .insertInto('customer_feedback')
    .values(
      Array.from({ length: n }, (_, i) => ({
        external_id: `${prefix}-${i}`,
        text: `Comment ${prefix} ${i}: the letter took weeks to arrive.`,
        pii_kinds: '[]',
        score_kind: 'nps' as const,
        score,
        day: today(),
      })),
    )
    .returning('id')
    .execute();
  await t.app.db
    .insertInto('customer_feedback_department')
    .values(
      rows.map((row) => ({ feedback_id: row.id, department_id: department, mapped_by: 'hand' as const })),
    )
    .execute();
  return rows.map((row) => row.id);
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
    journey([stage('ask', [legal]), stage('wait', [it, finance])], 'Customer lane'),
  ));
});

const signalOf = (body: any, stageKey: string, department: string) =>
  body.stages
    .find((s: { key: string }) => s.key === stageKey)
    .cells.find((c: { departmentId: string }) => c.departmentId === department)
    .signals.find((s: { overlay: string }) => s.overlay === 'customer-voice');

describe('the customer-voice overlay', () => {
  test('is registered by its feature, after the backstage overlays, in the customer lane', async () => {
    const body = (await t.app.inject({ method: 'GET', url: `/api/journeys/${journeyId}/blueprint` })).json();
    expect(body.overlays).toEqual([
      { id: 'handoffs', label: 'Handoff ratings', lane: 'backstage' },
      { id: 'kudos', label: 'Kudos', lane: 'backstage' },
      { id: 'suggestions', label: 'Open suggestions', lane: 'backstage' },
      { id: 'themes', label: 'Employee themes', lane: 'backstage' },
      { id: 'customer-voice', label: 'Customer feedback', lane: 'customer' },
    ]);
  });

  test('shows an NPS per team above k, hides a team below k, and marks the stage where customers hurt', async () => {
    const [firstLegal] = await feedback(legal, 7, 2, 'legal');
    await feedback(it, 2, 10, 'it');
    await feedback(finance, 6, 9, 'finance');
    // A moderator curates one of Legal's comments into a story.
    await t.app.db
      .insertInto('customer_story')
      .values({
        feedback_id: firstLegal!,
        department_id: legal,
        title: 'Weeks for a letter',
        text: 'Seven weeks.',
      })
      .execute();
    const body = (await t.app.inject({ method: 'GET', url: `/api/journeys/${journeyId}/blueprint` })).json();
    expect(signalOf(body, 'ask', legal)).toMatchObject({ hidden: false, count: 7, score: -100, pain: true });
    // IT's two customers are under k: no number, no score, no pain.
    expect(signalOf(body, 'wait', it)).toMatchObject({ hidden: true, count: null, score: null, pain: false });
    // The total (15) minus the shown cells would single out IT's 2, so the next smallest (Finance's 6)
    // is hidden with it: 15 − 7 leaves 8, two teams' worth, not one small group.
    expect(signalOf(body, 'wait', finance)).toMatchObject({ hidden: true, count: null, score: null });
    expect(body.totals.find((s: { overlay: string }) => s.overlay === 'customer-voice')).toMatchObject({
      hidden: false,
      count: 15,
    });
    expect(body.stages.find((s: { key: string }) => s.key === 'ask').pain).toBe(true);
    expect(body.stages.find((s: { key: string }) => s.key === 'wait').pain).toBe(false);
  });

  test('opens curated stories for employees and the redacted comments for moderators only', async () => {
    const url = `/api/journeys/${journeyId}/cell?stage=ask&department=${legal}`;
    const section = (body: any) =>
      body.sections.find((s: { overlay: string }) => s.overlay === 'customer-voice');
    const employee = (await t.app.inject({ method: 'GET', url })).json();
    expect(section(employee).items.map((item: { text: string }) => item.text)).toEqual([
      'Weeks for a letter — Seven weeks.',
    ]);
    const staff = (await t.app.inject({ method: 'GET', url, headers: moderator.headers })).json();
    expect(section(staff).items).toHaveLength(7);
    expect(section(staff).items[0].status).toBe('NPS 2');
  });
});
