import type { BlueprintOverlay } from '../shared/blueprint-overlays.ts';

// Open suggestions about a team for the service blueprint (issue 18), registered on `app.blueprintOverlays`
// by this feature's routes. Raw counts per department; the blueprint applies k.

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
  position: 30,
  async read(query) {
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
      facts: OPEN.flatMap((status) => {
        const entry = statuses.find((candidate) => candidate.status === status);
        return entry ? [{ key: status, value: entry.count }] : [];
      }),
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
