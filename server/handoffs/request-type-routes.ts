import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { badRequest, conflict, errorResponses, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import {
  AdminRequestTypes,
  IdParams,
  NewRequestTypeBody,
  RequestTypeCreated,
  RequestTypeOrderBody,
  RequestTypePatch,
  RequestTypeRetired,
  RequestTypesQuery,
} from '../../common/api/handoffs.ts';
import {
  findRequestType,
  findTeam,
  insertRequestType,
  listRequestTypes,
  renameRequestType,
  reorderRequestTypes,
  retireRequestType,
  setRequestTypeArchived,
} from './queries.ts';

const labelTaken = (error: unknown): never => {
  if (isUniqueViolation(error))
    throw conflict('label_taken', 'This team has a request type of that name already.');
  throw error;
};

// Admins define what a handoff with each backstage team can be about: create, rename, reorder, archive.
// An archived type is no longer offered in the rating form; the ratings that named it keep it. Audited.
const requestTypeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const adminOnly = app.requireStaff('admin');

  /** A backstage team that is not archived: the only kind a request type can be added to. */
  async function activeBackstageTeam(departmentId: string) {
    const team = await findTeam(app.db, departmentId);
    if (!team) throw badRequest('unknown_department', 'That is not a department we know.');
    if (team.kind !== 'backstage')
      throw badRequest('not_backstage', 'Handoffs are rated for backstage teams only.');
    if (team.archived) throw badRequest('department_archived', `${team.name} is archived.`);
    return team;
  }

  app.get(
    '/api/admin/handoffs/request-types',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: "Every team's request types (or one team's), archived ones included, in the form's order",
        querystring: RequestTypesQuery,
        response: { 200: AdminRequestTypes, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ types: await listRequestTypes(app.db, request.query.departmentId) }),
  );

  app.post(
    '/api/admin/handoffs/request-types',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Add a request type (what a handoff can be about) to a backstage team, last in its order',
        body: NewRequestTypeBody,
        response: { 201: RequestTypeCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const label = request.body.label.trim();
      if (!label) throw badRequest('label_required', 'Name the request type.');
      const team = await activeBackstageTeam(request.body.departmentId);
      const id = await app.db.transaction().execute(async (trx) => {
        const created = await insertRequestType(trx, team.id, label);
        await audit(
          trx,
          request.staff!,
          'handoff-request-type.create',
          { type: 'department', id: team.id },
          { label },
        );
        return created;
      });
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/api/admin/handoffs/request-types/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Rename a request type, or archive or restore it (ratings that named it keep it)',
        params: IdParams,
        body: RequestTypePatch,
        response: {
          200: AdminRequestTypes.properties.types.items,
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const label = request.body.label?.trim();
      if (label !== undefined && !label) throw badRequest('label_required', 'Name the request type.');
      const type = await findRequestType(app.db, id);
      if (!type) throw notFound('No such request type.');
      // Bringing a type back to a team's form (or renaming it) needs a team that is still there.
      if (label !== undefined || request.body.archived === false)
        await activeBackstageTeam(type.departmentId);
      await app.db
        .transaction()
        .execute(async (trx) => {
          if (label !== undefined && label !== type.label) await renameRequestType(trx, id, label);
          if (request.body.archived !== undefined)
            await setRequestTypeArchived(trx, id, request.body.archived);
          await audit(
            trx,
            request.staff!,
            'handoff-request-type.update',
            { type: 'handoff_request_type', id },
            {
              ...(label !== undefined ? { label, before: type.label } : {}),
              ...(request.body.archived !== undefined ? { archived: request.body.archived } : {}),
            },
          );
        })
        .catch(labelTaken);
      return (await listRequestTypes(app.db, type.departmentId)).find((entry) => entry.id === id)!;
    },
  );

  app.put(
    '/api/admin/handoffs/departments/:id/request-types/order',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: "Put a team's request types in the order the rating form offers them",
        description: 'ids: every request type of the team that is not archived, first to last.',
        params: IdParams,
        body: RequestTypeOrderBody,
        response: { 200: AdminRequestTypes, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const team = await findTeam(app.db, request.params.id);
      if (!team) throw notFound('No such department.');
      const active = (await listRequestTypes(app.db, team.id)).filter((type) => !type.archived);
      const given = request.body.ids;
      if (given.length !== active.length || !active.every((type) => given.includes(type.id)))
        throw badRequest(
          'incomplete_order',
          "List every one of the team's current request types, once each.",
        );
      await app.db.transaction().execute(async (trx) => {
        await reorderRequestTypes(trx, team.id, given);
        await audit(
          trx,
          request.staff!,
          'handoff-request-type.reorder',
          { type: 'department', id: team.id },
          {
            ids: given,
          },
        );
      });
      return { types: await listRequestTypes(app.db, team.id) };
    },
  );

  app.delete(
    '/api/admin/handoffs/request-types/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Archive (retire) a request type (ratings that named it keep it)',
        params: IdParams,
        response: { 200: RequestTypeRetired, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const retired = await app.db.transaction().execute(async (trx) => {
        const done = await retireRequestType(trx, id);
        if (done)
          await audit(
            trx,
            request.staff!,
            'handoff-request-type.retire',
            { type: 'handoff_request_type', id },
            {},
          );
        return done;
      });
      if (!retired) throw notFound('No such request type.');
      return { id, retired: true };
    },
  );
};

export default requestTypeRoutes;
