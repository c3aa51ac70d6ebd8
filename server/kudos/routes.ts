import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../config.ts';
import { requireActiveDepartment } from '../shared/departments.ts';
import { badRequest, conflict, errorResponses, notFound } from '../errors.ts';
import type { ModerationRules } from '../shared/moderation/actions.ts';
import {
  authorReplyRoute,
  authorThreadRoute,
  decideItem,
  bulkDecisionRoute,
  decisionRoute,
} from '../shared/moderation/routes.ts';
import { TabCounts } from '../../common/api/moderation.ts';
import { itemExists } from '../shared/moderation/queries.ts';
import { spendToken } from '../shared/private-token.ts';
import { piiKinds } from '../../common/pii.ts';
import { getSettings } from '../shared/settings.ts';
import { audit } from '../shared/audit.ts';
import { createReceipt, receiptFromClient } from '../shared/threads/receipts.ts';
import { recentMonths, recognitionRanking, monthlySeries } from './counts.ts';
import {
  countsByDepartment,
  findDepartment,
  insertKudos,
  listDepartmentRefs,
  listFeatured,
  listForModerators,
  moderatorTabCounts,
  listPublished,
  monthlyCounts,
  PAGE_SIZE,
  setFeatured,
  unfeature,
  findKudosForThread,
  kudosThemeSource,
} from './queries.ts';
import {
  Created,
  Decision,
  DecisionBody,
  DepartmentSummary,
  Featured,
  FeatureBody,
  IdParams,
  KudosList,
  ListQuery,
  ModList,
  ModListQuery,
  ModThread,
  NewKudosBody,
  Posted,
  Recognition,
  ReplyBody,
  STORY_MIN,
} from '../../common/api/kudos.ts';
import { Type } from 'typebox';
import { daysAgo } from '../shared/days.ts';
import { kudosOverlay } from './blueprint-overlay.ts';
import { kudosNotifications } from './notification-source.ts';

/** Kudos are moderated like suggestions; a rejected story also leaves the featured list. */
const moderationRules: ModerationRules = {
  kind: 'kudos',
  itemNoun: 'story',
  textNoun: 'story',
  textMin: STORY_MIN,
  onReject: unfeature,
};

