import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { conflict, errorResponses, notFound } from '../errors.ts';
import { redactCustomerText } from '../../common/pii.ts';
import { audit } from '../shared/audit.ts';
import { today } from '../shared/days.ts';
import { requireActiveDepartment } from '../shared/departments.ts';
import { releasable, suppress } from '../shared/min-group.ts';
import { decideAudited } from '../shared/moderation/actions.ts';
import { getSettings } from '../shared/settings.ts';
import {
  DepartmentVoice,
  Dismissed,
  Drivers,
  IdParams,
  Stories,
  StoryBody,
  StoryCreated,
  StoryQueue,
  StoryQueueDecisionBody,
  StoryQueueQuery,
  StoryWithdrawn,
} from '../../common/api/customer-voice.ts';
import { TabCounts } from '../../common/api/moderation.ts';
import { bulkDecisionRoute } from '../shared/moderation/routes.ts';
import type { StaffMember } from '../shared/staff-sessions.ts';
import {
  departmentThemes,
  driverRows,
  findDepartment,
  findFeedback,
  insertStory,
  listStories,
  mappedCount,
  monthlyScores,
  npsTotals,
  setStoryStatus,
  moveInStoryQueue,
  storyQueue,
  storyQueueCounts,
  withdrawStory,
} from './queries.ts';

/** The trend covers the current month and the five before it. */
const TREND_MONTHS = 6;

/**
 * Curated customer stories and what employees may see: stories a moderator chose and aggregates over at
 * least k customers (the minimum group size applies to customer groups too: a month with three comments
 * would point at three customers someone may know).
 */
const storyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = app.requireStaff('moderator', 'admin');

  app.get(
    '/api/mod/customer-voice/stories/queue',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'The curation queue: mapped customer comments that could become a story (or were dismissed)',
        querystring: StoryQueueQuery,
        response: { 200: StoryQueue, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      items: await storyQueue(app.db, {
        status: request.query.status,
        search: request.query.q,
        sort: request.query.sort,
      }),
    }),
  );

  app.get(
    '/api/mod/customer-voice/stories/queue/counts',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'How many comments each tab of the curation queue holds: queue, dismissed',
        response: { 200: TabCounts, ...errorResponses(401, 403) },
      },
    },
    async () => storyQueueCounts(app.db),
  );

  /** Take a candidate out of the queue, or bring a dismissed one back: checked, then changed and audited together. */
  async function curate(staff: StaffMember, id: string, { action }: Static<typeof StoryQueueDecisionBody>) {
    if (!(await findFeedback(app.db, id))) throw notFound('No such feedback.');
    const [from, to] =
      action === 'dismiss' ? (['candidate', 'dismissed'] as const) : (['dismissed', 'candidate'] as const);
    const moved = await app.db.transaction().execute(async (trx) => {
      if (!(await moveInStoryQueue(trx, id, from, to))) return false;
      await audit(trx, staff, `customer-voice.story.${action}`, { type: 'customer_feedback', id }, {});
      return true;
    });
    if (!moved)
      throw conflict(
        action === 'dismiss' ? 'not_in_queue' : 'not_dismissed',
        action === 'dismiss'
          ? 'This comment is not waiting in the queue.'
          : 'This comment was not dismissed.',
      );
    return { id, storyStatus: to };
  }

  bulkDecisionRoute(app, {
    url: '/api/mod/customer-voice/stories/queue/decisions',
    summary:
      'Dismiss several comments from the curation queue, or bring dismissed ones back; each is audited',
    body: StoryQueueDecisionBody,
    decide: curate,
  });

  app.post(
    '/api/mod/customer-voice/stories',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Share a customer comment as a story on a department page (text redacted again)',
        body: StoryBody,
        response: { 201: StoryCreated, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { feedbackId, departmentId } = request.body;
      const feedback = await findFeedback(app.db, feedbackId);
      if (!feedback) throw notFound('No such feedback.');
      await requireActiveDepartment(app.db, departmentId);
      // What the moderator edited is checked again: a story never carries a customer's personal data.
      const text = redactCustomerText(request.body.text.trim()).text;
      const title = redactCustomerText(request.body.title.trim()).text;
      const id = await app.db.transaction().execute(async (trx) => {
        const created = await insertStory(trx, {
          feedbackId,
          departmentId,
          title,
          text,
          staffId: request.staff!.id,
        });
        await setStoryStatus(trx, feedbackId, 'shared');
        // Sharing a story with a team maps the comment to it, so the team's aggregates include it.
        await trx
          .insertInto('customer_feedback_department')
          .values({ feedback_id: feedbackId, department_id: departmentId, mapped_by: 'hand' })
          .onConflict((oc) => oc.columns(['feedback_id', 'department_id']).doNothing())
          .execute();
        await audit(
          trx,
          request.staff!,
          'customer-voice.story.share',
          { type: 'customer_story', id: created },
          {
            departmentId,
            feedbackId,
          },
        );
        return created;
      });
      return reply.code(201).send({ id, text });
    },
  );

  app.post(
    '/api/mod/customer-voice/feedback/:id/dismiss',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Take a comment out of the curation queue (not a story)',
        params: IdParams,
        response: { 200: Dismissed, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await decideAudited(app.db, request.staff!, {
        action: 'customer-voice.story.dismiss',
        target: { type: 'customer_feedback', id },
        apply: (trx) => setStoryStatus(trx, id, 'dismissed'),
        missing: 'No such feedback.',
      });
      return { id, storyStatus: 'dismissed' as const };
    },
  );

  app.get(
    '/api/mod/customer-voice/stories',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Every shared story',
        response: { 200: Stories, ...errorResponses(401, 403) },
      },
    },
    async () => ({ stories: await listStories(app.db, undefined, 200) }),
  );

  app.delete(
    '/api/mod/customer-voice/stories/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Withdraw a shared story',
        params: IdParams,
        response: { 200: StoryWithdrawn, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await decideAudited(app.db, request.staff!, {
        action: 'customer-voice.story.withdraw',
        target: { type: 'customer_story', id },
        apply: (trx) => withdrawStory(trx, id),
        missing: 'No such story.',
      });
      return { id, withdrawn: true };
    },
  );

  app.get(
    '/api/mod/customer-voice/drivers',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'NPS drivers: themes among detractors against promoters, next to what employees raised',
        response: { 200: Drivers, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const [totals, rows] = await Promise.all([npsTotals(app.db), driverRows(app.db)]);
      const share = (count: number, total: number) => (total > 0 ? count / total : 0);
      const drivers = rows
        .map((row) => ({
          themeId: row.theme_id,
          label: row.label,
          keywords: row.keywords,
          detractors: row.detractors,
          passives: row.passives,
          promoters: row.promoters,
          lift:
            Math.round(
              1000 * (share(row.detractors, totals.detractors) - share(row.promoters, totals.promoters)),
            ) / 1000,
          employeeItems: row.employee_items,
          employeeQuote: row.employee_quote,
        }))
        .sort((a, b) => b.lift - a.lift || a.label.localeCompare(b.label));
      return { detractors: totals.detractors, promoters: totals.promoters, drivers };
    },
  );

  app.get(
    '/api/departments/:id/customer-voice',
    {
      schema: {
        tags: ['customer-voice'],
        summary: 'What customers say about work this department touches: curated stories and aggregates ≥ k',
        params: IdParams,
        response: { 200: DepartmentVoice, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const department = await findDepartment(app.db, request.params.id);
      if (!department) throw notFound('No such department.');
      const { minimumGroupSize: k } = await getSettings(app.db);
      const now = new Date(`${today()}T00:00:00Z`);
      const months = Array.from({ length: TREND_MONTHS }, (_, i) =>
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (TREND_MONTHS - 1 - i), 1))
          .toISOString()
          .slice(0, 7),
      );
      const [scores, stories, themes, total] = await Promise.all([
        monthlyScores(app.db, department.id, `${months[0]}-01`),
        listStories(app.db, department.id, 20),
        departmentThemes(app.db, department.id),
        mappedCount(app.db, department.id),
      ]);
      const byMonth = new Map(scores.map((row) => [row.month, row]));
      const round1 = (value: number) => Math.round(value * 10) / 10;
      // Months and the total together: a hidden month is never the difference of shown numbers.
      const shown = suppress(
        months.map((month) => ({ key: month, count: byMonth.get(month)?.responses ?? 0 })),
        k,
        total,
      );
      const trend = months.map((month, index) => {
        const row = byMonth.get(month);
        if (!row || shown.cells[index]!.suppressed)
          return { month, responses: null, nps: null, csat: null, ces: null };
        return {
          month,
          responses: row.responses,
          nps: releasable(row.nps_n, k)
            ? Math.round((100 * (row.promoters - row.detractors)) / row.nps_n)
            : null,
          csat: releasable(row.csat_n, k) ? round1(row.csat_sum / row.csat_n) : null,
          ces: releasable(row.ces_n, k) ? round1(row.ces_sum / row.ces_n) : null,
        };
      });
      return {
        department,
        minimumGroupSize: k,
        feedback: shown.total,
        stories,
        trend,
        themes: themes.filter((theme) => releasable(theme.count, k)),
      };
    },
  );
};

export default storyRoutes;
