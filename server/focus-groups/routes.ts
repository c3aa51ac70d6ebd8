import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import { Overloaded } from '../work-queue.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import { badRequest, conflict, errorResponses, forbidden, notFound } from '../errors.ts';
import { spendToken } from '../shared/private-token.ts';
import { getSettings } from '../shared/settings.ts';
import { audit } from '../shared/audit.ts';
import { ActionError } from './actions.ts';
import {
  createFocusGroup,
  deleteFocusGroup,
  findRoom,
  listAllRooms,
  listOpenRooms,
  readTranscript,
  roomInfo,
  takeSeat,
  type RoomRow,
  focusGroupThemeSource,
} from './queries.ts';
import focusGroupHub from './service.ts';
import {
  FocusGroupParams,
  NewFocusGroupBody,
  PublicFocusGroup,
  SeatResponse,
  StaffFocusGroup,
} from '../../common/api/focus-groups.ts';
import { transcriptCsv, transcriptFilename, transcriptMarkdown } from './transcript.ts';
import { focusGroupNotifications } from './notification-source.ts';

export const scopeOf = (id: string) => `focus-group:${id}`;

/** The room's seat-token key: budget 1 per member, usable from now (seats are taken ahead) until the end. */
export async function createSeatKey(
  app: Pick<FastifyInstance, 'scopeKeys'>,
  roomId: string,
  endsAt: Date,
): Promise<void> {
  await app.scopeKeys.create({ scope: scopeOf(roomId), budget: 1, notBefore: new Date(), notAfter: endsAt });
}

function publicView(room: RoomRow, seats: number) {
  const { prompts: _prompts, ...info } = roomInfo(room);
  return { ...info, scope: scopeOf(room.id), seatsLeft: Math.max(0, room.capacity - seats) };
}

