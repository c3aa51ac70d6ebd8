import type { BlueprintOverlay } from '../shared/blueprint-overlays.ts';

// What published kudos tell the service blueprint (issue 18), registered on `app.blueprintOverlays` by this
// feature's routes. Raw counts per department; the blueprint applies k.

export const kudosOverlay: BlueprintOverlay = {
  id: 'kudos',
  label: 'Kudos',
  lane: 'backstage',
  position: 20,
  async read(query) {
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
