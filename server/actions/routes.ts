import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ActionCreated,
  ActionParams,
  ActionStatus,
  ActionStatusBody,
  ModActions,
  ModActionsQuery,
  NewActionBody,
  PublicActions,
} from '../../common/api/actions.ts';
import { errorResponses } from '../errors.ts';
import { listModeratorActions, listPublicActions } from './queries.ts';
import { createAction, setActionStatus } from './service.ts';

// Actions from themes: a moderator makes a public status-board item from a theme; everyone reads the board.
// Routes declare full paths (/api/...); registered without a prefix.
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');

  app.get(
    '/api/actions',
    {
      schema: {
        tags: ['public'],
        summary: 'Actions moderators made from themes, most recently updated first ("you said, we did")',
        description:
          'Only what the moderator wrote (title, description, response), the status and days: never the ' +
          'theme it came from, whose label may come from comments employees never saw.',
        response: { 200: PublicActions },
      },
    },
    async () => ({ actions: await listPublicActions(app.db) }),
  );

  app.post(
    '/api/mod/themes/:id/actions',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary: 'Create an action from a theme: a public status-board item employees can follow',
        description:
          'The theme must be in the moderators’ current snapshot. Starts as `planned`. Title and description ' +
          'are public as written. Audited.',
        params: ActionParams,
        body: NewActionBody,
        response: { 201: ActionCreated, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const id = await createAction(app, request.staff!, request.params.id, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/mod/actions/:id/status',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary: 'Set an action’s status (planned, in_progress, done, wont_do) and public response',
        description:
          'Omit `response` to keep the current public response; an empty string clears it. Audited.',
        params: ActionParams,
        body: ActionStatusBody,
        response: {
          200: Type.Object({
            id: Type.String(),
            status: ActionStatus,
            response: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      return { id, ...(await setActionStatus(app, request.staff!, id, request.body)) };
    },
  );

  app.get(
    '/api/mod/actions',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary: 'Actions made from themes, optionally of one theme, most recently updated first',
        querystring: ModActionsQuery,
        response: { 200: ModActions, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ actions: await listModeratorActions(app.db, { themeId: request.query.themeId }) }),
  );
};

export default routes;
