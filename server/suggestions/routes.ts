import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import { conflict, errorResponses, notFound } from '../errors.ts';
import { spendToken } from '../plugins/private-token.ts';
import {
  announceDecision,
  decide,
  replyToAuthor,
  threadWithAuthor,
  type ModerationRules,
} from '../shared/moderation/actions.ts';
import { getSettings } from '../shared/settings.ts';
import { audit } from '../shared/audit.ts';
import { toCsv } from './csv.ts';
import {
  addVote,
  BOARD_PAGE_SIZE,
  departmentNames,
  findModerationState,
  listBoard,
  listForExport,
  listForModerators,
  MOD_PAGE_SIZE,
  ownDepartmentCounts,
  setStatus,
  findSuggestionForThread,
  listThemeSourceItems,
} from './queries.ts';
import {
  Board,
  BoardQuery,
  Created,
  DecisionBody,
  IdParams,
  ModList,
  ModListQuery,
  ModReplyBody,
  ModThread,
  NewSuggestionBody,
  StatusBody,
  TEXT_MIN,
  Votes,
} from '../../common/api/suggestions.ts';
import { submitSuggestion } from './submit.ts';
import { Posted } from '../../common/api/threads.ts';
import { ownDepartmentVisibility } from './voices.ts';
import { enrolledMembers } from '../shared/departments.ts';
import { today } from '../shared/days.ts';

/** Suggestions carry the shared moderation rules and nothing more (status is their own route). */
const moderationRules: ModerationRules = {
  kind: 'suggestion',
  itemNoun: 'suggestion',
  textNoun: 'text',
  textMin: TEXT_MIN,
};

/*
 * Which refusals burn a token? None.
 * - Schema errors (too short/long, bad uuid, garbage JSON) are answered before the token is even read.
 * - A missing, malformed or forged token is refused by the private-token preHandler: nothing to burn.
 * - Unknown department, whitespace-only text, or voting on an item that is not published are checked
 *   before the transaction opens.
 * - The spend and the action share one transaction: if the insert fails, the spend rolls back with it.
 * A token is consumed exactly when the action is recorded. A token already spent answers 401 token_spent.
 * One caveat the client must design for: if the 201 is lost on the way back (network drop), the action
 * did happen and the token is gone — the receipt travels only in that response.
 *
 * Votes: one token per "me too". Tokens are unlinkable by design, so a member holding two tokens can
 * vote twice on the same item; the same token twice is refused (token_spent). The budget per epoch
 * (default 30 general tokens) bounds how far one person can push an item.
 */
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.threadItems.add('suggestion', findSuggestionForThread);
  app.themeSources.add(listThemeSourceItems);
  const staffOnly = app.requireStaff('moderator', 'admin');

  /** Own departments that may be shown (≥ k published, after complementary suppression) and the board's counts. */
  async function visibility() {
    const [{ minimumGroupSize }, { counts, total }, names, people] = await Promise.all([
      getSettings(app.db),
      ownDepartmentCounts(app.db),
      departmentNames(app.db),
      enrolledMembers(app.db),
    ]);
    return ownDepartmentVisibility(counts, total, names, minimumGroupSize, people);
  }

  // ---- employees ----

  app.post(
    '/api/suggestions',
    {
      config: { privateToken: 'general' },
      schema: {
        tags: ['suggestions'],
        summary: 'Submit a suggestion anonymously (spends one general token); returns the receipt',
        description:
          'Refusals never burn the token: validation, token checks and department checks happen before the ' +
          'transaction; the spend and the insert commit together.',
        security: [{ privateToken: [] }],
        body: NewSuggestionBody,
        response: { 201: Created, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const created = await submitSuggestion(
        app,
        request.body,
        (trx) => spendToken(trx, request.privateToken),
        request.privateToken?.departmentId ?? null,
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/suggestions/:id/votes',
    {
      config: { privateToken: 'general' },
      schema: {
        tags: ['suggestions'],
        summary: '"Me too" on a published suggestion (spends one general token)',
        description:
          'Tokens are unlinkable, so one member holding two tokens can vote twice; the same token twice is ' +
          'refused with 401 token_spent. An unknown or unpublished item is refused before the token is spent.',
        security: [{ privateToken: [] }],
        params: IdParams,
        response: { 201: Votes, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const state = await findModerationState(app.db, id);
      if (state?.moderation !== 'published') throw notFound('No such published suggestion.');
      const votes = await app.db.transaction().execute(async (trx) => {
        await spendToken(trx, request.privateToken);
        const count = await addVote(trx, id);
        if (count === null) throw notFound('No such published suggestion.');
        return count;
      });
      return reply.code(201).send({ votes });
    },
  );

  app.get(
    '/api/suggestions',
    {
      schema: {
        tags: ['suggestions'],
        summary:
          '"You said, we did": published suggestions, newest or most supported, with status and response',
        querystring: BoardQuery,
        response: { 200: Board, ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const { visible, voices } = await visibility();
      const board = await listBoard(
        app.db,
        {
          sort: request.query.sort ?? 'new',
          department: request.query.department,
          status: request.query.status,
          page,
        },
        visible,
      );
      return { ...board, page, pageSize: BOARD_PAGE_SIZE, voices };
    },
  );

  // ---- moderators ----

  app.get(
    '/api/mod/queue',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary:
          'Suggestions awaiting a decision, oldest first (pending; in post-moderation also unreviewed)',
        querystring: Type.Object(
          { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
          { additionalProperties: false },
        ),
        response: { 200: ModList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const { visible } = await visibility();
      return {
        ...(await listForModerators(app.db, { queue: true, page }, visible)),
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
        page,
      };
      return { ...(await listForModerators(app.db, filters, visible)), page, pageSize: MOD_PAGE_SIZE };
    },
  );

  app.get(
    '/api/mod/suggestions/:id/thread',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'The conversation with the author of a suggestion',
        params: IdParams,
        response: { 200: ModThread, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ messages: await threadWithAuthor(app.db, 'suggestion', request.params.id) }),
  );

  app.post(
    '/api/mod/suggestions/:id/decision',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary:
          'Publish, reject with a reason the author sees, or redact (publish an edited text; the original is discarded)',
        params: IdParams,
        body: DecisionBody,
        response: {
          200: Type.Object({ id: Type.String(), moderation: Type.String(), text: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { moderation, text } = await decide(app.db, moderationRules, request.staff!, id, request.body);
      announceDecision(app, 'suggestion', request.body.action);
      return { id, moderation, text };
    },
  );

  app.post(
    '/api/mod/suggestions/:id/replies',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Reply to the anonymous author (they read it through their receipt)',
        params: IdParams,
        body: ModReplyBody,
        response: { 201: Posted, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const message = await replyToAuthor(app.db, 'suggestion', request.staff!, id, request.body.body);
      return reply.code(201).send({ message });
    },
  );

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

export default routes;
