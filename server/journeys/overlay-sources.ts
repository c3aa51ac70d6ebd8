import { sql } from 'kysely';
import type { BlueprintOverlay, OverlayQuery } from '../shared/blueprint-overlays.ts';

// The overlays Greenroom has today, read-only over the tables their features own (handoff ratings, kudos,
// suggestions, themes). They return raw numbers per department; the blueprint applies k. Nothing here
// writes, and nothing imports another feature: only the shared schema is used.

/** Handoff ratings are hard below this mean effort (CES 1–7)… */
export const FRICTION_EFFORT = 4.5;
/** …and turned out badly for the customer below this mean outcome (1–5). */
export const PAIN_OUTCOME = 3;
/** A team's themes are friction when at least this share of their items is negative. */
export const FRICTION_NEGATIVE_SHARE = 0.6;

const round = (value: number) => Math.round(value * 100) / 100;
const none = (query: OverlayQuery) => query.departmentIds.length === 0;

export const handoffOverlay: BlueprintOverlay = {
  id: 'handoffs',
  label: 'Handoff ratings',
  lane: 'backstage',
  scoreLabel: 'mean effort, 1 very hard … 7 very easy',
  async read(query) {
    if (none(query)) return [];
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

export const kudosOverlay: BlueprintOverlay = {
  id: 'kudos',
  label: 'Kudos',
  lane: 'backstage',
  async read(query) {
    if (none(query)) return [];
    const rows = await query.db
      .selectFrom('kudos')
      .select((eb) => ['department_id', eb.fn.countAll<string>().as('count')])
      .where('department_id', 'in', query.departmentIds)
      .where('moderation', '=', 'published')
      .where('day', '>=', query.from)
      .where('day', '<=', query.to)
      .groupBy('department_id')
      .execute();
    return rows.map((row) => ({ departmentId: row.department_id, count: Number(row.count) }));
  },
  async items(query) {
    const rows = await query.db
      .selectFrom('kudos')
      .select(['id', 'story', 'day', 'moderation'])
      .where('department_id', '=', query.departmentId)
      .where('moderation', 'in', query.staff ? ['published', 'pending'] : ['published'])
      .where('day', '>=', query.from)
      .where('day', '<=', query.to)
      .orderBy('day', 'desc')
      .limit(20)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      text: row.story,
      day: row.day,
      status: row.moderation === 'published' ? null : row.moderation,
    }));
  },
};

const OPEN = ['new', 'under_review', 'planned', 'in_progress'] as const;
const STATUS_LABEL: Record<string, string> = {
  new: 'new',
  under_review: 'under review',
  planned: 'planned',
  in_progress: 'in progress',
};

export const suggestionOverlay: BlueprintOverlay = {
  id: 'suggestions',
  label: 'Open suggestions',
  lane: 'backstage',
  async read(query) {
    if (none(query)) return [];
    const rows = await query.db
      .selectFrom('suggestion')
      .select((eb) => ['concerns_department_id', 'status', eb.fn.countAll<string>().as('count')])
      .where('concerns_department_id', 'in', query.departmentIds)
      .where('moderation', '=', 'published')
      .where('status', 'in', [...OPEN])
      .where('day', '>=', query.from)
      .where('day', '<=', query.to)
      .groupBy(['concerns_department_id', 'status'])
      .execute();
    const byDepartment = new Map<string, Array<{ status: string; count: number }>>();
    for (const row of rows) {
      const list = byDepartment.get(row.concerns_department_id!) ?? [];
      list.push({ status: row.status, count: Number(row.count) });
      byDepartment.set(row.concerns_department_id!, list);
    }
    return [...byDepartment].map(([departmentId, statuses]) => ({
      departmentId,
      count: statuses.reduce((sum, entry) => sum + entry.count, 0),
      detail: OPEN.flatMap((status) => {
        const entry = statuses.find((candidate) => candidate.status === status);
        return entry ? [`${entry.count} ${STATUS_LABEL[status]}`] : [];
      }).join(' · '),
    }));
  },
  async items(query) {
    const rows = await query.db
      .selectFrom('suggestion')
      .select(['id', 'text', 'day', 'status', 'moderation'])
      .where('concerns_department_id', '=', query.departmentId)
      .where('moderation', 'in', query.staff ? ['published', 'pending'] : ['published'])
      .where('status', 'in', [...OPEN])
      .where('day', '>=', query.from)
      .where('day', '<=', query.to)
      .orderBy('day', 'desc')
      .limit(20)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      text: row.text,
      day: row.day,
      status: row.moderation === 'pending' ? 'pending' : (STATUS_LABEL[row.status] ?? row.status),
    }));
  },
};

