import { sql } from 'kysely';
import type { BlueprintOverlay } from '../shared/blueprint-overlays.ts';

// What handoff ratings tell the service blueprint (issue 18), registered on `app.blueprintOverlays` by this
// feature's routes. Raw numbers per department; the blueprint applies k.

/** Handoff ratings are hard below this mean effort (CES 1–7)… */
export const FRICTION_EFFORT = 4.5;
/** …and turned out badly for the customer below this mean outcome (1–5). */
export const PAIN_OUTCOME = 3;

const round = (value: number) => Math.round(value * 100) / 100;
export const handoffOverlay: BlueprintOverlay = {
  id: 'handoffs',
  label: 'Handoff ratings',
  lane: 'backstage',
  position: 10,
  scoreLabel: 'mean effort, 1 very hard … 7 very easy',
  async read(query) {
    const rows = await query.db
      .selectFrom('handoff_rating')
      .select((eb) => [
        'department_id',
        eb.fn.countAll<string>().as('count'),
        sql<string>`avg(effort)`.as('effort'),
        sql<string>`avg(outcome)`.as('outcome'),
      ])
      .where('department_id', 'in', query.departmentIds)
      .where('day', '>=', query.from)
      .where('day', '<=', query.to)
      .groupBy('department_id')
      .execute();
    return rows.map((row) => {
      const effort = Number(row.effort);
      const outcome = Number(row.outcome);
      return {
        departmentId: row.department_id,
        count: Number(row.count),
        score: round(effort),
        detail: `outcome for the customer ${round(outcome)} of 5`,
        facts: [{ key: 'outcome', value: round(outcome) }],
        friction: effort < FRICTION_EFFORT,
        pain: outcome < PAIN_OUTCOME,
      };
    });
  },
  async items(query) {
    const rows = await query.db
      .selectFrom('handoff_rating')
      .select(['id', 'comment', 'day', 'comment_moderation'])
      .where('department_id', '=', query.departmentId)
      .where('day', '>=', query.from)
      .where('day', '<=', query.to)
      .where('comment', 'is not', null)
      .where('comment_moderation', 'in', query.staff ? ['published', 'pending'] : ['published'])
      .orderBy('day', 'desc')
      .limit(20)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      text: row.comment!,
      day: row.day,
      status: row.comment_moderation === 'published' ? null : row.comment_moderation,
    }));
  },
};
