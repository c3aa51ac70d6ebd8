import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { errorResponses, notFound } from '../errors.ts';
import { spendToken } from '../shared/private-token.ts';
import {
  addVote,
  BOARD_PAGE_SIZE,
  findModerationState,
  listBoard,
  findSuggestionForThread,
  suggestionThemeSource,
} from './queries.ts';
import {
  Board,
  BoardQuery,
  Created,
  IdParams,
  NewSuggestionBody,
  Votes,
} from '../../common/api/suggestions.ts';
import { submitSuggestion } from './submit.ts';
import { visibleOwnDepartments } from './voices.ts';
import moderationRoutes from './moderation-routes.ts';
import { suggestionOverlay } from './blueprint-overlay.ts';
import { suggestionNotifications } from './notification-source.ts';

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
  app.themeSources.add(suggestionThemeSource);
  app.notificationSources.add(suggestionNotifications);
  app.blueprintOverlays.add(suggestionOverlay);

  const visibility = () => visibleOwnDepartments(app.db);

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

  await app.register(moderationRoutes);
};

export default routes;
