import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ThemeTone, ThemeTrend } from '../../db/tables/themes.ts';
import type { Config } from '../config.ts';
import { randomUUID } from 'node:crypto';
import { badRequest, errorResponses, HttpError, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { getSettings } from '../shared/settings.ts';
import themesService, { THEMES_ALL_JOB, THEMES_PUBLIC_JOB } from './service.ts';
import { themesJob } from './job.ts';
import { MIN_SPLIT_COMMENTS, type SplitProposal } from './engine/split.ts';
import {
  deleteCorrection,
  departmentNames,
  findTheme,
  insertCorrection,
  latestRun,
  listCorrectionRows,
  listThemeItems,
  countFilteredItems,
  listThemes,
  themeItemIds,
} from './queries.ts';
import {
  CorrectionParams,
  ModThemes,
  ModThemesQuery,
  THEME_ITEMS_PAGE,
  ThemeItemsQuery,
  PublicThemes,
  PublicThemesQuery,
  Recomputed,
  ThemeCorrectionBody,
  ThemeCorrections,
  ThemeItems,
  ThemeParams,
  ThemeSplitProposal,
} from '../../common/api/themes.ts';
import { evidenceOf, moderatorThemes, type TrendEvidence } from './view.ts';
import { addDays, isDay, today } from '../shared/days.ts';
import { themeNotifications } from './notification-source.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
const HOUR_MS = 60 * 60 * 1000;
/** Public timestamps are floored to the hour: a poller learns at most which hour a scheduled run fell in. */
const hourOf = (value: Date | string | null | undefined) =>
  value ? new Date(Math.floor(new Date(value).getTime() / HOUR_MS) * HOUR_MS).toISOString() : null;
/** The public snapshot's daily series spans 90 days (the engine's default); a department's view matches it. */
const PUBLIC_DAILY_DAYS = 90;
/**
 * The most different texts a split proposal compares (the most repeated, then the most typical of the
 * theme); its cost grows with their square, and a larger theme's other texts are left to the moderator.
 */
const SPLIT_TEXTS = 400;

interface PublicFields {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  trend: ThemeTrend;
  sentiment: number;
  tone: ThemeTone;
  evidence: TrendEvidence;
  daily: Array<{ day: string; count: number }>;
}
const pickPublic = ({
  id,
  label,
  keywords,
  size,
  trend,
  sentiment,
  tone,
  evidence,
  daily,
}: PublicFields) => ({
  id,
  label,
  keywords,
  size,
  trend,
  sentiment,
  tone,
  evidence,
  daily,
});

// Routes declare full paths (/api/...); registered without a prefix.
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  await app.register(themesService, { config });
  app.notificationSources.add(themeNotifications);
  // Another feature asks whether a theme is current for moderators (an action made from it): id and label only.
  app.moderatorThemes.provide({
    find: async (db, id) => {
      const theme = await findTheme(db, 'all', id);
      return theme && { id: theme.id, label: theme.label, keywords: theme.keywords };
    },
    list: async (db) =>
      (await listThemes(db, 'all')).map(({ id, label, keywords }) => ({ id, label, keywords })),
  });
  const { refreshIfStale } = app.themes;
  const staffOnly = app.requireStaff('moderator', 'admin');
  /** After a correction is made or undone: both snapshots now, from scratch (held models forgotten). */
  const recomputeAfterCorrection = async () => {
    themesJob(app).forgetModels();
    await app.jobs.runNow(THEMES_ALL_JOB);
    await app.jobs.runNow(THEMES_PUBLIC_JOB);
    const run = await latestRun(app.db, 'all');
    return {
      computedAt: iso(run?.computedAt),
      themes: run?.themeCount ?? 0,
      itemCount: run?.itemCount ?? 0,
    };
  };

  app.get(
    '/api/themes',
    {
      schema: {
        tags: ['themes'],
        summary: 'Trending themes built from published text only',
        description:
          'Ranked: emerging, rising, steady, fading; larger first within each. Quotes are published comments ' +
          'with personal data redacted. With `department`, only what people raise about that department.',
        querystring: PublicThemesQuery,
        response: { 200: PublicThemes, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { department, limit } = request.query;
      const [run, themes] = await Promise.all([latestRun(app.db, 'public'), listThemes(app.db, 'public')]);
      if (run) refreshIfStale(run.asOf);
      const header = { asOf: run?.asOf ?? null, computedAt: hourOf(run?.computedAt) };
      if (department === undefined)
        return {
          ...header,
          themes: themes.slice(0, limit).map((theme) => ({
            ...pickPublic({ ...theme, evidence: evidenceOf(theme.trendTest) }),
            quotes: theme.quotes.map((quote) => quote.text),
          })),
        };
      const [names, { minimumGroupSize }] = await Promise.all([departmentNames(app.db), getSettings(app.db)]);
      if (!names.has(department)) throw notFound('No such department.');
      const items = await listThemeItems(app.db, 'public', { departmentId: department });
      const view = moderatorThemes(themes, items, {
        asOf: run?.asOf ?? today(),
        firstDay: run?.firstDay ?? null,
        k: minimumGroupSize,
        names,
        departmentFilter: true,
        // Employees are not told what waits for a moderator (their view holds published text only).
        awaiting: new Map(),
        span: PUBLIC_DAILY_DAYS,
        snapshotTrend: true,
      });
      return {
        ...header,
        themes: view.themes.slice(0, limit).map((theme) => ({ ...pickPublic(theme), quotes: theme.quotes })),
      };
    },
  );

  app.get(
    '/api/mod/themes',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary: 'Themes over everything (pending and published), with filters and breakdowns',
        description:
          'Filters: source, last N days, concerned department. Sizes, daily counts, trend, sentiment and quotes are ' +
          'recomputed for the filtered comments. Department breakdowns obey the minimum group size k (with ' +
          'complementary suppression); with a department filter, themes with fewer than k comments are left out.',
        querystring: ModThemesQuery,
        response: { 200: ModThemes, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const [run, themes, { minimumGroupSize }, names, awaiting] = await Promise.all([
        latestRun(app.db, 'all'),
        listThemes(app.db, 'all'),
        getSettings(app.db),
        departmentNames(app.db),
        app.themeSources.awaiting(app.db),
      ]);
      if (run) refreshIfStale(run.asOf);
      const { days, source, department } = request.query;
      const asOf = run?.asOf ?? today();
      const since = days ? addDays(asOf, -(days - 1)) : undefined;
      const items = await listThemeItems(app.db, 'all', { source, since, departmentId: department });
      const view = moderatorThemes(themes, items, {
        asOf,
        firstDay: run?.firstDay ?? null,
        k: minimumGroupSize,
        names,
        departmentFilter: department !== undefined,
        awaiting,
        span: Math.min(days ?? 90, 365),
        snapshotTrend: days === undefined && source === undefined,
      });
      return {
        ...view,
        asOf: run?.asOf ?? null,
        computedAt: iso(run?.computedAt),
        itemCount: run?.itemCount ?? 0,
        unclustered: run?.unclustered ?? 0,
        minimumGroupSize,
      };
    },
  );

  app.get(
    '/api/mod/themes/:id/split-proposal',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary: "Which of a theme's comments to split off into a theme of their own, and a name for them",
        description:
          'A proposal for a moderator who thinks the theme holds two concerns: the two-way cut of its ' +
          'comments that cuts least between them (by shared words and word vectors), on the engine thread. ' +
          'Nothing is changed; the moderator splits with a correction.',
        params: ThemeParams,
        response: { 200: ThemeSplitProposal, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const theme = await findTheme(app.db, 'all', request.params.id);
      if (!theme) throw notFound('No such theme.');
      const items = await listThemeItems(app.db, 'all', { themeId: theme.id });
      // Each distinct text once: its copies' ids, whether any copy is published, its best centrality.
      const distinct = new Map<string, { ids: string[]; published: boolean; centrality: number }>();
      for (const item of items) {
        const seen = distinct.get(item.text);
        if (!seen) {
          distinct.set(item.text, { ids: [item.id], published: item.published, centrality: item.centrality });
          continue;
        }
        seen.ids.push(item.id);
        seen.published ||= item.published;
        seen.centrality = Math.max(seen.centrality, item.centrality);
      }
      // The most repeated first, then the most typical of the theme.
      const texts = [...distinct.keys()]
        .sort((a, b) => {
          const [x, y] = [distinct.get(a)!, distinct.get(b)!];
          return y.ids.length - x.ids.length || y.centrality - x.centrality || (a < b ? -1 : a > b ? 1 : 0);
        })
        .slice(0, SPLIT_TEXTS);
      const answer = (itemIds: string[], name: string) => ({
        itemIds,
        name,
        considered: texts.length,
        distinctTexts: distinct.size,
      });
      if (texts.length < MIN_SPLIT_COMMENTS) return answer([], '');
      let proposal: SplitProposal | null;
      try {
        proposal = await themesJob(app).proposeSplit(texts, {
          published: texts.map((text) => distinct.get(text)!.published),
          label: theme.label,
        });
      } catch (error) {
        request.log.warn({ err: error }, 'split proposal failed');
        throw new HttpError(503, 'themes_engine_unavailable', 'The themes engine is restarting; try again.', {
          'retry-after': '5',
        });
      }
      if (!proposal) return answer([], '');
      return answer(
        proposal.part.flatMap((i) => distinct.get(texts[i]!)!.ids),
        proposal.name,
      );
    },
  );

  app.get(
    '/api/mod/themes/:id/items',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary: "A theme's comments with their source, status and department (newest first)",
        params: ThemeParams,
        querystring: ThemeItemsQuery,
        response: { 200: ThemeItems, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const theme = await findTheme(app.db, 'all', request.params.id);
      if (!theme) throw notFound('No such theme.');
      const run = await latestRun(app.db, 'all');
      const { days, source, department, after, limit = THEME_ITEMS_PAGE } = request.query;
      const asOf = run?.asOf ?? today();
      const since = days ? addDays(asOf, -(days - 1)) : undefined;
      const filters = { themeId: theme.id, source, since, departmentId: department };
      const start = after === undefined ? undefined : { day: after.slice(0, 10), itemId: after.slice(11) };
      // The schema checks the shape; a day that is no date ("2026-02-30") would reach Postgres as one.
      if (start && !isDay(start.day))
        throw badRequest('invalid_request', '`after` must be the `next` of an earlier page.');
      // One more than the page: whether there is a next one.
      const [rows, total] = await Promise.all([
        listThemeItems(app.db, 'all', filters, { after: start, limit: limit + 1 }),
        countFilteredItems(app.db, 'all', filters),
      ]);
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      const next = rows.length > limit && last ? `${last.day}~${last.id}` : null;
      return {
        theme,
        total,
        next,
        items: items.map((item) => ({
          id: item.id,
          source: item.source,
          text: item.text,
          day: item.day,
          published: item.published,
          status: item.status,
          departmentId: item.departmentId,
          departmentName: item.departmentName ?? null,
          sentiment: item.sentiment,
        })),
      };
    },
  );

  app.post(
    '/api/mod/themes/:id/corrections',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary:
          'Correct a theme: rename, merge into another, move comments, split, pin, or hide as noise; kept on every recompute',
        description:
          'The engine keeps each correction as a constraint on every later computation (the public snapshot ' +
          'too, matched by the comments the theme held). Audited. Recomputes both snapshots.',
        params: ThemeParams,
        body: ThemeCorrectionBody,
        response: { 200: Recomputed, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const theme = await findTheme(app.db, 'all', request.params.id);
      if (!theme) throw notFound('No such theme.');
      const body = request.body;
      const anchorItems = await themeItemIds(app.db, 'all', theme.id);
      let into: { id: string; items: string[] } | undefined;
      if (body.kind === 'merge' || body.kind === 'move') {
        if (body.into === theme.id)
          throw badRequest(
            'invalid_request',
            body.kind === 'merge'
              ? 'A theme cannot be merged into itself.'
              : 'Those comments are already there.',
          );
        const target = await findTheme(app.db, 'all', body.into);
        if (!target)
          throw notFound(`No such theme to ${body.kind === 'merge' ? 'merge' : 'move them'} into.`);
        into = { id: target.id, items: await themeItemIds(app.db, 'all', target.id) };
      }
      let itemIds: string[] | undefined;
      if (body.kind === 'move' || body.kind === 'split') {
        const held = new Set(anchorItems);
        if (body.kind === 'split' && (body.itemIds === undefined) === (body.keywords === undefined))
          throw badRequest('invalid_request', 'Split by chosen comments or by keywords, one of the two.');
        if (body.kind === 'split' && body.keywords) {
          const words = body.keywords.map(
            (word) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word.trim())}($|[^\\p{L}\\p{N}])`, 'iu'),
          );
          const rows = await listThemeItems(app.db, 'all', { themeId: theme.id });
          itemIds = rows.filter((row) => words.some((word) => word.test(row.text))).map((row) => row.id);
          if (itemIds.length === 0)
            throw badRequest('invalid_request', 'No comment of this theme mentions those words.');
        } else {
          itemIds = body.itemIds!;
          if (itemIds.some((id) => !held.has(id)))
            throw badRequest('invalid_request', 'Every comment named must be in this theme.');
        }
        if (body.kind === 'split' && itemIds.length >= held.size)
          throw badRequest(
            'invalid_request',
            'A split must leave some comments in the theme (rename it instead).',
          );
      }
      const id = randomUUID();
      const label = body.kind === 'rename' || body.kind === 'split' ? body.label?.trim() : undefined;
      await insertCorrection(app.db, {
        id,
        kind: body.kind,
        themeId: theme.id,
        intoThemeId: into?.id,
        intoAnchorItems: into?.items,
        label,
        anchorItems,
        itemIds,
        createdBy: request.staff!.username,
      });
      await audit(
        app.db,
        request.staff!,
        `theme.${body.kind}`,
        { type: 'theme', id: theme.id },
        {
          correction: id,
          from: theme.label,
          ...(label ? { to: label } : {}),
          ...(into ? { into: into.id } : {}),
          ...(itemIds ? { comments: itemIds.length } : {}),
          ...(body.kind === 'split' && body.keywords ? { keywords: body.keywords } : {}),
        },
      );
      return recomputeAfterCorrection();
    },
  );

  app.get(
    '/api/mod/themes/corrections',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary:
          'The corrections the engine keeps, newest first (to see what was pinned, hidden or renamed, and undo it)',
        response: { 200: ThemeCorrections, ...errorResponses(401, 403) },
      },
    },
    async () => ({ corrections: await listCorrectionRows(app.db) }),
  );

  app.delete(
    '/api/mod/themes/corrections/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary:
          'Undo a correction: the engine stops keeping it (unpin, unhide, unmerge…). Audited. Recomputes both snapshots.',
        params: CorrectionParams,
        response: { 200: Recomputed, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      // The withdrawal and its audit entry commit together; the entry keeps what the correction said.
      await app.db.transaction().execute(async (trx) => {
        const removed = await deleteCorrection(trx, request.params.id);
        if (!removed) throw notFound('No such correction.');
        await audit(
          trx,
          request.staff!,
          'theme.undo',
          { type: 'theme', id: removed.themeId },
          {
            correction: request.params.id,
            kind: removed.kind,
            ...(removed.label ? { label: removed.label } : {}),
            ...(removed.intoThemeId ? { into: removed.intoThemeId } : {}),
            ...(removed.comments > 0 ? { comments: removed.comments } : {}),
          },
        );
      });
      return recomputeAfterCorrection();
    },
  );

  app.post(
    '/api/mod/themes/recompute',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['themes'],
        summary: 'Recompute themes now (normally done automatically, debounced, after content changes)',
        response: { 200: Recomputed, ...errorResponses(401, 403) },
      },
    },
    async () => {
      // A staff action (not anonymous): both snapshots now, each under its lease.
      await app.jobs.runNow(THEMES_ALL_JOB);
      await app.jobs.runNow(THEMES_PUBLIC_JOB);
      const run = await latestRun(app.db, 'all');
      return {
        computedAt: iso(run?.computedAt),
        themes: run?.themeCount ?? 0,
        itemCount: run?.itemCount ?? 0,
      };
    },
  );
};

export default routes;
