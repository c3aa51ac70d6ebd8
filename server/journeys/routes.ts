import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest, conflict, errorResponses, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { today } from '../shared/days.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { getSettings } from '../shared/settings.ts';
import {
  Blueprint,
  BlueprintQuery,
  CellItems,
  CellQuery,
  Created,
  DepartmentJourneys,
  ImportQuery,
  Journey,
  JourneyDefinition,
  JourneyExport,
  JourneyList,
  JourneyParams,
  JOURNEY_EXPORT_FORMAT,
  STAGE_KEY,
  VersionList,
  VersionQuery,
  type BlueprintT,
  type JourneyDefinitionT,
} from '../../common/api/journeys.ts';
import { composeBlueprint, journeyDepartmentIds, quarterDays, quarterOf } from './blueprint.ts';
import { themeOverlay, touchpointThemes } from './theme-overlay.ts';
import {
  addVersion,
  createJourney,
  departmentIds,
  findJourney,
  listDepartments,
  listJourneys,
  listVersions,
  mapTheme,
  publicThemeExists,
  stageThemes,
  unmapTheme,
  type JourneyVersion,
} from './queries.ts';
import { checkDefinition } from './validate.ts';

/** Reads every registered overlay for a journey version and composes the blueprint (k applied there). */
export async function renderBlueprint(
  app: FastifyInstance,
  journey: JourneyVersion,
  quarter: string,
): Promise<BlueprintT> {
  const { from, to } = quarterDays(quarter);
  const ids = journeyDepartmentIds(journey.definition);
  const [{ minimumGroupSize: k }, departments] = await Promise.all([
    getSettings(app.db),
    listDepartments(app.db),
  ]);
  const query = { db: app.db, departmentIds: ids, from, to, k };
  const overlays = app.blueprintOverlays.list();
  const [cells, themes, mapped] = await Promise.all([
    // A journey naming no department has nothing to overlay: no overlay is asked (see BlueprintOverlay.read).
    Promise.all(overlays.map((overlay) => (ids.length === 0 ? [] : overlay.read(query)))),
    touchpointThemes(query),
    stageThemes(app.db, journey.id),
  ]);
  return composeBlueprint({
    journey: { id: journey.id, version: journey.version, definition: journey.definition },
    departments,
    period: quarter,
    k,
    overlays: overlays.map((overlay, i) => ({
      id: overlay.id,
      label: overlay.label,
      lane: overlay.lane,
      scoreLabel: overlay.scoreLabel ?? null,
      cells: cells[i]!,
    })),
    touchpointThemes: themes,
    stageThemes: mapped,
  });
}

const journeyView = (journey: JourneyVersion) => ({
  id: journey.id,
  version: journey.version,
  versions: journey.versions,
  createdAt: journey.createdAt,
  createdBy: journey.createdBy,
  ...journey.definition,
});

