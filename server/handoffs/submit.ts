import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { piiKinds } from '../../common/pii.ts';
import { KUDOS_MIN, type RatingBody } from '../../common/api/handoffs.ts';
import { badRequest } from '../errors.ts';
import { getSettings } from '../shared/settings.ts';
import { insertRating, requestTypeOf } from './queries.ts';

/** What rating a handoff needs of the app. */
export type RateDeps = Pick<FastifyInstance, 'db' | 'contentEvents' | 'kudosStories'>;

/**
 * Records a handoff rating (and its kudos alert, as a story in the kudos queue, not linked to the
 * rating). Every refusal happens before the transaction opens; `spend` runs inside it (the route
 * spends the request's token there), so the rating and the spend commit or roll back together. The
 * submit benchmark calls this same function without a token.
 */
export async function submitRating(
  { db, contentEvents, kudosStories }: RateDeps,
  body: RatingBody,
  spend: (trx: Kysely<Database>) => Promise<void>,
) {
  const { departmentId, effort, outcome } = body;
  const comment = body.comment?.trim() || null;
  const kudos = body.kudos === true;
  if (kudos && (!comment || comment.length < KUDOS_MIN))
    throw badRequest('story_too_short', `A kudos needs a comment of at least ${KUDOS_MIN} characters.`);
  const requestTypeId = body.requestTypeId ?? null;
  if (requestTypeId) {
    const type = await requestTypeOf(db, departmentId, requestTypeId);
    if (!type || type.retired)
      throw badRequest('unknown_request_type', 'That is not one of this team’s request types.');
  }
  const piiFlags = comment ? piiKinds(comment) : [];
  const { moderationMode } = await getSettings(db);
  const moderation = moderationMode === 'post' ? ('published' as const) : ('pending' as const);
  const rated = await db.transaction().execute(async (trx) => {
    await spend(trx);
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
    if (kudos) await kudosStories.create(trx, { departmentId, story: comment!, moderation, piiFlags });
    return row;
  });
  if (comment) contentEvents.changed({ source: 'handoff' });
  if (kudos) contentEvents.changed({ source: 'kudos' });
  return { ...rated, kudos };
}
