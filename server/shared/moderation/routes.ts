import type { FastifyInstance, FastifySchema } from 'fastify';
import type { Static, TObject, TSchema } from 'typebox';
import { Type } from 'typebox';
import { badRequest, errorResponses, HttpError } from '../../errors.ts';
import { BULK_MAX, BulkResult } from '../../../common/api/moderation.ts';
import type { StaffMember } from '../staff-sessions.ts';
import {
  announceDecision,
  decide,
  replyToAuthor,
  threadWithAuthor,
  type ModerationRules,
} from './actions.ts';

// The moderators' routes every moderated kind repeats: a decision on one item, its author's thread and a
// reply to its author. Each is registered on its own, so a feature keeps its routes in its own order (the
// OpenAPI document lists paths in registration order). Moderators and admins only; tagged 'moderation'.

interface ItemRoute {
  /** The route's full path, with an `:id` parameter (and maybe more). */
  url: string;
  summary: string;
  description?: string;
  /** The feature's `{ id }` parameters schema. */
  params: TObject;
}

/** A moderator's decision on one item: `decide` checks, writes and audits it, and answers with the reply body. */
export function decisionRoute<Body extends TSchema, Reply extends TSchema>(
  app: FastifyInstance,
  route: ItemRoute & {
    body: Body;
    reply: Reply;
    /** `params` holds every path parameter (`id` among them), e.g. a pulse comment's `commentId`. */
    decide: (
      staff: StaffMember,
      id: string,
      body: Static<Body>,
      params: Record<string, string>,
    ) => Promise<Static<Reply>>;
  },
): void {
  // Typed as a plain schema: the reply's type is the feature's (Static<Reply>), checked at `decide`.
  const schema: FastifySchema = {
    tags: ['moderation'],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    params: route.params,
    body: route.body,
    response: { 200: route.reply, ...errorResponses(400, 401, 403, 404, 409) },
  };
  app.post(route.url, { preHandler: app.requireStaff('moderator', 'admin'), schema }, async (request) => {
    const params = request.params as Record<string, string> & { id: string };
    return route.decide(request.staff!, params.id, request.body as Static<Body>, params);
  });
}

/**
 * The same decision on several items at once (`{ ids, decision }`): each item is decided, audited and
 * announced exactly as its single route would, one after the other, so one refusal (already decided, not
 * found) is reported for that item and the others still go through. Redactions are one at a time.
 */
export function bulkDecisionRoute<Body extends TSchema>(
  app: FastifyInstance,
  route: {
    url: string;
    summary: string;
    /** The single decision's body schema. */
    body: Body;
    /** Path parameters when the items belong to one parent (a pulse's comments: `/api/mod/pulses/:id/…`). */
    params?: TObject;
    /** `params` holds the path parameters (the parent's `id`), as the single decision route passes them. */
    decide: (
      staff: StaffMember,
      id: string,
      body: Static<Body>,
      params: Record<string, string>,
    ) => Promise<unknown>;
  },
): void {
  const schema: FastifySchema = {
    tags: ['moderation'],
    summary: route.summary,
    ...(route.params ? { params: route.params } : {}),
    body: Type.Object(
      {
        ids: Type.Array(Type.String({ format: 'uuid' }), {
          minItems: 1,
          maxItems: BULK_MAX,
          uniqueItems: true,
        }),
        decision: route.body,
      },
      { additionalProperties: false },
    ),
    response: { 200: BulkResult, ...errorResponses(400, 401, 403) },
  };
  app.post(route.url, { preHandler: app.requireStaff('moderator', 'admin'), schema }, async (request) => {
    const { ids, decision } = request.body as { ids: string[]; decision: Static<Body> & { action: string } };
    const params = (request.params ?? {}) as Record<string, string>;
    if (decision.action === 'redact')
      throw badRequest('bulk_redact', 'Redact items one at a time: each needs its own edited text.');
    const results = [];
    for (const id of ids) {
      try {
        await route.decide(request.staff!, id, decision, params);
        results.push({ id, ok: true });
      } catch (error) {
        // A 400 is about the decision itself (no reason given): it holds for every item, so the first one
        // answers it before anything was written. 404/409 are about one item.
        if (!(error instanceof HttpError) || error.statusCode === 400 || error.statusCode >= 500) throw error;
        results.push({ id, ok: false, error: error.code, message: error.message });
      }
    }
    return { results, done: results.filter((result) => result.ok).length };
  });
}

/**
 * The decision on an item with the shared moderation rules (publish, reject with a reason, redact), announced
 * to the themes and the disk scrub once committed. Answers `{ moderation, text }` for the feature's reply.
 */
export async function decideItem(
  app: Pick<FastifyInstance, 'db' | 'contentEvents' | 'diskScrub'>,
  rules: ModerationRules,
  staff: StaffMember,
  id: string,
  request: Parameters<typeof decide>[4],
) {
  const decided = await decide(app.db, rules, staff, id, request);
  announceDecision(app, rules.kind, request.action);
  return decided;
}

/** The conversation with an item's anonymous author, as moderators see it. */
export function authorThreadRoute(
  app: FastifyInstance,
  route: ItemRoute & { kind: ModerationRules['kind']; reply: TSchema },
): void {
  app.get(
    route.url,
    {
      preHandler: app.requireStaff('moderator', 'admin'),
      schema: {
        tags: ['moderation'],
        summary: route.summary,
        params: route.params,
        response: { 200: route.reply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      messages: await threadWithAuthor(app.db, route.kind, (request.params as { id: string }).id),
    }),
  );
}

/** A moderator's reply to an item's anonymous author (they read it through their receipt): 201 `{ message }`. */
export function authorReplyRoute(
  app: FastifyInstance,
  route: ItemRoute & { kind: ModerationRules['kind']; body: TSchema; reply: TSchema },
): void {
  app.post(
    route.url,
    {
      preHandler: app.requireStaff('moderator', 'admin'),
      schema: {
        tags: ['moderation'],
        summary: route.summary,
        params: route.params,
        body: route.body,
        response: { 201: route.reply, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { body } = request.body as { body: string };
      const message = await replyToAuthor(app.db, route.kind, request.staff!, id, body);
      return reply.code(201).send({ message });
    },
  );
}
