import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { badRequest, errorResponses, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { commentDecision, requireReadableGroup } from '../shared/moderation/actions.ts';
import { bulkDecisionRoute, decisionRoute } from '../shared/moderation/routes.ts';
import { TabCounts } from '../../common/api/moderation.ts';
import type { StaffMember } from '../shared/staff-sessions.ts';
import { getSettings } from '../shared/settings.ts';
import {
  CommentDecided,
  CommentDecisionBody,
  CommentsQuery,
  IdParams,
  ModComments,
  NewRequestTypeBody,
  Overview,
  RequestTypeCreated,
  RequestTypeRetired,
  TeamsQuery,
} from '../../common/api/handoffs.ts';
import {
  commentsForModerators,
  decideComment,
  findComment,
  findTeam,
  insertRequestType,
  ratingsIn,
  retireRequestType,
} from './queries.ts';
import { change } from './scorecard.ts';
import { quarterGrid } from './grid.ts';

// The moderators' and admins' side of handoff ratings: all teams side by side, comments and their
// decisions, and the request types a team can be rated for.
const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');
  const adminOnly = app.requireStaff('admin');

  // ---- moderators ----

  app.get(
    '/api/mod/handoffs/teams',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'All backstage teams side by side, by month of a quarter, with their suppressed cells',
        querystring: TeamsQuery,
        response: { 200: Overview, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { k, grid: scores } = await quarterGrid(app.db, request.query.quarter);
      const sort = request.query.sort ?? 'score';
      const teams = scores.teams.map((team) => ({ ...team, change: change(team.cells) }));
      const key = (team: (typeof teams)[number]) =>
        sort === 'score' ? (team.quarter.effort ?? -Infinity) : (team.change ?? -Infinity);
      if (sort === 'name') teams.sort((a, b) => a.department.name.localeCompare(b.department.name));
      else teams.sort((a, b) => key(b) - key(a) || a.department.name.localeCompare(b.department.name));
      return {
        minimumGroupSize: k,
        period: scores.quarter,
        months: scores.months,
        teams,
        allTeams: scores.allTeams,
      };
    },
  );

  app.get(
    '/api/mod/handoffs/comments',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Rating comments (default: awaiting a look); only teams and months with at least k ratings',
        querystring: CommentsQuery,
        response: { 200: ModComments, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { minimumGroupSize: k } = await getSettings(app.db);
      return commentsForModerators(app.db, k, request.query.status);
    },
  );

  async function decide(staff: StaffMember, id: string, body: Static<typeof CommentDecisionBody>) {
    const { action } = body;
    const { moderation, reason } = commentDecision(body);
    const found = await findComment(app.db, id);
    if (!found) throw notFound('No such comment.');
    const { minimumGroupSize: k } = await getSettings(app.db);
    requireReadableGroup(await ratingsIn(app.db, found.departmentId, found.day.slice(0, 7)), k, 'ratings');
    await app.db.transaction().execute(async (trx) => {
      await decideComment(trx, id, { moderation, reason });
      await audit(
        trx,
        staff,
        `handoff-comment.${action}`,
        { type: 'handoff_rating', id },
        reason ? { reason } : {},
      );
    });
    app.contentEvents.changed({ source: 'handoff' });
    return { id, moderation };
  }

  decisionRoute(app, {
    url: '/api/mod/handoffs/comments/:id/decision',
    summary: 'Publish or hide (with a reason) a rating comment; audited',
    description:
      'Nobody reads a comment before its team has k ratings in its month, so a decision before then is ' +
      'refused (409 below_minimum_group).',
    params: IdParams,
    body: CommentDecisionBody,
    reply: CommentDecided,
    decide,
  });

  bulkDecisionRoute(app, {
    url: '/api/mod/handoffs/comments/decisions',
    summary: 'Publish or hide (with one reason) several rating comments; each is audited on its own',
    body: CommentDecisionBody,
    decide,
  });

  app.get(
    '/api/mod/handoffs/comments/counts',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'How many readable comments each moderator tab holds: queue, published, hidden',
        response: { 200: TabCounts, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const { minimumGroupSize: k } = await getSettings(app.db);
      const [queue, published, hidden] = await Promise.all([
        commentsForModerators(app.db, k),
        commentsForModerators(app.db, k, 'published'),
        commentsForModerators(app.db, k, 'hidden'),
      ]);
      return {
        queue: queue.comments.length,
        published: published.comments.length,
        hidden: hidden.comments.length,
      };
    },
  );

  // ---- admins ----

  app.post(
    '/api/admin/handoffs/request-types',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Add a request type (what a handoff can be about) to a backstage team',
        body: NewRequestTypeBody,
        response: { 201: RequestTypeCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const label = request.body.label.trim();
      if (!label) throw badRequest('label_required', 'Name the request type.');
      const team = await findTeam(app.db, request.body.departmentId);
      if (!team) throw badRequest('unknown_department', 'That is not a department we know.');
      if (team.kind !== 'backstage')
        throw badRequest('not_backstage', 'Handoffs are rated for backstage teams only.');
      const id = await app.db.transaction().execute(async (trx) => {
        const created = await insertRequestType(trx, team.id, label);
        await audit(
          trx,
          request.staff!,
          'handoff-request-type.create',
          { type: 'department', id: team.id },
          { label },
        );
        return created;
      });
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    '/api/admin/handoffs/request-types/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Retire a request type (ratings that named it keep it)',
        params: IdParams,
        response: { 200: RequestTypeRetired, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const retired = await app.db.transaction().execute(async (trx) => {
        const done = await retireRequestType(trx, id);
        if (done)
          await audit(
            trx,
            request.staff!,
            'handoff-request-type.retire',
            { type: 'handoff_request_type', id },
            {},
          );
        return done;
      });
      if (!retired) throw notFound('No such request type.');
      return { id, retired: true };
    },
  );
};

export default moderationRoutes;
