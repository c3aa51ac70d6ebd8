import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import { badRequest, conflict, errorResponses, notFound } from '../errors.ts';
import { spendToken } from '../shared/private-token.ts';
import { getSettings } from '../shared/settings.ts';
import { today } from '../shared/days.ts';
import {
  currentPulse,
  describePulse,
  findPulse,
  insertResponse,
  listPulses,
  pulseState,
  scopeOf,
  pulseThemeSource,
} from './queries.ts';
import { inScale } from './score.ts';
import { readResults } from './read-results.ts';
import moderationRoutes from './moderation-routes.ts';
import { Answered, IdParams, Pulse, ResponseBody, Results } from '../../common/api/pulses.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/*
 * One answer per person per pulse: each pulse has its own token scope `pulse:<id>` whose key has a budget
 * of 1, so a member can obtain one token for it (a second issuance is 429 budget_exhausted) and a token
 * spends once (401 token_spent). Unknown or closed pulses are refused before the token is even read;
 * an out-of-scale score or unknown department before the transaction: nothing written, nothing burned.
 */
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.themeSources.add(pulseThemeSource);

  // ---- employees ----

  app.get(
    '/api/pulses/current',
    {
      schema: {
        tags: ['pulses'],
        summary: 'The pulse open today, or 404',
        response: { 200: Pulse, ...errorResponses(404) },
      },
    },
    async () => {
      const pulse = await currentPulse(app.db);
      if (!pulse) throw notFound('No pulse is open right now.');
      return describePulse(pulse);
    },
  );

  app.get(
    '/api/pulses',
    {
      schema: {
        tags: ['pulses'],
        summary: 'Pulses that have opened, newest first (results of closed ones are public)',
        response: { 200: Type.Object({ pulses: Type.Array(Pulse) }) },
      },
    },
    async () => {
      const day = today();
      const pulses = (await listPulses(app.db)).filter((pulse) => pulse.opensOn <= day);
      return { pulses: pulses.map((pulse) => describePulse(pulse, day)) };
    },
  );

  app.post(
    '/api/pulses/:id/responses',
    {
      config: { privateToken: (request) => scopeOf((request.params as { id: string }).id) },
      // Before the token is read: an unknown or closed pulse is refused without touching the token.
      preValidation: async (request) => {
        const { id } = request.params as { id: string };
        if (!UUID.test(id)) return; // schema validation answers 400
        const pulse = await findPulse(app.db, id);
        if (!pulse) throw notFound('No such pulse.');
        const state = pulseState(pulse);
        if (state !== 'open')
          throw conflict(
            state === 'closed' ? 'pulse_closed' : 'pulse_not_open',
            `This pulse is ${state === 'closed' ? 'closed' : 'not open yet'}.`,
          );
      },
      schema: {
        tags: ['pulses'],
        summary:
          'Answer the pulse (spends the one `pulse:<id>` token a member can get): score and optional comment',
        security: [{ privateToken: [] }],
        params: IdParams,
        body: ResponseBody,
        response: { 201: Answered, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const pulse = await findPulse(app.db, id);
      if (!pulse) throw notFound('No such pulse.');
      if (pulseState(pulse) !== 'open') throw conflict('pulse_closed', 'This pulse is closed.');
      const { score } = request.body;
      if (!inScale(pulse.scale, score))
        throw badRequest('score_out_of_scale', `Answer on the pulse's ${pulse.scale} scale.`);
      const comment = request.body.comment?.trim() || null;
      // The department is what the token proves (a `pulse:<id>@<dept>` key, issued only to members
      // enrolled with it, sharing the pulse's budget of one): an answer counts once, for its own team.
      const ownDepartmentId = request.privateToken?.departmentId ?? null;
      if (request.body.ownDepartmentId && request.body.ownDepartmentId !== ownDepartmentId) {
        throw badRequest(
          'department_unproven',
          'Your department counts only when your token proves it (codes of that department).',
        );
      }
      const { moderationMode } = await getSettings(app.db);
      const answered = await app.db.transaction().execute(async (trx) => {
        await spendToken(trx, request.privateToken);
        return insertResponse(trx, {
          pulseId: id,
          score,
          comment,
          ownDepartmentId,
          // Comments are moderated like suggestions: pre-moderation holds them until a moderator looks.
          commentModeration: moderationMode === 'post' ? 'published' : 'pending',
        });
      });
      if (comment) app.contentEvents.changed({ source: 'pulse' });
      return reply.code(201).send(answered);
    },
  );

  app.get(
    '/api/pulses/:id/results',
    {
      schema: {
        tags: ['pulses'],
        summary: 'Results of a closed pulse for everyone (403 while it is open); every number at least k',
        params: IdParams,
        response: { 200: Results, ...errorResponses(400, 403, 404) },
      },
    },
    async (request) => readResults(app.db, request.params.id, 'public'),
  );

  // The moderators' side: scheduling, every pulse, results so far and comment decisions.
  await app.register(moderationRoutes);
};

export default routes;
