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
  Overview,
  TeamsQuery,
} from '../../common/api/handoffs.ts';
import { today } from '../shared/days.ts';
import { commentsForModerators, decideComment, findComment, ratingsIn } from './queries.ts';
import { change, previousQuarter, quarterOf, recentPeriods, type Grid } from './scorecard.ts';
import { quarterGrid } from './grid.ts';

// The moderators' and admins' side of handoff ratings: all teams side by side, comments and their
// decisions. Request types (admins) live in request-type-routes.ts.
const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');

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
      const period = request.query.period ?? request.query.quarter ?? quarterOf(today());
      const month = /^\d{4}-\d{2}$/.test(period) ? period : null;
      if (period > (month ? today().slice(0, 7) : quarterOf(today())))
        throw badRequest('future_period', 'That period has not begun yet.');
      const { k, grid: scores } = await quarterGrid(app.db, month ? quarterOf(`${month}-01`) : period);
      const sort = request.query.sort ?? 'score';
      const view = month ? await monthView(scores, month) : quarterView(scores);
      const teams = view.teams;
      const key = (team: (typeof teams)[number]) =>
        sort === 'score' ? (team.quarter.effort ?? -Infinity) : (team.change ?? -Infinity);
      if (sort === 'name') teams.sort((a, b) => a.department.name.localeCompare(b.department.name));
      else teams.sort((a, b) => key(b) - key(a) || a.department.name.localeCompare(b.department.name));
      return {
        minimumGroupSize: k,
        period,
        periods: recentPeriods(today()),
        months: view.months,
        teams,
        allTeams: view.allTeams,
      };
    },
  );

  const quarterView = (grid: Grid) => ({
    months: grid.months,
    teams: grid.teams.map((team) => ({ ...team, change: change(team.cells) })),
    allTeams: grid.allTeams,
  });

  /**
   * One month: its column of the quarter's grid, so every number is one the quarter view shows too and
   * nothing new can be subtracted. Its change is against the month before, from that month's own grid.
   */
  async function monthView(grid: Grid, month: string) {
    const j = grid.months.indexOf(month);
    const before = j > 0 ? grid : (await quarterGrid(app.db, previousQuarter(grid.quarter))).grid;
    const beforeIndex = j > 0 ? j - 1 : before.months.length - 1;
    return {
      months: [month],
      teams: grid.teams.map((team) => {
        const cell = team.cells[j]!;
        const previous = before.teams.find((entry) => entry.department.id === team.department.id)?.cells[
          beforeIndex
        ];
        return {
          department: team.department,
          cells: [cell],
          quarter: cell,
          change: change(previous ? [previous, cell] : [cell]),
        };
      }),
      allTeams: { cells: [grid.allTeams.cells[j]!], quarter: grid.allTeams.cells[j]! },
    };
  }

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
};

export default moderationRoutes;