/**
 * Themes about a team: a (theme, team) pair counts only once at least k of the period's items about the team
 * belong to it (the department page's rule), so every number here is a sum of groups of at least k and no
 * difference between two cells or stages can single out a small group.
 */
async function themeUnits(query: OverlayQuery, scope: 'public' | 'all', departmentIds: string[]) {
  if (departmentIds.length === 0) return [];
  const rows = await query.db
    .selectFrom('theme_item')
    .innerJoin('theme', (join) =>
      join.onRef('theme.id', '=', 'theme_item.theme_id').onRef('theme.scope', '=', 'theme_item.scope'),
    )
    .select((eb) => [
      'theme_item.department_id as departmentId',
      'theme.id as themeId',
      'theme.label as label',
      eb.fn.countAll<string>().as('count'),
      sql<string>`count(*) filter (where theme_item.sentiment < 0)`.as('negative'),
    ])
    .where('theme_item.scope', '=', scope)
    .where('theme.retired', '=', false)
    .where('theme_item.department_id', 'in', departmentIds)
    .where('theme_item.day', '>=', query.from)
    .where('theme_item.day', '<=', query.to)
    .$if(scope === 'public', (qb) => qb.where('theme_item.published', '=', true))
    .groupBy(['theme_item.department_id', 'theme.id', 'theme.label'])
    .having(sql`count(*)`, '>=', query.k)
    .execute();
  return rows.map((row) => ({
    departmentId: row.departmentId!,
    themeId: row.themeId,
    label: row.label,
    count: Number(row.count),
    negative: Number(row.negative),
  }));
}

export const themeOverlay: BlueprintOverlay = {
  id: 'themes',
  label: 'Employee themes',
  lane: 'backstage',
  scoreLabel: 'share of negative comments',
  async read(query) {
    const units = await themeUnits(query, 'public', query.departmentIds);
    const byDepartment = new Map<string, typeof units>();
    for (const unit of units)
      byDepartment.set(unit.departmentId, [...(byDepartment.get(unit.departmentId) ?? []), unit]);
    return [...byDepartment].map(([departmentId, list]) => {
      const count = list.reduce((sum, unit) => sum + unit.count, 0);
      const negative = list.reduce((sum, unit) => sum + unit.negative, 0);
      const top = [...list].sort((a, b) => b.count - a.count).slice(0, 2);
      return {
        departmentId,
        count,
        score: round(negative / count),
        detail: top.map((unit) => unit.label).join(' · '),
        friction: negative / count >= FRICTION_NEGATIVE_SHARE,
      };
    });
  },
  async items(query) {
    const units = await themeUnits(query, query.staff ? 'all' : 'public', [query.departmentId]);
    return units
      .sort((a, b) => b.count - a.count)
      .map((unit) => ({
        id: unit.themeId,
        text: `${unit.label} — ${unit.count} comments, ${unit.negative} negative`,
        day: null,
        status: null,
      }));
  },
};

export const BUILT_IN_OVERLAYS = [handoffOverlay, kudosOverlay, suggestionOverlay, themeOverlay];

/** Published employee themes (public scope, at least k items) with their words, for touchpoint mapping. */
export async function touchpointThemes(query: Pick<OverlayQuery, 'db' | 'k'>) {
  const rows = await query.db
    .selectFrom('theme')
    .select(['id', 'label', 'keywords', 'size', 'sentiment'])
    .where('scope', '=', 'public')
    .where('retired', '=', false)
    .where('size', '>=', query.k)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    keywords: Array.isArray(row.keywords) ? (row.keywords as string[]) : [],
    size: row.size,
    sentiment: row.sentiment,
  }));
}
