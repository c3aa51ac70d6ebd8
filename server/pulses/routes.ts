import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import { badRequest, conflict, errorResponses, forbidden, notFound } from '../errors.ts';
import { spendToken } from '../shared/private-token.ts';
import { getSettings } from '../shared/settings.ts';
import { audit } from '../shared/audit.ts';
import { DAY_MS, today } from '../shared/days.ts';
import {
  answerCount,
  answersOf,
  decideComment,
  currentPulse,
  describePulse,
  findOverlapping,
  findPulse,
  insertPulse,
  insertResponse,
  listPulses,
  pulseState,
  scopeOf,
  scoreTrend,
  listThemeSourceItems,
} from './queries.ts';
import { releasable } from '../shared/min-group.ts';
import { isReleased, shapeResults } from './results.ts';
import { inScale } from './score.ts';
import {
  Answered,
  CommentDecided,
  CommentDecisionBody,
  CommentParams,
  IdParams,
  ModPulses,
  NewPulseBody,
  Pulse,
  PulseCreated,
  ResponseBody,
  Results,
} from '../../common/api/pulses.ts';

const MAX_PULSE_DAYS = 31;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isDay = (value: string) =>
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

/*
 * One answer per person per pulse: each pulse has its own token scope `pulse:<id>` whose key has a budget
 * of 1, so a member can obtain one token for it (a second issuance is 429 budget_exhausted) and a token
 * spends once (401 token_spent). Unknown or closed pulses are refused before the token is even read;
 * an out-of-scale score or unknown department before the transaction: nothing written, nothing burned.
 */
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');
  app.themeSources.add(listThemeSourceItems);

  async function results(id: string, audience: 'moderator' | 'public') {
    const pulse = await findPulse(app.db, id);
    if (!pulse) throw notFound('No such pulse.');
    if (audience === 'public' && pulseState(pulse) !== 'closed') {
      throw forbidden('pulse_not_closed', 'Results are shared with everyone once the pulse closes.');
    }
    const { minimumGroupSize: k } = await getSettings(app.db);
    const [answers, trend] = await Promise.all([answersOf(app.db, id), scoreTrend(app.db, k, pulse)]);
    // The trend holds closed pulses only (their numbers are final); employees see it up to this pulse.
    const visibleTrend =
      audience === 'public' ? trend.filter((point) => point.opensOn <= pulse.opensOn) : trend;
    return {
      pulse: describePulse(pulse),
      ...shapeResults(pulse.scale, answers, k, audience, isReleased(pulseState(pulse))),
      trend: visibleTrend,
    };
  }

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
    async (request) => results(request.params.id, 'public'),
  );

  // ---- moderators ----

  app.post(
    '/api/mod/pulses',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Schedule a pulse question; creates its token scope (budget 1: one answer per person)',
        body: NewPulseBody,
        response: { 201: PulseCreated, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { opensOn, closesOn, scale } = request.body;
      const question = request.body.question.trim();
      if (question.length < 5)
        throw badRequest('question_too_short', 'Write the question (at least 5 characters).');
      if (!isDay(opensOn) || !isDay(closesOn))
        throw badRequest('invalid_date', 'Dates are calendar days, YYYY-MM-DD.');
      if (closesOn < opensOn)
        throw badRequest('invalid_dates', 'The pulse must close on or after the day it opens.');
      if (closesOn < today()) throw badRequest('closes_in_past', 'The closing day has passed already.');
      if ((midnight(closesOn).getTime() - midnight(opensOn).getTime()) / DAY_MS >= MAX_PULSE_DAYS) {
        throw badRequest('too_long', `A pulse stays open at most ${MAX_PULSE_DAYS} days.`);
      }
      const overlapping = await findOverlapping(app.db, opensOn, closesOn);
      if (overlapping) {
        throw conflict(
          'pulse_overlap',
          `Another pulse runs ${overlapping.opensOn} – ${overlapping.closesOn}: one question at a time.`,
        );
      }
      // The key first: a pulse never exists without its scope. An orphaned key (insert failed) retires on its own.
      const id = randomUUID();
      const scope = scopeOf(id);
      await app.scopeKeys.create({
        scope,
        budget: 1,
        notBefore: midnight(opensOn),
        notAfter: new Date(midnight(closesOn).getTime() + DAY_MS),
      });
      await app.db.transaction().execute(async (trx) => {
        await insertPulse(trx, { id, question, scale, opensOn, closesOn });
        await audit(
          trx,
          request.staff!,
          'pulse.create',
          { type: 'pulse', id },
          { question, scale, opensOn, closesOn },
        );
      });
      return reply.code(201).send({ id, scope });
    },
  );

  app.get(
    '/api/mod/pulses',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Every pulse, newest first, with its number of answers',
        response: { 200: ModPulses, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const day = today();
      return {
        pulses: (await listPulses(app.db)).map((pulse) => ({
          ...describePulse(pulse, day),
          answers: pulse.answers,
        })),
      };
    },
  );

  app.get(
    '/api/mod/pulses/:id/results',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary:
          'Results so far: answers, distribution, score, breakdown by own department and trend; every group at least k',
        params: IdParams,
        response: { 200: Results, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => results(request.params.id, 'moderator'),
  );

  app.post(
    '/api/mod/pulses/:id/comments/:commentId/decision',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Publish or hide (with a reason) a pulse comment; audited',
        description:
          'Comments are moderated like suggestions. Nobody reads a comment before its pulse has k answers, ' +
          'so a decision before then is refused (409 below_minimum_group).',
        params: CommentParams,
        body: CommentDecisionBody,
        response: { 200: CommentDecided, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id, commentId } = request.params;
      const { action } = request.body;
      const reason = request.body.reason?.trim() || null;
      if (action === 'hide' && !reason) throw badRequest('reason_required', 'Say why the comment is hidden.');
      if (!(await findPulse(app.db, id))) throw notFound('No such pulse.');
      const { minimumGroupSize: k } = await getSettings(app.db);
      if (!releasable(await answerCount(app.db, id), k)) {
        throw conflict('below_minimum_group', `Comments are read from ${k} answers on, by moderators too.`);
      }
      const moderation: 'published' | 'hidden' = action === 'publish' ? 'published' : 'hidden';
      const decided = await app.db.transaction().execute(async (trx) => {
        const found = await decideComment(trx, id, commentId, { moderation, reason });
        if (found) {
          await audit(
            trx,
            request.staff!,
            `pulse-comment.${action}`,
            { type: 'pulse_response', id: commentId },
            reason ? { reason } : {},
          );
        }
        return found;
      });
      if (!decided) throw notFound('No such comment on this pulse.');
      app.contentEvents.changed({ source: 'pulse' });
      return { id: commentId, moderation };
    },
  );
};

export default routes;
