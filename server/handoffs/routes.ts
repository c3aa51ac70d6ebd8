import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { badRequest, conflict, errorResponses, notFound } from '../errors.ts';
import { spendToken } from '../shared/private-token.ts';
import { piiKinds } from '../../common/pii.ts';
import { audit } from '../shared/audit.ts';
import { decisionRoute } from '../shared/moderation/routes.ts';
import { today } from '../shared/days.ts';
import { releasable } from '../shared/min-group.ts';
import { getSettings } from '../shared/settings.ts';
import {
  CommentDecided,
  CommentDecisionBody,
  CommentsQuery,
  IdParams,
  KUDOS_MIN,
  ModComments,
  NewRequestTypeBody,
  Overview,
  Rated,
  RatingBody,
  RequestTypeCreated,
  RequestTypeRetired,
  Scorecard,
  ScorecardQuery,
  Teams,
  TeamsQuery,
} from '../../common/api/handoffs.ts';
import { ensureHandoffKeys, HANDOFF_KEYS_JOB } from './keys.ts';
import {
  backstageTeams,
  commentsForModerators,
  decideComment,
  findComment,
  findTeam,
  insertRating,
  insertRequestType,
  listThemeSourceItems,
  publishedComments,
  ratingGroups,
  ratingsIn,
  requestTypeOf,
  retireRequestType,
} from './queries.ts';
import { change, quarterMonths, quarterOf, scoreGrid } from './scorecard.ts';
import { isoWeek, scopeOf } from './weeks.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/*
 * Voice of the Internal Customer (issue 17). One rating per person per backstage team per ISO week: the
 * rating spends a `handoff:<department>:<week>` token whose key has budget 1, so a second issuance is
 * 429 budget_exhausted and counts of ratings are counts of people. Every refusal (unknown or frontstage
 * team, unknown request type, a kudos without a story) happens before the transaction; the spend, the
 * rating and its kudos story commit together, so a refused request never burns a token.
 */
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');
  const adminOnly = app.requireStaff('admin');
  app.themeSources.add(listThemeSourceItems);
  app.jobs.define({
    name: HANDOFF_KEYS_JOB,
    everyMs: 60 * 60 * 1000,
    run: async () => void (await ensureHandoffKeys(app)),
  });

  async function grid(quarter = quarterOf(today())) {
    const { months, firstDay } = quarterMonths(quarter, today());
    const [{ minimumGroupSize: k }, teams, groups] = await Promise.all([
      getSettings(app.db),
      backstageTeams(app.db),
      ratingGroups(app.db, firstDay),
    ]);
    return { k, grid: scoreGrid(teams, groups, quarter, months, k) };
  }

  // ---- employees ----

  app.get(
    '/api/handoffs/teams',
    {
      schema: {
        tags: ['handoffs'],
        summary: "Backstage teams to rate, with their request types and this week's token scope",
        response: { 200: Teams },
      },
    },
    async () => {
      const day = today();
      const teams = await backstageTeams(app.db);
      return {
        week: isoWeek(day),
        teams: teams.map((team) => ({ ...team, scope: scopeOf(team.id, day) })),
      };
    },
  );

  app.post(
    '/api/handoffs/ratings',
    {
      config: {
        privateToken: (request) =>
          scopeOf(String((request.body as { departmentId?: unknown } | undefined)?.departmentId ?? '')),
      },
      // Before the token is read: a team nobody can rate is refused without touching the token.
      preValidation: async (request) => {
        const departmentId = (request.body as { departmentId?: unknown } | null)?.departmentId;
        if (typeof departmentId !== 'string' || !UUID.test(departmentId)) return; // the schema answers 400
        const team = await findTeam(app.db, departmentId);
        if (!team) throw badRequest('unknown_department', 'That is not a department we know.');
        if (team.kind !== 'backstage')
          throw badRequest('not_backstage', 'Handoffs are rated for backstage teams only.');
      },
      schema: {
        tags: ['handoffs'],
        summary:
          'Rate a handoff with a backstage team (spends the one `handoff:<department>:<week>` token a member can get)',
        description:
          'effort: CES 1–7 ("how easy was it to get what you needed"); outcome: 1–5 ("how did it turn out for ' +
          'the customer"). kudos: true turns the comment into a kudos story for the team (kudos moderation).',
        security: [{ privateToken: [] }],
        body: RatingBody,
        response: { 201: Rated, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { departmentId, effort, outcome } = request.body;
      const comment = request.body.comment?.trim() || null;
      const kudos = request.body.kudos === true;
      if (kudos && (!comment || comment.length < KUDOS_MIN))
        throw badRequest('story_too_short', `A kudos needs a comment of at least ${KUDOS_MIN} characters.`);
      const requestTypeId = request.body.requestTypeId ?? null;
      if (requestTypeId) {
        const type = await requestTypeOf(app.db, departmentId, requestTypeId);
        if (!type || type.retired)
          throw badRequest('unknown_request_type', 'That is not one of this team’s request types.');
      }
      const piiFlags = comment ? piiKinds(comment) : [];
      const { moderationMode } = await getSettings(app.db);
      const moderation = moderationMode === 'post' ? ('published' as const) : ('pending' as const);
      const rated = await app.db.transaction().execute(async (trx) => {
        await spendToken(trx, request.privateToken);
        const row = await insertRating(trx, {
          departmentId,
          requestTypeId,
          effort,
          outcome,
          comment,
          piiFlags,
          kudosAlert: kudos,
          commentModeration: moderation,
        });
        // A kudos alert becomes a story in the kudos queue (the kudos port), not linked to the rating.
        if (kudos)
          await app.kudosStories.create(trx, { departmentId, story: comment!, moderation, piiFlags });
        return row;
      });
      if (comment) app.contentEvents.changed({ source: 'handoff' });
      if (kudos) app.contentEvents.changed({ source: 'kudos' });
      return reply.code(201).send({ ...rated, kudos });
    },
  );

  app.get(
    '/api/handoffs/departments/:id/scorecard',
    {
      schema: {
        tags: ['handoffs'],
        summary:
          "A team's internal-customer scorecard by month of a quarter; every number from at least k people",
        params: IdParams,
        querystring: ScorecardQuery,
        response: { 200: Scorecard, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const team = await findTeam(app.db, request.params.id);
      if (!team) throw notFound('No such department.');
      const { k, grid: scores } = await grid(request.query.quarter);
      const row = scores.teams.find((entry) => entry.department.id === team.id);
      const cells = row?.cells ?? scores.months.map((month) => ({ ...emptyShownCell, period: month }));
      const released = cells.filter((cell) => cell.ratings !== null && cell.ratings > 0);
      return {
        department: { id: team.id, name: team.name },
        minimumGroupSize: k,
        period: scores.quarter,
        months: scores.months,
        cells,
        quarter: row?.quarter ?? { ...emptyShownCell, period: scores.quarter },
        comments: await publishedComments(
          app.db,
          team.id,
          released.map((cell) => cell.period),
        ),
      };
    },
  );

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
      const { k, grid: scores } = await grid(request.query.quarter);
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

  decisionRoute(app, {
    url: '/api/mod/handoffs/comments/:id/decision',
    summary: 'Publish or hide (with a reason) a rating comment; audited',
    description:
      'Nobody reads a comment before its team has k ratings in its month, so a decision before then is ' +
      'refused (409 below_minimum_group).',
    params: IdParams,
    body: CommentDecisionBody,
    reply: CommentDecided,
    decide: async (staff, id, { action, ...body }) => {
      const reason = body.reason?.trim() || null;
      if (action === 'hide' && !reason) throw badRequest('reason_required', 'Say why the comment is hidden.');
      const found = await findComment(app.db, id);
      if (!found) throw notFound('No such comment.');
      const { minimumGroupSize: k } = await getSettings(app.db);
      if (!releasable(await ratingsIn(app.db, found.departmentId, found.day.slice(0, 7)), k)) {
        throw conflict('below_minimum_group', `Comments are read from ${k} ratings on, by moderators too.`);
      }
      const moderation: 'published' | 'hidden' = action === 'publish' ? 'published' : 'hidden';
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
    },
  });

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

const emptyShownCell = {
  period: '',
  suppressed: false,
  ratings: 0,
  effort: null,
  outcome: null,
  effortDistribution: null,
  outcomeDistribution: null,
  kudosAlerts: 0,
};

export default routes;
