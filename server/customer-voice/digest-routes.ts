import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badRequest, errorResponses, notFound } from '../errors.ts';
import { addDays, today } from '../shared/days.ts';
import { isoWeek, mondayOf } from '../shared/weeks.ts';
import { Digest, DigestQuery, IdParams } from '../../common/api/customer-voice.ts';
import { weeklyDigest } from './digest.ts';
import { findDepartment } from './queries.ts';

/**
 * The weekly voice-of-the-customer digest of a department: open to everyone (like the department page it
 * sits beside), aggregates at least k and curated stories only — never raw customer feedback.
 */
const digestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/departments/:id/customer-voice/digest',
    {
      schema: {
        tags: ['customer-voice'],
        summary: "A department's weekly customer-voice digest: score, sentiment, themes, stories; all ≥ k",
        description:
          'week: an ISO week (YYYY-Www), default the last complete week (this one is still filling). Scores and their change from the week before, ' +
          'sentiment by score band, the top customer themes, the latest curated stories, and customer themes ' +
          'beside employee themes about the same department over the 13 weeks up to it.',
        params: IdParams,
        querystring: DigestQuery,
        response: { 200: Digest, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const department = await findDepartment(app.db, request.params.id);
      if (!department) throw notFound('No such department.');
      // A digest of a week half gone mostly says "too few"; the last complete week is the one to read.
      const week = request.query.week ?? isoWeek(addDays(today(), -7));
      if (!mondayOf(week)) throw badRequest('invalid_week', `${week} is not a week of the calendar.`);
      if (week > isoWeek(today())) throw badRequest('future_week', 'That week has not begun yet.');
      return weeklyDigest(app.db, department, week);
    },
  );
};

export default digestRoutes;
