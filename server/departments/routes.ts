import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { conflict, errorResponses, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import {
  createDepartment,
  listAllDepartments,
  listDepartments,
  setDepartmentArchived,
  updateDepartment,
} from '../shared/departments.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';

const Kind = Type.Union([Type.Literal('frontstage'), Type.Literal('backstage')]);
const Department = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Kind,
  description: Type.String(),
});
const DepartmentFields = {
  name: Type.String({ minLength: 2, maxLength: 80 }),
  kind: Kind,
  description: Type.Optional(Type.String({ maxLength: 300 })),
};

const departmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/departments',
    {
      schema: {
        tags: ['public'],
        summary: 'All departments, backstage first (archived ones are left out)',
        response: { 200: Type.Object({ departments: Type.Array(Department) }) },
      },
    },
    async () => ({ departments: await listDepartments(app.db) }),
  );

  app.get(
    '/admin/departments',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Every department, archived ones included',
        response: {
          200: Type.Object({
            departments: Type.Array(Type.Object({ ...Department.properties, archived: Type.Boolean() })),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => ({ departments: await listAllDepartments(app.db) }),
  );

  app.post(
    '/admin/departments/:id/archived',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Archive a department (gone from employee pickers, history kept) or restore it',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ archived: Type.Boolean() }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Type.String(), archived: Type.Boolean() }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { archived } = request.body;
      await app.db.transaction().execute(async (trx) => {
        if (!(await setDepartmentArchived(trx, id, archived))) throw notFound('No such department.');
        await audit(trx, request.staff!, archived ? 'department.archive' : 'department.restore', {
          type: 'department',
          id,
        });
      });
      return { id, archived };
    },
  );

  app.post(
    '/admin/departments',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Add a department',
        body: Type.Object(DepartmentFields, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const id = await createDepartment(app.db, request.body);
      if (!id)
        throw conflict('department_exists', `A department named "${request.body.name}" exists already.`);
      await audit(
        app.db,
        request.staff!,
        'department.create',
        { type: 'department', id },
        { name: request.body.name },
      );
      // Features that keep something per department (a backstage team's handoff token keys) make it now.
      await app.departmentEvents.changed(
        { departmentId: id, kind: request.body.kind, change: 'created' },
        (error) => request.log.warn({ err: error, departmentId: id }, 'a department listener failed'),
      );
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/admin/departments/:id',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Rename or re-describe a department',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Partial(Type.Object(DepartmentFields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Type.Object({ id: Type.String() }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params;
      try {
        if (!(await updateDepartment(app.db, id, request.body))) throw notFound('No such department.');
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('department_exists', 'That name is taken.');
        throw error;
      }
      await audit(app.db, request.staff!, 'department.update', { type: 'department', id }, request.body);
      if (request.body.kind)
        await app.departmentEvents.changed(
          { departmentId: id, kind: request.body.kind, change: 'updated' },
          (error) => request.log.warn({ err: error, departmentId: id }, 'a department listener failed'),
        );
      return { id };
    },
  );
};

export default departmentRoutes;
