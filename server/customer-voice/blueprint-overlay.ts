import { sql } from 'kysely';
import type { BlueprintOverlay } from '../shared/blueprint-overlays.ts';

// What customers say about each team's work, for the service blueprint's customer lane (issues 16 and 18),
// registered on `app.blueprintOverlays` by this feature's routes. Raw numbers per department over the
// period (feedback mapped to the team by rule or by hand); the blueprint applies k and lines the pain up
// with backstage friction to mark hotspots.

/** Customers are unhappy at a team's stages when the NPS is below this… */
export const PAIN_NPS = 0;
/** …or the mean CSAT (1–5) is below this… */
export const PAIN_CSAT = 3;
/** …or the mean sentiment of their comments (the themes engine's, −1 … 1) is below this. */
export const PAIN_SENTIMENT = -0.1;

const round = (value: number) => Math.round(value * 100) / 100;

export const customerVoiceOverlay: BlueprintOverlay = {
  id: 'customer-voice',
  label: 'Customer feedback',
  lane: 'customer',
  position: 50,
  scoreLabel: 'NPS, −100 … +100',
  async read(query) {
    const rows = await query.db
      .selectFrom('customer_feedback as f')
      .innerJoin('customer_feedback_department as m', 'm.feedback_id', 'f.id')
      .select((eb) => [
        'm.department_id as departmentId',
        eb.fn.countAll<string>().as('count'),
        sql<string>`count(*) filter (where f.score_kind = 'nps')`.as('nps_n'),
        sql<string>`count(*) filter (where f.score_kind = 'nps' and f.score >= 9)`.as('promoters'),
        sql<string>`count(*) filter (where f.score_kind = 'nps' and f.score <= 6)`.as('detractors'),
        sql<string | null>`avg(f.score) filter (where f.score_kind = 'csat')`.as('csat'),
        // The engine's sentiment of the comment, when the themes job has read it.
        sql<string | null>`avg((select i.sentiment from theme_item i
          where i.scope = 'all' and i.source = 'customer' and i.item_id = f.id::text limit 1))`.as(
          'sentiment',
        ),
      ])
      .where('m.department_id', 'in', query.departmentIds)
      .where('f.day', '>=', query.from)
      .where('f.day', '<=', query.to)
      .groupBy('m.department_id')
      .execute();
    return rows.map((row) => {
      const npsN = Number(row.nps_n);
      const nps =
        npsN > 0 ? Math.round(((Number(row.promoters) - Number(row.detractors)) / npsN) * 100) : null;
      const csat = row.csat === null ? null : round(Number(row.csat));
      const sentiment = row.sentiment === null ? null : round(Number(row.sentiment));
      const detail = [
        csat === null ? null : `CSAT ${csat} of 5`,
        sentiment === null ? null : `sentiment ${sentiment > 0 ? '+' : ''}${sentiment}`,
      ]
        .filter(Boolean)
        .join(' · ');
      return {
        departmentId: row.departmentId,
        count: Number(row.count),
        score: nps,
        detail: detail || null,
        facts: [
          ...(csat === null ? [] : [{ key: 'csat', value: csat }]),
          ...(sentiment === null ? [] : [{ key: 'sentiment', value: sentiment }]),
        ],
        pain:
          (nps !== null && nps < PAIN_NPS) ||
          (csat !== null && csat < PAIN_CSAT) ||
          (sentiment !== null && sentiment < PAIN_SENTIMENT),
      };
    });
  },
  async items(query) {
    // Only moderators read customer feedback itself (redacted); employees read the stories curated from it.
    if (query.staff) {
      const rows = await query.db
        .selectFrom('customer_feedback as f')
        .innerJoin('customer_feedback_department as m', 'm.feedback_id', 'f.id')
        .select(['f.id', 'f.text', 'f.day', 'f.score_kind', 'f.score'])
        .where('m.department_id', '=', query.departmentId)
        .where('f.day', '>=', query.from)
        .where('f.day', '<=', query.to)
        .orderBy('f.day', 'desc')
        .orderBy('f.id')
        .limit(20)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        text: row.text,
        day: row.day,
        status: row.score_kind ? `${row.score_kind.toUpperCase()} ${row.score}` : null,
      }));
    }
    const rows = await query.db
      .selectFrom('customer_story as s')
      .innerJoin('customer_feedback as f', 'f.id', 's.feedback_id')
      .select(['s.id', 's.title', 's.text', 'f.day'])
      .where('s.department_id', '=', query.departmentId)
      .where('f.day', '>=', query.from)
      .where('f.day', '<=', query.to)
      .orderBy('f.day', 'desc')
      .orderBy('s.id')
      .limit(20)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      text: `${row.title} — ${row.text}`,
      day: row.day,
      status: null,
    }));
  },
};
