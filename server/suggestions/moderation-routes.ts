import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { conflict, errorResponses, notFound } from '../errors.ts';
import type { ModerationRules } from '../shared/moderation/actions.ts';
import {
  authorReplyRoute,
  authorThreadRoute,
  bulkDecisionRoute,
  decideItem,
  decisionRoute,
} from '../shared/moderation/routes.ts';
import { TabCounts } from '../../common/api/moderation.ts';
import { audit } from '../shared/audit.ts';
import { toCsv } from './csv.ts';
import {
  findModerationState,
  listForExport,
  listForModerators,
  MOD_PAGE_SIZE,
  moderatorTabCounts,
  setStatus,
} from './queries.ts';
import {
  DecisionBody,
  IdParams,
  ModList,
  ModListQuery,
  ModReplyBody,
  ModThread,
  QueueQuery,
  StatusBody,
  TEXT_MIN,
} from '../../common/api/suggestions.ts';
import { Posted } from '../../common/api/threads.ts';
import { visibleOwnDepartments } from './voices.ts';
import { today } from '../shared/days.ts';

/** Suggestions carry the shared moderation rules and nothing more (status is their own route). */
const moderationRules: ModerationRules = {
  kind: 'suggestion',
  itemNoun: 'suggestion',
  textNoun: 'text',
  textMin: TEXT_MIN,
};

// The moderators' side of suggestions: the queue, decisions, replies, status and the CSV export.
const moderationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');
  const visibility = () => visibleOwnDepartments(app.db);

  app.get(
    '/api/mod/queue',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary:
          'Suggestions awaiting a decision, oldest first (pending; in post-moderation also unreviewed)',
        querystring: QueueQuery,
        response: { 200: ModList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page = 1, q, sort } = request.query;
      const { visible } = await visibility();
      return {
        ...(await listForModerators(app.db, { queue: true, page, q, sort }, visible)),
        page,
        pageSize: MOD_PAGE_SIZE,
      };
    },
  );

  app.get(
    '/api/mod/suggestions',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary:
          'All suggestions, newest first, optionally by moderation state; awaitingReply=true: the author wrote last',
        querystring: ModListQuery,
        response: { 200: ModList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const { visible } = await visibility();
      const filters = {
        moderation: request.query.moderation,
        awaitingReply: request.query.awaitingReply,
        q: request.query.q,
        sort: request.query.sort,
        page,
      };
      return { ...(await listForModerators(app.db, filters, visible)), page, pageSize: MOD_PAGE_SIZE };
    },
  );

  app.get(
    '/api/mod/suggestions/counts',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'How many suggestions each moderator tab holds: queue, replies, published, rejected',
        response: { 200: TabCounts, ...errorResponses(401, 403) },
      },
    },
    async () => moderatorTabCounts(app.db),
  );

  bulkDecisionRoute(app, {
    url: '/api/mod/suggestions/decisions',
    summary: 'Publish or reject (with one reason) several suggestions; each is audited on its own',
    body: DecisionBody,
    decide: (staff, id, body) => decideItem(app, moderationRules, staff, id, body),
  });

  authorThreadRoute(app, {
    url: '/api/mod/suggestions/:id/thread',
    summary: 'The conversation with the author of a suggestion',
    params: IdParams,
    kind: 'suggestion',
    reply: ModThread,
  });

  decisionRoute(app, {
    url: '/api/mod/suggestions/:id/decision',
    summary:
      'Publish, reject with a reason the author sees, or redact (publish an edited text; the original is discarded)',
    params: IdParams,
    body: DecisionBody,
    reply: Type.Object({ id: Type.String(), moderation: Type.String(), text: Type.String() }),
    decide: async (staff, id, body) => {
      const { moderation, text } = await decideItem(app, moderationRules, staff, id, body);
      return { id, moderation, text };
    },
  });

  authorReplyRoute(app, {
    url: '/api/mod/suggestions/:id/replies',
    summary: 'Reply to the anonymous author (they read it through their receipt)',
    params: IdParams,
    kind: 'suggestion',
    body: ModReplyBody,
    reply: Posted,
  });

  app.post(
    '/api/mod/suggestions/:id/status',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary:
          'Set the public status (new, under_review, planned, in_progress, done, wont_do) and response',
        description: 'Omit `response` to keep the current public response; an empty string clears it.',
        params: IdParams,
        body: StatusBody,
        response: {
          200: Type.Object({
            id: Type.String(),
            status: Type.String(),
            response: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const result = await app.db.transaction().execute(async (trx) => {
        const updated = await setStatus(trx, id, request.body);
        if (!updated) {
          if (await findModerationState(trx, id))
            throw conflict('not_published', 'Publish the suggestion before giving it a status.');
          throw notFound('No such suggestion.');
        }
        await audit(
          trx,
          request.staff!,
          'suggestion.status',
          { type: 'suggestion', id },
          {
            status: updated.status,
            ...(request.body.response !== undefined ? { response: updated.response } : {}),
          },
        );
        return updated;
      });
      return { id, ...result };
    },
  );

  app.get(
    '/api/mod/suggestions/export.csv',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Published suggestions with status, votes and public response, as CSV',
        response: { 200: Type.String({ description: 'text/csv' }), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const { visible } = await visibility();
      const rows = await listForExport(app.db, visible);
      await audit(app.db, request.staff!, 'suggestion.export', null, { rows: rows.length });
      const day = today();
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="greenroom-suggestions-${day}.csv"`)
        .send(
          toCsv(
            [
              'id',
              'day',
              'concernsDepartment',
              'ownDepartment',
              'status',
              'votes',
              'redacted',
              'text',
              'response',
              'responseDay',
            ],
            rows,
          ),
        );
    },
  );
};

export default moderationRoutes;
