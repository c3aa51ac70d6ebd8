import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listDepartments } from '../shared/departments.ts';
import { enrolmentTransparency } from './queries.ts';
import { EnrolmentTransparency } from '../../common/api/tokens.ts';

/**
 * Public: enrolment codes minted and used per department per week. A department's breakdowns and
 * labels count its enrolled members as people, so an admin who pads a team with made-up members
 * (mints four codes for "Legal" and enrols them himself) must show here for everyone to see.
 * These are staff actions and counts of enrolments, never who enrolled; no k applies to them.
 */
const transparencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/transparency/enrolment',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Codes minted and members enrolled per department per week (anyone can check for padding)',
        response: { 200: EnrolmentTransparency },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      const [tally, departments] = await Promise.all([
        enrolmentTransparency(app.db),
        listDepartments(app.db),
      ]);
      const byDepartment = new Map<
        string | null,
        { members: number; weeks: Map<string, { minted: number; enrolled: number }> }
      >();
      const entry = (id: string | null) => {
        let found = byDepartment.get(id);
        if (!found) byDepartment.set(id, (found = { members: 0, weeks: new Map() }));
        return found;
      };
      const week = (id: string | null, day: string) => {
        const weeks = entry(id).weeks;
        let found = weeks.get(day);
        if (!found) weeks.set(day, (found = { minted: 0, enrolled: 0 }));
        return found;
      };
      for (const row of tally.minted) week(row.departmentId, row.week).minted += row.minted;
      for (const row of tally.enrolled) week(row.departmentId, row.week).enrolled += row.enrolled;
      for (const row of tally.members) entry(row.departmentId).members += row.members;
      const named = departments.map((department) => ({ id: department.id, name: department.name }));
      const rows = [...named, null].flatMap((department) => {
        const found = byDepartment.get(department?.id ?? null);
        if (!found) return department ? [{ department, members: 0, minted: 0, weeks: [] }] : [];
        const weeks = [...found.weeks]
          .map(([day, counts]) => ({ week: day, ...counts }))
          .sort((a, b) => b.week.localeCompare(a.week));
        const minted = weeks.reduce((sum, row) => sum + row.minted, 0);
        return [{ department, members: found.members, minted, weeks }];
      });
      return { departments: rows };
    },
  );
};

export default transparencyRoutes;
