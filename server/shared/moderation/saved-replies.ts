import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../../../db/schema.ts';
import { badRequest, conflict, errorResponses, notFound } from '../../errors.ts';
import { audit } from '../audit.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { SAVED_REPLY, SavedReplies, SavedReply, SavedReplyBody } from '../../../common/api/moderation.ts';

// Saved replies: reasons and replies the moderation team reuses on every queue. Shared by the team rather than
// kept per moderator: authors should read the same words for the same decision whoever made it, and a new
// moderator starts with the team's wording. Each one names who wrote it; every change is audited.

type Db = Kysely<Database>;

export async function listSavedReplies(db: Db) {
  return db
    .selectFrom('saved_reply')
    .leftJoin('staff', 'staff.id', 'saved_reply.created_by')
    .select(['saved_reply.id', 'saved_reply.label', 'saved_reply.body', 'staff.display_name as createdBy'])
    .orderBy('saved_reply.label')
    .execute();
}

/** The demo's saved replies: the reasons a moderation team writes again and again. */
export const DEMO_SAVED_REPLIES = [
  {
    label: 'Names a colleague',
    body: 'We do not publish posts about one identifiable colleague. If there is a wider point, please send it again without the name.',
  },
  {
    label: 'Already raised',
    body: 'Someone has already raised this and it is on the board: vote for it there so it counts once and rises.',
  },
  {
    label: 'Test message',
    body: 'This looks like a test message, so we have not published it. Thanks for trying Greenroom!',
  },
  {
    label: 'Personal case',
    body: 'This is about your own case, which we cannot solve anonymously: HR can help in confidence.',
  },
] as const;

export async function seedSavedReplies(db: Db, staffId: string | null) {
  await db
    .insertInto('saved_reply')
    .values(DEMO_SAVED_REPLIES.map((reply) => ({ ...reply, created_by: staffId })))
    .onConflict((oc) => oc.column('label').doNothing())
    .execute();
}

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

function cleaned(body: { label: string; body: string }) {
  const label = body.label.trim();
  const text = body.body.trim();
  if (!label) throw badRequest('label_required', 'Give the saved reply a short name.');
  if (text.length < SAVED_REPLY.bodyMin)
    throw badRequest('body_required', `Write the reply (at least ${SAVED_REPLY.bodyMin} characters).`);
  return { label, body: text };
}

const taken = (error: unknown) => {
  if (isUniqueViolation(error)) throw conflict('label_taken', 'A saved reply with that name exists already.');
  throw error;
};

const savedReplyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');

  app.get(
    '/api/mod/saved-replies',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: "The moderation team's saved replies and reasons, by name",
        response: { 200: SavedReplies, ...errorResponses(401, 403) },
      },
    },
    async () => ({ replies: await listSavedReplies(app.db) }),
  );

  app.post(
    '/api/mod/saved-replies',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Save a reply or reason for the whole team; audited',
        body: SavedReplyBody,
        response: { 201: Type.Object({ reply: SavedReply }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const values = cleaned(request.body);
      const staff = request.staff!;
      const saved = await app.db
        .transaction()
        .execute(async (trx) => {
          const { n } = await trx
            .selectFrom('saved_reply')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          if (Number(n) >= SAVED_REPLY.max)
            throw conflict('too_many', `The team keeps at most ${SAVED_REPLY.max} saved replies.`);
          const row = await trx
            .insertInto('saved_reply')
            .values({ ...values, created_by: staff.id })
            .returning(['id', 'label', 'body'])
            .executeTakeFirstOrThrow();
          await audit(trx, staff, 'saved-reply.create', { type: 'saved_reply', id: row.id }, values);
          return row;
        })
        .catch(taken);
      return reply.code(201).send({ reply: { ...saved, createdBy: staff.displayName } });
    },
  );

  app.put(
    '/api/mod/saved-replies/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Change a saved reply; audited',
        params: IdParams,
        body: SavedReplyBody,
        response: { 200: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const values = cleaned(request.body);
      const { id } = request.params;
      await app.db
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .updateTable('saved_reply')
            .set(values)
            .where('id', '=', id)
            .returning('id')
            .executeTakeFirst();
          if (!row) throw notFound('No such saved reply.');
          await audit(trx, request.staff!, 'saved-reply.update', { type: 'saved_reply', id }, values);
        })
        .catch(taken);
      return { id };
    },
  );

  app.delete(
    '/api/mod/saved-replies/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Delete a saved reply; audited',
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await app.db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('saved_reply')
          .where('id', '=', id)
          .returning(['label'])
          .executeTakeFirst();
        if (!row) throw notFound('No such saved reply.');
        await audit(trx, request.staff!, 'saved-reply.delete', { type: 'saved_reply', id }, row);
      });
      return { id };
    },
  );
};

export default savedReplyRoutes;