/*
 * Kudos follow the suggestions' rules: every refusal (schema, token, unknown department, a story that is
 * only whitespace) happens before the transaction; the spend, the insert and the receipt commit together,
 * so a refused request never burns a token.
 */
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');
  // Stories other features collect (handoff kudos alerts) are written here, into the kudos queue.
  app.kudosStories.provide(insertKudos);
  app.threadItems.add('kudos', async (db, id) => {
    const kudos = await findKudosForThread(db, id);
    if (!kudos) return null;
    return {
      kind: 'kudos' as const,
      id: kudos.id,
      text: kudos.text,
      status: kudos.status,
      day: kudos.day,
      ...(kudos.reason ? { reason: kudos.reason } : {}),
    };
  });
  app.themeSources.add(kudosThemeSource);
  app.notificationSources.add(kudosNotifications);
  app.blueprintOverlays.add(kudosOverlay);
  const changed = () => app.contentEvents.changed({ source: 'kudos' });

  // ---- employees ----

  app.post(
    '/api/kudos',
    {
      config: { privateToken: 'general' },
      schema: {
        tags: ['kudos'],
        summary: 'Thank a department with a story (spends one general token); returns the receipt',
        security: [{ privateToken: [] }],
        body: NewKudosBody,
        response: { 201: Created, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const story = request.body.story.trim();
      if (story.length < STORY_MIN)
        throw badRequest('story_too_short', `Write at least ${STORY_MIN} characters.`);
      await requireActiveDepartment(app.db, request.body.departmentId);
      const given = receiptFromClient(request.body.receipt);
      const { moderationMode } = await getSettings(app.db);
      const created = await app.db.transaction().execute(async (trx) => {
        await spendToken(trx, request.privateToken);
        const id = await insertKudos(trx, {
          departmentId: request.body.departmentId,
          story,
          moderation: moderationMode === 'post' ? 'published' : 'pending',
          piiFlags: piiKinds(story),
        });
        const receipt = await createReceipt(trx, app.secrets, { kind: 'kudos', itemId: id }, given);
        return { id, receipt };
      });
      changed();
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/kudos',
    {
      schema: {
        tags: ['kudos'],
        summary: 'Published kudos stories, newest first, optionally for one department',
        querystring: ListQuery,
        response: { 200: KudosList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = request.query.page ?? 1;
      const list = await listPublished(app.db, { department: request.query.department, page });
      return { ...list, page, pageSize: PAGE_SIZE };
    },
  );

  app.get(
    '/api/kudos/featured',
    {
      schema: {
        tags: ['kudos'],
        summary: 'Stories a moderator featured (they lead the home page)',
        response: { 200: Featured },
      },
    },
    async () => ({ items: await listFeatured(app.db) }),
  );

  app.get(
    '/api/kudos/recognition',
    {
      schema: {
        tags: ['kudos'],
        summary: 'Departments ranked by published kudos over the last 30 days; counts below k are hidden',
        response: { 200: Recognition },
      },
    },
    async () => {
      const { minimumGroupSize: k } = await getSettings(app.db);
      // A rolling 30 days, so the ranking is not empty in the first days of a calendar month.
      const [month] = recentMonths(1);
      const since = daysAgo(29);
      const [departments, counts] = await Promise.all([
        listDepartmentRefs(app.db),
        countsByDepartment(app.db, since),
      ]);
      return { month: month!, since, minimumGroupSize: k, ...recognitionRanking(departments, counts) };
    },
  );

  app.get(
    '/api/departments/:id/kudos-summary',
    {
      schema: {
        tags: ['kudos'],
        summary: "A department's page: its published stories and kudos per month (months below k hidden)",
        params: IdParams,
        response: { 200: DepartmentSummary, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const department = await findDepartment(app.db, request.params.id);
      if (!department) throw notFound('No such department.');
      const { minimumGroupSize: k } = await getSettings(app.db);
      const months = recentMonths(6);
      const [counts, stories] = await Promise.all([
        monthlyCounts(app.db, department.id, `${months[months.length - 1]}-01`),
        listPublished(app.db, { department: department.id, page: 1 }),
      ]);
      return { department, minimumGroupSize: k, ...monthlySeries(months, counts), stories: stories.items };
    },
  );

  // ---- moderators ----

  app.get(
    '/api/mod/kudos',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Kudos by moderation state; without a status the queue (awaiting a decision), oldest first',
        querystring: ModListQuery,
        response: { 200: ModList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      items: await listForModerators(app.db, { status: request.query.status, page: request.query.page ?? 1 }),
    }),
  );

  app.get(
    '/api/mod/kudos/counts',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'How many stories each moderator tab holds: queue, published, rejected',
        response: { 200: TabCounts, ...errorResponses(401, 403) },
      },
    },
    async () => moderatorTabCounts(app.db),
  );

  bulkDecisionRoute(app, {
    url: '/api/mod/kudos/decisions',
    summary: 'Publish or reject (with one reason) several stories; each is audited on its own',
    body: DecisionBody,
    decide: (staff, id, body) => decideItem(app, moderationRules, staff, id, body),
  });

  authorThreadRoute(app, {
    url: '/api/mod/kudos/:id/thread',
    summary: 'The conversation with the author of a kudos story',
    params: IdParams,
    kind: 'kudos',
    reply: ModThread,
  });

  decisionRoute(app, {
    url: '/api/mod/kudos/:id/decision',
    summary:
      'Publish, reject with a reason the author sees, or redact (publish an edited story; the original is discarded)',
    params: IdParams,
    body: DecisionBody,
    reply: Decision,
    decide: async (staff, id, body) => {
      const { moderation, text } = await decideItem(app, moderationRules, staff, id, body);
      return { id, moderation, story: text };
    },
  });

  app.post(
    '/api/mod/kudos/:id/feature',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['moderation'],
        summary: 'Feature a published story on the home page, or take it off',
        params: IdParams,
        body: FeatureBody,
        response: {
          200: Type.Object({ id: Type.String(), featured: Type.Boolean() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (trx) => {
        const updated = await setFeatured(trx, id, request.body.featured);
        if (!updated) {
          if (await itemExists(trx, 'kudos', id))
            throw conflict('not_published', 'Publish the story before featuring it.');
          throw notFound('No such kudos.');
        }
        await audit(trx, request.staff!, request.body.featured ? 'kudos.feature' : 'kudos.unfeature', {
          type: 'kudos',
          id,
        });
        return updated;
      });
    },
  );

  authorReplyRoute(app, {
    url: '/api/mod/kudos/:id/replies',
    summary: 'Reply to the anonymous author of a story (they read it through their receipt)',
    params: IdParams,
    kind: 'kudos',
    body: ReplyBody,
    reply: Posted,
  });
};

export default routes;