/*
 * Customer journeys and the live service blueprint (issue 18). Journeys are staff content: admins write
 * them, everyone reads them. An edit inserts a new version; the past is never rewritten, and any version
 * can be read, exported and rendered. Overlays come through the `app.blueprintOverlays` port.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const adminOnly = app.requireStaff('admin');
  const staffOnly = app.requireStaff('moderator', 'admin');
  app.blueprintOverlays.add(themeOverlay);

  async function journeyOr404(id: string, version?: number) {
    const journey = await findJourney(app.db, id, version);
    if (!journey) throw notFound(version ? 'No such journey version.' : 'No such journey.');
    return journey;
  }
  async function checked(definition: JourneyDefinitionT) {
    return checkDefinition(definition, await departmentIds(app.db));
  }

  // ---- everyone ----

  app.get(
    '/api/journeys',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Customer journeys (newest version of each)',
        response: { 200: JourneyList },
      },
    },
    async () => ({
      journeys: (await listJourneys(app.db)).map((journey) => ({
        id: journey.id,
        name: journey.definition.name,
        description: journey.definition.description,
        version: journey.version,
        stages: journey.definition.stages.map((stage) => ({ key: stage.key, name: stage.name })),
      })),
    }),
  );

  app.get(
    '/api/journeys/:id',
    {
      schema: {
        tags: ['journeys'],
        summary: 'A journey: the newest version, or `?version=n`',
        params: JourneyParams,
        querystring: VersionQuery,
        response: { 200: Journey, ...errorResponses(400, 404) },
      },
    },
    async (request) => journeyView(await journeyOr404(request.params.id, request.query.version)),
  );

  app.get(
    '/api/journeys/:id/versions',
    {
      schema: {
        tags: ['journeys'],
        summary: "A journey's versions, newest first (an edit never rewrites the past)",
        params: JourneyParams,
        response: { 200: VersionList, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      await journeyOr404(request.params.id);
      return { versions: await listVersions(app.db, request.params.id) };
    },
  );

  app.get(
    '/api/journeys/:id/blueprint',
    {
      schema: {
        tags: ['journeys'],
        summary:
          'The service blueprint of a journey for one calendar quarter: stages × lanes, each (stage, department) ' +
          'cell overlaid with every registered signal; a cell under k is hidden, never a number',
        params: JourneyParams,
        querystring: BlueprintQuery,
        response: { 200: Blueprint, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const journey = await journeyOr404(request.params.id, request.query.version);
      return renderBlueprint(app, journey, request.query.quarter ?? quarterOf(today()));
    },
  );

  app.get(
    '/api/journeys/:id/cell',
    {
      schema: {
        tags: ['journeys'],
        summary:
          'The items behind one blueprint cell, within the viewer’s rights (staff also see items awaiting moderation)',
        params: JourneyParams,
        querystring: CellQuery,
        response: { 200: CellItems, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const journey = await journeyOr404(request.params.id, request.query.version);
      const quarter = request.query.quarter ?? quarterOf(today());
      const stageIndex = journey.definition.stages.findIndex((stage) => stage.key === request.query.stage);
      if (stageIndex < 0) throw notFound('No such stage in this journey.');
      const stage = journey.definition.stages[stageIndex]!;
      const blueprint = await renderBlueprint(app, journey, quarter);
      const department = blueprint.departments.find((entry) => entry.id === request.query.department);
      const cell = blueprint.stages[stageIndex]!.cells.find(
        (entry) => entry.departmentId === request.query.department,
      );
      if (!department || !cell?.involved) throw notFound('That department takes no part in this stage.');
      const staff = request.staff !== null;
      const { from, to } = quarterDays(quarter);
      const overlays = app.blueprintOverlays.list();
      const sections = await Promise.all(
        overlays.map(async (overlay, i) => {
          const signal = cell.signals[i]!;
          // A hidden cell opens to nothing, for every viewer: k is not a matter of rights.
          if (signal.hidden || !overlay.items || signal.count === 0)
            return { overlay: overlay.id, label: overlay.label, hidden: signal.hidden, items: [] };
          const items = await overlay.items({
            db: app.db,
            departmentIds: [department.id],
            departmentId: department.id,
            from,
            to,
            k: blueprint.minimumGroupSize,
            staff,
          });
          return { overlay: overlay.id, label: overlay.label, hidden: false, items };
        }),
      );
      return {
        stage: { key: stage.key, name: stage.name },
        department: { id: department.id, name: department.name },
        period: quarter,
        audience: staff ? ('staff' as const) : ('employee' as const),
        sections,
      };
    },
  );

  app.get(
    '/api/departments/:id/journeys',
    {
      schema: {
        tags: ['journeys'],
        summary: 'Where a department sits on each journey: "your work reaches the customer here"',
        params: JourneyParams,
        response: { 200: DepartmentJourneys, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const departments = await listDepartments(app.db);
      const department = departments.find((entry) => entry.id === request.params.id);
      if (!department) throw notFound('No such department.');
      const journeys = await listJourneys(app.db);
      return {
        department: { id: department.id, name: department.name },
        journeys: journeys.flatMap((journey) => {
          const stages = journey.definition.stages.flatMap((stage, index) => {
            const entry = stage.backstage.find((candidate) => candidate.departmentId === department.id);
            return entry
              ? [
                  {
                    key: stage.key,
                    name: stage.name,
                    position: index + 1,
                    of: journey.definition.stages.length,
                    actions: entry.actions,
                    customerActions: stage.customerActions,
                    lineOfVisibility: stage.lineOfVisibility,
                  },
                ]
              : [];
          });
          return stages.length
            ? [{ id: journey.id, name: journey.definition.name, version: journey.version, stages }]
            : [];
        }),
      };
    },
  );

  // ---- moderators: map an employee theme to a stage ----

  // Stage and theme travel in the body or query, not the path: only the journey id is a path parameter.
  const StageTheme = Type.Object(
    { stage: Type.String({ pattern: STAGE_KEY }), themeId: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  );
  async function stageOr404(id: string, key: string) {
    const journey = await journeyOr404(id);
    if (!journey.definition.stages.some((stage) => stage.key === key))
      throw notFound('No such stage in this journey.');
    return journey;
  }

  app.post(
    '/api/mod/journeys/:id/themes',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Map an employee theme to a journey stage (shown in the stage’s customer lane)',
        params: JourneyParams,
        body: StageTheme,
        response: { 201: Type.Object({ mapped: Type.Boolean() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { stage, themeId } = request.body;
      await stageOr404(id, stage);
      if (!(await publicThemeExists(app.db, themeId)))
        throw badRequest('unknown_theme', 'That is not a published theme.');
      await mapTheme(app.db, id, stage, themeId, request.staff!.username);
      await audit(app.db, request.staff!, 'journey.map_theme', { type: 'journey', id }, { stage, themeId });
      return reply.code(201).send({ mapped: true });
    },
  );

  app.delete(
    '/api/mod/journeys/:id/themes',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Remove a theme a moderator mapped to a stage (`?stage=&themeId=`)',
        params: JourneyParams,
        querystring: StageTheme,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { stage, themeId } = request.query;
      await stageOr404(id, stage);
      if (!(await unmapTheme(app.db, id, stage, themeId))) throw notFound('That theme is not mapped here.');
      await audit(app.db, request.staff!, 'journey.unmap_theme', { type: 'journey', id }, { stage, themeId });
      return reply.code(204).send(null);
    },
  );

  // ---- admins ----

  app.post(
    '/api/admin/journeys',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Define a customer journey (version 1)',
        body: JourneyDefinition,
        response: { 201: Created, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const definition = await checked(request.body);
      const created = await createJourney(app.db, definition, request.staff!.username);
      await audit(
        app.db,
        request.staff!,
        'journey.create',
        { type: 'journey', id: created.id },
        { version: 1 },
      );
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/admin/journeys/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Edit a journey: saves a new version (earlier versions stay as they were)',
        params: JourneyParams,
        body: JourneyDefinition,
        response: { 200: Created, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const definition = await checked(request.body);
      const saved = await save(request.params.id, definition, request.staff!.username);
      await audit(
        app.db,
        request.staff!,
        'journey.edit',
        { type: 'journey', id: saved.id },
        { version: saved.version },
      );
      return saved;
    },
  );

  async function save(id: string, definition: JourneyDefinitionT, by: string) {
    try {
      const saved = await addVersion(app.db, id, definition, by);
      if (!saved) throw notFound('No such journey.');
      return saved;
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('edit_conflict', 'Someone saved this journey at the same time; reload and try again.');
      throw error;
    }
  }

  app.get(
    '/api/admin/journeys/:id/export',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Export a journey version as JSON (importable as is)',
        params: JourneyParams,
        querystring: VersionQuery,
        response: { 200: JourneyExport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const journey = await journeyOr404(request.params.id, request.query.version);
      return { format: JOURNEY_EXPORT_FORMAT, formatVersion: 1 as const, journey: journey.definition };
    },
  );

  app.post(
    '/api/admin/journeys/import',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Import an exported journey: a new journey, or with `?into=` a new version of one',
        querystring: ImportQuery,
        body: JourneyExport,
        response: { 201: Created, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const definition = await checked(request.body.journey);
      const into = request.query.into;
      const saved = into
        ? await save(into, definition, request.staff!.username)
        : await createJourney(app.db, definition, request.staff!.username);
      await audit(
        app.db,
        request.staff!,
        'journey.import',
        { type: 'journey', id: saved.id },
        { version: saved.version },
      );
      return reply.code(201).send(saved);
    },
  );
};

export default routes;
