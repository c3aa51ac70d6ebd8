import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { getSettings, updateSettings } from '../shared/settings.ts';

const SettingsBody = Type.Object({
  minimumGroupSize: Type.Integer({ minimum: 3, maximum: 50, description: 'k; never below 3' }),
  generalBudget: Type.Integer({ minimum: 1, maximum: 500 }),
  epochDays: Type.Integer({ minimum: 1, maximum: 90 }),
  moderationMode: Type.Union([Type.Literal('pre'), Type.Literal('post')]),
});

const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/settings',
    {
      schema: {
        tags: ['public'],
        summary: 'Settings every employee may know (k, moderation mode)',
        response: {
          200: Type.Object({ minimumGroupSize: Type.Integer(), moderationMode: Type.String() }),
        },
      },
    },
    async () => getSettings(app.db),
  );

  app.get(
    '/admin/settings',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'All settings',
        response: { 200: SettingsBody, ...errorResponses(401, 403) },
      },
    },
    async () => getSettings(app.db),
  );

  app.put(
    '/admin/settings',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Change settings (any subset)',
        body: Type.Partial(SettingsBody, { additionalProperties: false, minProperties: 1 }),
        response: { 200: SettingsBody, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const settings = await updateSettings(app.db, request.body);
      await audit(app.db, request.staff!, 'settings.update', null, request.body);
      return settings;
    },
  );

  app.get(
    '/admin/audit',
    {
      preHandler: app.requireStaff('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Most recent staff actions',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }),
        response: {
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                at: Type.String({ format: 'date-time' }),
                staff: Type.String(),
                action: Type.String(),
                targetType: Type.Union([Type.String(), Type.Null()]),
                targetId: Type.Union([Type.String(), Type.Null()]),
                detail: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const rows = await app.db
        .selectFrom('audit_log')
        .select([
          'at',
          'staff_username as staff',
          'action',
          'target_type as targetType',
          'target_id as targetId',
          'detail',
        ])
        .orderBy('id', 'desc')
        .limit(request.query.limit)
        .execute();
      return { entries: rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() })) };
    },
  );
};

export default settingsRoutes;
