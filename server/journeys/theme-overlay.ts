import { sql } from 'kysely';
import type { BlueprintOverlay, OverlayQuery } from '../shared/blueprint-overlays.ts';

// The employee-themes overlay and the touchpoint themes: how the themes engine's published output lands on
// journey stages. Mapping themes to stages is the journeys feature's own job, so these stay here; every other
// overlay (handoffs, kudos, suggestions, customer voice) is registered by the feature that owns its table.
/** A team's themes are friction when at least this share of their items is negative. */
export const FRICTION_NEGATIVE_SHARE = 0.6;

const round = (value: number) => Math.round(value * 100) / 100;

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
  position: 40,
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
