import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { badRequest, conflict, errorResponses, notFound } from '../errors.ts';
import { getSettings } from '../shared/settings.ts';
import { audit } from '../shared/audit.ts';
import { DAY_MS, isDay, today } from '../shared/days.ts';
import { commentDecision, requireReadableGroup } from '../shared/moderation/actions.ts';
import { bulkDecisionRoute, decisionRoute } from '../shared/moderation/routes.ts';
import type { StaffMember } from '../shared/staff-sessions.ts';
import {
  answerCount,
  decideComment,
  describePulse,
  findOverlapping,
  findPulse,
  insertPulse,
  listPulses,
  scopeOf,
} from './queries.ts';
import { readResults } from './read-results.ts';
import {
  CommentDecided,
  CommentDecisionBody,
  CommentParams,
  IdParams,
  ModPulses,
  NewPulseBody,
  PulseCreated,
  Results,
} from '../../common/api/pulses.ts';

const MAX_PULSE_DAYS = 31;
const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

// The moderators' side of pulses: scheduling (which creates the pulse's token scope), every pulse with its
// number of answers, results so far, and decisions on comments.
const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');

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
    async (request) => readResults(app.db, request.params.id, 'moderator'),
  );

  /** A decision on one comment of one pulse, checked, audited and announced: what both routes below run. */
  async function decide(
    staff: StaffMember,
    pulseId: string,
    commentId: string,
    body: Static<typeof CommentDecisionBody>,
  ) {
    const { action } = body;
    const { moderation, reason } = commentDecision(body);
    if (!(await findPulse(app.db, pulseId))) throw notFound('No such pulse.');
    const { minimumGroupSize: k } = await getSettings(app.db);
    requireReadableGroup(await answerCount(app.db, pulseId), k, 'answers');
    const decided = await app.db.transaction().execute(async (trx) => {
      const found = await decideComment(trx, pulseId, commentId, { moderation, reason });
      if (found) {
        await audit(
          trx,
          staff,
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
  }

  decisionRoute(app, {
    url: '/api/mod/pulses/:id/comments/:commentId/decision',
    summary: 'Publish or hide (with a reason) a pulse comment; audited',
    description:
      'Comments are moderated like suggestions. Nobody reads a comment before its pulse has k answers, ' +
      'so a decision before then is refused (409 below_minimum_group).',
    params: CommentParams,
    body: CommentDecisionBody,
    reply: CommentDecided,
    decide: (staff, id, body, { commentId }) => decide(staff, id, commentId!, body),
  });

  bulkDecisionRoute(app, {
    url: '/api/mod/pulses/:id/comments/decisions',
    summary: "Publish or hide (with one reason) several of a pulse's comments; each is audited on its own",
    params: IdParams,
    body: CommentDecisionBody,
    decide: (staff, commentId, body, { id }) => decide(staff, id!, commentId, body),
  });
};

export default moderationRoutes;
