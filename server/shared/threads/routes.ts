import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badRequest, conflict, errorResponses, notFound } from '../../errors.ts';
import { OpenThreadBody, Posted, ReplyBody, Thread } from '../../../common/api/threads.ts';
import { addThreadMessage, listThreadMessages, ThreadFullError } from './messages.ts';
import { findReceipt } from './receipts.ts';

// The author's way back: a receipt opens exactly one thread — the item it was issued for — and nothing else.
// The receipt travels in the body (never in a URL, so it cannot land in a proxy's access log).
// Which item a kind of receipt opens is registered by the feature that owns it (app.threadItems).

const threadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/threads/open',
    {
      schema: {
        tags: ['threads'],
        summary:
          'Open the conversation behind a receipt: the item, its status, replies and any rejection reason',
        body: OpenThreadBody,
        response: { 200: Thread, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const found = await findReceipt(app.db, app.secrets, request.body.receipt);
      const item = found && (await app.threadItems.find(app.db, found.kind, found.itemId));
      if (!found || !item) throw notFound('No conversation belongs to this receipt.');
      return { item, messages: await listThreadMessages(app.db, found) };
    },
  );

  app.post(
    '/api/threads/reply',
    {
      schema: {
        tags: ['threads'],
        summary: 'Answer the moderators, as the anonymous author holding the receipt',
        body: ReplyBody,
        response: { 201: Posted, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body.body.trim();
      if (!body) throw badRequest('empty_reply', 'Write a reply first.');
      const found = await findReceipt(app.db, app.secrets, request.body.receipt);
      if (!found || !(await app.threadItems.find(app.db, found.kind, found.itemId)))
        throw notFound('No conversation belongs to this receipt.');
      const message = await app.db.transaction().execute((trx) =>
        addThreadMessage(trx, { ...found, from: 'author', body }).catch((error) => {
          if (error instanceof ThreadFullError) throw conflict('thread_full', error.message);
          throw error;
        }),
      );
      return reply.code(201).send({ message });
    },
  );
};

export default threadRoutes;
