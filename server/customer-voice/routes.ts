import { Transform, type Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parse } from 'csv-parse/sync';
import type { Config } from '../config.ts';
import { badRequest, errorResponses, HttpError, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { today } from '../shared/days.ts';
import { requireActiveDepartment } from '../shared/departments.ts';
import {
  FeedbackList,
  FeedbackQuery,
  HandMapped,
  HandMappingBody,
  IdParams,
  ImportQuery,
  ImportReport,
  Imports,
  Preview,
  PreviewQuery,
  RuleBody,
  RuleCreated,
  RuleDeleted,
  Rules,
  type Mapping,
} from '../../common/api/customer-voice.ts';
import adminRoutes from './admin-routes.ts';
import { importFeedback } from './import.ts';
import {
  deleteRule,
  findFeedback,
  insertRule,
  listFeedback,
  listImports,
  listRules,
  customerThemeSource,
  reapplyRules,
  setHandMapping,
} from './queries.ts';
import { readCsv, readJsonl } from './readers.ts';
import storyRoutes from './story-routes.ts';
import digestRoutes from './digest-routes.ts';
import { suggestMapping } from './suggest.ts';
import { customerVoiceOverlay } from './blueprint-overlay.ts';

/** An upload larger than this is refused as it streams (100,000 typical rows are ~20 MB). */
export const UPLOAD_MAX_BYTES = 200 * 1024 * 1024;
const PREVIEW_MAX_BYTES = 1024 * 1024;
const UPLOAD_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream'];

/*
 * Voice of the customer (issue 16). Moderators and admins upload CSV or JSONL exports (streamed straight
 * from the request into one transaction), map feedback to departments by rule and by hand, and curate
 * stories; employees read curated stories and aggregates on department pages; tools push through an API
 * with admin-created keys. Only moderators ever see raw (redacted) customer feedback.
 */
const routes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const staffOnly = app.requireStaff('moderator', 'admin');
  app.themeSources.add(customerThemeSource);
  app.blueprintOverlays.add(customerVoiceOverlay);

  // Uploads arrive as the raw file; the route reads it as a stream (this plugin's scope only).
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  const streamOf = (body: unknown): Readable => {
    if (!body || typeof (body as Readable).pipe !== 'function')
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Send the file itself as text/csv or application/x-ndjson.',
      );
    return body as Readable;
  };

  app.post(
    '/api/mod/customer-voice/preview',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'The columns and first rows of a CSV or JSONL export, with a suggested mapping',
        description: 'Send the first part of the file (up to 1 MB) as text/csv or application/x-ndjson.',
        querystring: PreviewQuery,
        response: { 200: Preview, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request) => {
      const stream = streamOf(request.body);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > PREVIEW_MAX_BYTES) break;
        chunks.push(chunk);
      }
      stream.resume();
      const text = Buffer.concat(chunks).toString('utf8');
      const { format } = request.query;
      let columns: string[] = [];
      let rows: Array<Record<string, string>> = [];
      if (format === 'csv') {
        const records = previewRecords(text);
        if (!records) throw badRequest('unreadable_file', 'The start of this file is not readable as CSV.');
        columns = (records[0] ?? []).map((name) => name.trim());
        rows = records
          .slice(1)
          .map((record) => Object.fromEntries(columns.map((name, i) => [name, record[i] ?? ''])));
      } else {
        const lines = text.split('\n').slice(0, 11);
        for (const line of lines) {
          try {
            const value = JSON.parse(line) as unknown;
            if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
            const object = value as Record<string, unknown>;
            for (const key of Object.keys(object)) if (!columns.includes(key)) columns.push(key);
            rows.push(
              Object.fromEntries(Object.entries(object).map(([key, cell]) => [key, String(cell ?? '')])),
            );
          } catch {
            // the last line of a cut-off preview
          }
        }
        rows = rows.slice(0, 10);
      }
      if (!columns.length) throw badRequest('unreadable_file', 'No columns found at the start of this file.');
      return { format, columns, rows, suggested: suggestMapping(columns, rows) };
    },
  );

  app.post(
    '/api/mod/customer-voice/imports',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary:
          'Import a CSV or JSONL export (streamed; idempotent by external id; all or nothing by default)',
        description:
          'The body is the file itself (text/csv or application/x-ndjson). The query maps columns to fields. ' +
          'Customer personal data is redacted before anything is stored. Every rejected row is reported with ' +
          'its line and reason; with accept=all (default) one rejected row stores nothing.',
        querystring: ImportQuery,
        response: { 200: ImportReport, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request) => {
      const stream = streamOf(request.body);
      const { format, label, accept, dryRun, ...rest } = request.query;
      const mapping = mappingOf(rest);
      let received = 0;
      // Counts bytes as they are read (never puts the request into flowing mode before the parser is there).
      const limited = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
          if (received > UPLOAD_MAX_BYTES) callback(new Error('file too large'));
          else callback(null, chunk);
        },
      });
      stream.on('error', (error) => limited.destroy(error));
      stream.pipe(limited);
      const report = await importFeedback(app.db, format === 'csv' ? readCsv(limited) : readJsonl(limited), {
        origin: 'upload',
        label: label ?? `${format} upload`,
        format,
        mapping,
        accept: accept ?? 'all',
        dryRun: dryRun ?? false,
        today: today(),
        staffId: request.staff!.id,
        apiKeyId: null,
      });
      if (received > UPLOAD_MAX_BYTES)
        throw new HttpError(413, 'file_too_large', 'Files up to 200 MB are imported.');
      if (report.committed) {
        await audit(
          app.db,
          request.staff!,
          'customer-voice.import',
          { type: 'customer_import', id: report.id! },
          {
            imported: report.imported,
            rejected: report.rejected,
          },
        );
        if (report.imported > 0) app.contentEvents.changed({ source: 'customer' });
      }
      return report;
    },
  );

  app.get(
    '/api/mod/customer-voice/imports',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Recent imports (uploads and pushes) with their counts',
        response: { 200: Imports, ...errorResponses(401, 403) },
      },
    },
    async () => ({ imports: await listImports(app.db) }),
  );

  app.get(
    '/api/mod/customer-voice/feedback',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Customer feedback (redacted), newest first, with the departments it is mapped to',
        querystring: FeedbackQuery,
        response: { 200: FeedbackList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) =>
      listFeedback(app.db, {
        department: request.query.department,
        unmapped: request.query.unmapped,
        search: request.query.search,
        limit: request.query.limit ?? 50,
      }),
  );

  app.put(
    '/api/mod/customer-voice/feedback/:id/departments',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Map one comment to departments by hand (rule mappings stay)',
        params: IdParams,
        body: HandMappingBody,
        response: { 200: HandMapped, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await findFeedback(app.db, id))) throw notFound('No such feedback.');
      // Mappings already there may stay when their department was archived; new ones may not name it.
      const current = new Set((await findFeedback(app.db, id))!.departments.map((entry) => entry.id));
      for (const departmentId of request.body.departmentIds)
        if (!current.has(departmentId)) await requireActiveDepartment(app.db, departmentId);
      await app.db.transaction().execute(async (trx) => {
        await setHandMapping(trx, id, request.body.departmentIds);
        await audit(
          trx,
          request.staff!,
          'customer-voice.map',
          { type: 'customer_feedback', id },
          {
            departmentIds: request.body.departmentIds,
          },
        );
      });
      app.contentEvents.changed({ source: 'customer' });
      return { id, departments: (await findFeedback(app.db, id))!.departments };
    },
  );

  app.get(
    '/api/mod/customer-voice/rules',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Rules that map feedback to departments (stage, channel, keyword)',
        response: { 200: Rules, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const rules = await listRules(app.db);
      const counts = await app.db
        .selectFrom('customer_feedback_department')
        .select(['department_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('mapped_by', '=', 'rule')
        .groupBy('department_id')
        .execute();
      const byDepartment = new Map(counts.map((row) => [row.department_id, Number(row.n)]));
      return {
        rules: rules.map((rule) => ({
          id: rule.id,
          department: { id: rule.departmentId, name: rule.departmentName },
          stage: rule.stage,
          channel: rule.channel,
          keyword: rule.keyword,
          matches: byDepartment.get(rule.departmentId) ?? 0,
        })),
      };
    },
  );

  app.post(
    '/api/mod/customer-voice/rules',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Add a mapping rule (every field given must match) and apply it to all feedback',
        body: RuleBody,
        response: { 201: RuleCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const clean = (value: string | undefined) => value?.trim() || null;
      const rule = {
        departmentId: request.body.departmentId,
        stage: clean(request.body.stage),
        channel: clean(request.body.channel),
        keyword: clean(request.body.keyword),
      };
      if (!rule.stage && !rule.channel && !rule.keyword)
        throw badRequest('empty_rule', 'A rule needs a stage, a channel or a keyword.');
      await requireActiveDepartment(app.db, rule.departmentId);
      const created = await app.db.transaction().execute(async (trx) => {
        const id = await insertRule(trx, rule);
        const mapped = await reapplyRules(trx);
        await audit(
          trx,
          request.staff!,
          'customer-voice.rule.create',
          { type: 'customer_voice_rule', id },
          rule,
        );
        return { id, mapped };
      });
      app.contentEvents.changed({ source: 'customer' });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/mod/customer-voice/rules/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['customer-voice'],
        summary: 'Remove a mapping rule (its mappings go; hand mappings stay)',
        params: IdParams,
        response: { 200: RuleDeleted, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const deleted = await app.db.transaction().execute(async (trx) => {
        if (!(await deleteRule(trx, id))) return false;
        await reapplyRules(trx);
        await audit(
          trx,
          request.staff!,
          'customer-voice.rule.delete',
          { type: 'customer_voice_rule', id },
          {},
        );
        return true;
      });
      if (!deleted) throw notFound('No such rule.');
      app.contentEvents.changed({ source: 'customer' });
      return { id, deleted };
    },
  );

  await app.register(storyRoutes);
  await app.register(digestRoutes);
  await app.register(adminRoutes, { config });
};

/** Up to 11 records from the start of a CSV; a cut-off last record (expected in a preview) is dropped. */
function previewRecords(text: string): string[][] | null {
  let head = text;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const records: string[][] = parse(head, {
        bom: true,
        to: 11,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
      });
      return records;
    } catch {
      const cut = head.lastIndexOf('\n', head.length - 2);
      if (cut <= 0) return null;
      head = head.slice(0, cut + 1);
    }
  }
  return null;
}

/** The mapping part of the import query. */
export function mappingOf(query: Partial<Mapping>): Mapping {
  const mapping: Mapping = { text: query.text!, date: query.date! };
  for (const key of [
    'score',
    'scoreKind',
    'scoreKindColumn',
    'channel',
    'stage',
    'externalId',
    'product',
  ] as const)
    if (query[key] !== undefined) (mapping as Record<string, unknown>)[key] = query[key];
  if (mapping.score && !mapping.scoreKind && !mapping.scoreKindColumn)
    throw badRequest(
      'score_kind_required',
      'Say which scale the scores are on (nps, csat or ces), or which column names it.',
    );
  return mapping;
}

export default routes;
