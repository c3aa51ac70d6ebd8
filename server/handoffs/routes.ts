import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { badRequest, errorResponses, notFound } from '../errors.ts';
import { spendToken } from '../shared/private-token.ts';
import { today } from '../shared/days.ts';
import { IdParams, Rated, RatingBody, Scorecard, ScorecardQuery, Teams } from '../../common/api/handoffs.ts';
import { ensureHandoffKeys, HANDOFF_KEYS_JOB } from './keys.ts';
import { backstageTeams, findTeam, handoffThemeSource, publishedComments } from './queries.ts';
import { isoWeek, scopeOf } from './weeks.ts';
import { quarterGrid } from './grid.ts';
import moderationRoutes from './moderation-routes.ts';
import requestTypeRoutes from './request-type-routes.ts';
import { submitRating } from './submit.ts';
import { handoffOverlay } from './blueprint-overlay.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/*
 * Voice of the Internal Customer (issue 17). One rating per person per backstage team per ISO week: the
 * rating spends a `handoff:<department>:<week>` token whose key has budget 1, so a second issuance is
 * 429 budget_exhausted and counts of ratings are counts of people. Every refusal (unknown or frontstage
 * team, unknown request type, a kudos without a story) happens before the transaction; the spend, the
 * rating and its kudos story commit together, so a refused request never burns a token.
 */
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.themeSources.add(handoffThemeSource);
  app.blueprintOverlays.add(handoffOverlay);
  app.jobs.define({
    name: HANDOFF_KEYS_JOB,
    everyMs: 60 * 60 * 1000,
    run: async () => void (await ensureHandoffKeys(app)),
  });
  // A backstage team an admin just created (or made backstage) can be rated this week, not after the next run.
  app.departmentEvents.on(async ({ departmentId, kind }) => {
    if (kind === 'backstage') await ensureHandoffKeys(app, { departmentIds: [departmentId] });
  });

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
      const teams = await backstageTeams(app.db, { active: true });
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
        if (team.archived)
          throw badRequest('department_archived', `${team.name} is archived: it takes no new ratings.`);
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
    async (request, reply) =>
      reply
        .code(201)
        .send(await submitRating(app, request.body, (trx) => spendToken(trx, request.privateToken))),
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
      const { k, grid: scores } = await quarterGrid(app.db, request.query.quarter);
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

  // The moderators' and admins' side: all teams, comment decisions, request types.
  await app.register(moderationRoutes);
  await app.register(requestTypeRoutes);
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