// Routes declare full paths (/api/...); registered without a prefix. Wrapped in fastify-plugin so the
// hub decoration is visible to the app (tests tune its limits through `app.focusGroups`).
const focusGroupRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  await app.register(focusGroupHub);
  const hub = app.focusGroups;

  const allowedOrigins = new Set(config.allowedOrigins);
  // Browsers always send Origin on a websocket handshake; a page elsewhere must not ride a staff cookie.
  const originAllowed = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (!origin) return true;
    return allowedOrigins.has(origin) || origin === `${request.protocol}://${request.host}`;
  };

  app.get(
    '/api/focus-groups/:id/socket',
    {
      websocket: true,
      schema: { params: FocusGroupParams },
      preHandler: async (request) => {
        if (hub.tooManyUnauthenticated()) throw new Overloaded(5);
        if (!originAllowed(request))
          throw forbidden('bad_origin', 'This origin may not open a focus-group socket.');
        if (!(await findRoom(app.db, request.params.id))) throw notFound('No such focus group.');
      },
    },
    (socket, request) => hub.accept(socket, request, request.params.id),
  );

  app.get(
    '/api/focus-groups',
    {
      schema: {
        tags: ['focus-groups'],
        summary: 'Upcoming and live focus groups',
        response: { 200: Type.Object({ focusGroups: Type.Array(PublicFocusGroup) }) },
      },
    },
    async () => ({
      focusGroups: (await listOpenRooms(app.db)).map(({ room, seats }) => publicView(room, seats)),
    }),
  );

  app.get(
    '/api/focus-groups/:id',
    {
      schema: {
        tags: ['focus-groups'],
        summary: 'One focus group',
        params: FocusGroupParams,
        response: { 200: PublicFocusGroup, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const found = (await listOpenRooms(app.db)).find(({ room }) => room.id === request.params.id);
      if (found) return publicView(found.room, found.seats);
      const room = await findRoom(app.db, request.params.id);
      if (!room) throw notFound('No such focus group.');
      return publicView(room, room.capacity);
    },
  );

  app.post(
    '/api/focus-groups/:id/seats',
    {
      config: { privateToken: (request) => scopeOf((request.params as { id: string }).id) },
      schema: {
        tags: ['focus-groups'],
        summary: 'Take a seat (spends one focus-group:<id> token); returns the seat secret and a pseudonym',
        security: [{ privateToken: [] }],
        params: FocusGroupParams,
        response: { 201: SeatResponse, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const seat = randomBytes(32).toString('base64url');
      const taken = await app.db.transaction().execute(async (trx) => {
        const result = await takeSeat(trx, id, app.secrets.hmac('seat', seat));
        if (!result.ok) {
          if (result.reason === 'missing') throw notFound('No such focus group.');
          if (result.reason === 'closed') throw conflict('room_closed', 'This focus group is closed.');
          throw conflict('room_full', 'Every seat in this focus group is taken.');
        }
        await spendToken(trx, request.privateToken);
        return result;
      });
      await hub.delivered(id, [taken.event]);
      return reply.code(201).send({ seat, pseudonym: taken.pseudonym });
    },
  );

  // ---- moderators ----

  const staffOnly = app.requireStaff('moderator', 'admin');
  app.themeSources.add(focusGroupThemeSource);
  app.notificationSources.add(focusGroupNotifications);

  app.post(
    '/api/mod/focus-groups',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['focus-groups'],
        summary: 'Schedule a focus group (creates its seat-token key, budget 1 per member)',
        body: NewFocusGroupBody,
        response: {
          201: Type.Object({ id: Type.String(), scope: Type.String() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const startsAt = new Date(body.startsAt);
      const endsAt = new Date(body.endsAt);
      if (endsAt <= startsAt) throw badRequest('invalid_times', 'The session must end after it starts.');
      if (endsAt.getTime() <= Date.now())
        throw badRequest('invalid_times', 'The session would already be over.');
      if (endsAt.getTime() - startsAt.getTime() > 24 * 3600_000) {
        throw badRequest('invalid_times', 'A session lasts at most 24 hours.');
      }
      const prompts = body.prompts.map((prompt) => prompt.trim()).filter(Boolean);
      if (!prompts.length) throw badRequest('invalid_request', 'Give at least one prompt.');
      const id = await createFocusGroup(app.db, {
        title: body.title.trim(),
        description: body.description?.trim() ?? '',
        prompts,
        startsAt,
        endsAt,
        capacity: body.capacity ?? 12,
        moderation: body.moderation ?? (await getSettings(app.db)).moderationMode,
        createdBy: request.staff!.id,
      });
      const scope = scopeOf(id);
      try {
        await createSeatKey(app, id, endsAt);
      } catch (error) {
        await deleteFocusGroup(app.db, id);
        throw error;
      }
      await audit(
        app.db,
        request.staff!,
        'focus-group.create',
        { type: 'focus-group', id },
        { title: body.title },
      );
      return reply.code(201).send({ id, scope });
    },
  );

  app.get(
    '/api/mod/focus-groups',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['focus-groups'],
        summary: 'Every focus group, newest first, with seat and pending counts',
        response: {
          200: Type.Object({ focusGroups: Type.Array(StaffFocusGroup) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => ({
      focusGroups: (await listAllRooms(app.db)).map(({ room, seats, pending }) => ({
        ...roomInfo(room),
        scope: scopeOf(room.id),
        seats,
        pending,
      })),
    }),
  );

  app.post(
    '/api/mod/focus-groups/:id/close',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['focus-groups'],
        summary: 'Close the room: sockets get a closed event and close 4010',
        params: FocusGroupParams,
        response: {
          200: Type.Object({ status: Type.Literal('closed') }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      try {
        await hub.perform(request.params.id, { role: 'moderator', staff: request.staff! }, { type: 'close' });
      } catch (error) {
        if (!(error instanceof ActionError)) throw error;
        if (error.code === 'not_found') throw notFound(error.message);
        throw conflict(error.code, error.message);
      }
      return { status: 'closed' as const };
    },
  );

  for (const format of ['md', 'csv'] as const) {
    app.get(
      `/api/mod/focus-groups/:id/transcript.${format}`,
      {
        preHandler: staffOnly,
        schema: {
          tags: ['focus-groups'],
          summary: `Transcript as ${format === 'md' ? 'Markdown' : 'CSV'}: prompts and visible messages, pseudonyms only`,
          params: FocusGroupParams,
          response: { 200: Type.String(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const room = await findRoom(app.db, request.params.id);
        if (!room) throw notFound('No such focus group.');
        const { lines, hidden, pending } = await readTranscript(app.db, room.id);
        await audit(
          app.db,
          request.staff!,
          'focus-group.transcript',
          { type: 'focus-group', id: room.id },
          { format },
        );
        reply
          .type(format === 'md' ? 'text/markdown; charset=utf-8' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${transcriptFilename(room, format)}"`)
          .header('cache-control', 'no-store');
        return format === 'md' ? transcriptMarkdown(room, lines, { hidden, pending }) : transcriptCsv(lines);
      },
    );
  }
};

export default fp(focusGroupRoutes, {
  name: 'focus-groups',
  dependencies: ['db', 'secrets', 'staff-session', 'content-events'],
});
