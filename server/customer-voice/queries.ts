import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasText, type SourceReader } from '../shared/theme-sources.ts';
import type { FeedbackRow } from './validate.ts';

// All SQL of the customer-voice feature. Each function takes `db` or a transaction first.

type Db = Kysely<Database> | Transaction<Database>;

export interface RuleRow {
  id: string;
  department_id: string;
  stage: string | null;
  channel: string | null;
  keyword: string | null;
}

export interface InsertedFeedback {
  id: string;
  text: string;
  stage: string | null;
  channel: string | null;
}

/** Idempotent by external id: a row imported before is left as it is (and not returned). */
export async function insertFeedbackBatch(
  trx: Db,
  importId: string | null,
  rows: FeedbackRow[],
): Promise<InsertedFeedback[]> {
  if (!rows.length) return [];
  return trx
    .insertInto('customer_feedback')
    .values(
      rows.map((row) => ({
        external_id: row.externalId,
        import_id: importId,
        text: row.text,
        pii_kinds: JSON.stringify(row.piiKinds),
        score_kind: row.scoreKind,
        score: row.score,
        day: row.day,
        channel: row.channel,
        stage: row.stage,
        product: row.product,
      })),
    )
    .onConflict((oc) => oc.column('external_id').doNothing())
    .returning(['id', 'external_id'])
    .execute()
    .then((inserted) => {
      // The text is not sent back: the rows in hand have it (rule matching needs text, stage, channel).
      const byExternalId = new Map(rows.map((row) => [row.externalId, row]));
      return inserted.map(({ id, external_id }) => {
        const row = byExternalId.get(external_id)!;
        return { id, text: row.text, stage: row.stage, channel: row.channel };
      });
    });
}

export const loadRules = (db: Db): Promise<RuleRow[]> =>
  db
    .selectFrom('customer_voice_rule')
    .select(['id', 'department_id', 'stage', 'channel', 'keyword'])
    .execute();

const same = (a: string | null, b: string | null) =>
  a === null || (b !== null && a.toLowerCase() === b.toLowerCase());

/** The same test as the SQL in `reapplyRules`: every field the rule names must match. */
export const ruleMatches = (rule: RuleRow, row: Omit<InsertedFeedback, 'id'>) =>
  same(rule.stage, row.stage) &&
  same(rule.channel, row.channel) &&
  (rule.keyword === null || row.text.toLowerCase().includes(rule.keyword.toLowerCase()));

export async function mapByRules(trx: Db, rows: InsertedFeedback[], rules: RuleRow[]): Promise<number> {
  const pairs = new Map<string, { feedback_id: string; department_id: string; mapped_by: 'rule' }>();
  for (const row of rows)
    for (const rule of rules)
      if (ruleMatches(rule, row))
        pairs.set(`${row.id}:${rule.department_id}`, {
          feedback_id: row.id,
          department_id: rule.department_id,
          mapped_by: 'rule',
        });
  if (!pairs.size) return 0;
  const result = await trx
    .insertInto('customer_feedback_department')
    .values([...pairs.values()])
    .onConflict((oc) => oc.columns(['feedback_id', 'department_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Rule mappings are derived: drop them all and map again (hand mappings stay and win). */
export async function reapplyRules(trx: Db): Promise<number> {
  await trx.deleteFrom('customer_feedback_department').where('mapped_by', '=', 'rule').execute();
  const result = await sql`
    insert into customer_feedback_department (feedback_id, department_id, mapped_by)
    select distinct f.id, r.department_id, 'rule'
    from customer_feedback f
    join customer_voice_rule r
      on (r.stage is null or lower(r.stage) = lower(f.stage))
     and (r.channel is null or lower(r.channel) = lower(f.channel))
     and (r.keyword is null or position(lower(r.keyword) in lower(f.text)) > 0)
    on conflict do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export async function listRules(db: Db) {
  return db
    .selectFrom('customer_voice_rule as r')
    .innerJoin('department as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.stage', 'r.channel', 'r.keyword', 'd.id as departmentId', 'd.name as departmentName'])
    .orderBy('d.name')
    .orderBy('r.created_at')
    .execute();
}

export async function insertRule(
  trx: Db,
  rule: { departmentId: string; stage: string | null; channel: string | null; keyword: string | null },
) {
  const row = await trx
    .insertInto('customer_voice_rule')
    .values({
      department_id: rule.departmentId,
      stage: rule.stage,
      channel: rule.channel,
      keyword: rule.keyword,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteRule(trx: Db, id: string) {
  const result = await trx.deleteFrom('customer_voice_rule').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findDepartment(db: Db, id: string) {
  return db.selectFrom('department').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

const feedbackColumns = [
  'f.id',
  'f.external_id',
  'f.text',
  'f.pii_kinds',
  'f.score_kind',
  'f.score',
  sql<string>`to_char(f.day, 'YYYY-MM-DD')`.as('day'),
  'f.channel',
  'f.stage',
  'f.product',
  'f.story_status',
] as const;

async function withDepartments(
  db: Db,
  rows: Array<{
    id: string;
    external_id: string;
    text: string;
    pii_kinds: string[];
    score_kind: 'nps' | 'csat' | 'ces' | null;
    score: number | null;
    day: string;
    channel: string | null;
    stage: string | null;
    product: string | null;
    story_status: 'candidate' | 'dismissed' | 'shared';
  }>,
) {
  const mapped = rows.length
    ? await db
        .selectFrom('customer_feedback_department as m')
        .innerJoin('department as d', 'd.id', 'm.department_id')
        .select(['m.feedback_id', 'd.id', 'd.name', 'm.mapped_by'])
        .where(
          'm.feedback_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('d.name')
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    externalId: row.external_id,
    text: row.text,
    piiKinds: row.pii_kinds,
    scoreKind: row.score_kind,
    score: row.score,
    day: row.day,
    channel: row.channel,
    stage: row.stage,
    product: row.product,
    storyStatus: row.story_status,
    departments: mapped
      .filter((entry) => entry.feedback_id === row.id)
      .map((entry) => ({ id: entry.id, name: entry.name, mappedBy: entry.mapped_by })),
  }));
}

export async function listFeedback(
  db: Db,
  filter: {
    department?: string | undefined;
    unmapped?: boolean | undefined;
    search?: string | undefined;
    limit: number;
  },
) {
  const base = db
    .selectFrom('customer_feedback as f')
    .$if(filter.department !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('customer_feedback_department as m')
            .select('m.feedback_id')
            .whereRef('m.feedback_id', '=', 'f.id')
            .where('m.department_id', '=', filter.department!),
        ),
      ),
    )
    .$if(filter.unmapped === true, (q) =>
      q.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('customer_feedback_department as m')
              .select('m.feedback_id')
              .whereRef('m.feedback_id', '=', 'f.id'),
          ),
        ),
      ),
    )
    .$if(Boolean(filter.search?.trim()), (q) =>
      q.where(sql<boolean>`position(lower(${filter.search!.trim()}) in lower(f.text)) > 0`),
    );
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    base.select(feedbackColumns).orderBy('f.day', 'desc').orderBy('f.id').limit(filter.limit).execute(),
  ]);
  return { total: Number(total), items: await withDepartments(db, rows) };
}

export async function findFeedback(db: Db, id: string) {
  const rows = await db
    .selectFrom('customer_feedback as f')
    .select(feedbackColumns)
    .where('f.id', '=', id)
    .execute();
  return (await withDepartments(db, rows))[0];
}

export async function setHandMapping(trx: Db, feedbackId: string, departmentIds: string[]) {
  await trx
    .deleteFrom('customer_feedback_department')
    .where('feedback_id', '=', feedbackId)
    .where('mapped_by', '=', 'hand')
    .execute();
  if (!departmentIds.length) return;
  await trx
    .insertInto('customer_feedback_department')
    .values(
      departmentIds.map((id) => ({ feedback_id: feedbackId, department_id: id, mapped_by: 'hand' as const })),
    )
    .onConflict((oc) => oc.columns(['feedback_id', 'department_id']).doUpdateSet({ mapped_by: 'hand' }))
    .execute();
}

/**
 * The curation queue: comments mapped to a team and long enough to tell something, not decided yet
 * ('candidate') or taken out of the queue ('dismissed'); with words the text contains, oldest or newest first.
 */
export async function storyQueue(
  db: Db,
  filter: {
    status?: 'candidate' | 'dismissed' | undefined;
    search?: string | undefined;
    sort?: 'newest' | 'oldest' | undefined;
    limit?: number;
  } = {},
) {
  const words = filter.search?.trim();
  const rows = await storyQueueBase(db, filter.status ?? 'candidate')
    .select(feedbackColumns)
    .$if(Boolean(words), (q) => q.where(sql<boolean>`position(lower(${words!}) in lower(f.text)) > 0`))
    .orderBy('f.day', filter.sort === 'oldest' ? 'asc' : 'desc')
    .orderBy('f.id')
    .limit(filter.limit ?? 40)
    .execute();
  return withDepartments(db, rows);
}

const storyQueueBase = (db: Db, status: 'candidate' | 'dismissed') =>
  db
    .selectFrom('customer_feedback as f')
    .where('f.story_status', '=', status)
    .where(sql<boolean>`char_length(f.text) >= 60`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('customer_feedback_department as m')
          .select('m.feedback_id')
          .whereRef('m.feedback_id', '=', 'f.id'),
      ),
    );

/** How many comments each tab of the curation queue holds. */
export async function storyQueueCounts(db: Db) {
  const [queue, dismissed] = await Promise.all(
    (['candidate', 'dismissed'] as const).map((status) =>
      storyQueueBase(db, status)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  return { queue: Number(queue!.n), dismissed: Number(dismissed!.n) };
}

/** Moves a comment between queue states; false when it is not in the `from` state (or does not exist). */
export async function moveInStoryQueue(
  trx: Db,
  id: string,
  from: 'candidate' | 'dismissed',
  to: 'candidate' | 'dismissed',
) {
  const result = await trx
    .updateTable('customer_feedback')
    .set({ story_status: to })
    .where('id', '=', id)
    .where('story_status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setStoryStatus(trx: Db, id: string, status: 'candidate' | 'dismissed' | 'shared') {
  const result = await trx
    .updateTable('customer_feedback')
    .set({ story_status: status })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertStory(
  trx: Db,
  story: { feedbackId: string; departmentId: string; title: string; text: string; staffId: string | null },
) {
  const row = await trx
    .insertInto('customer_story')
    .values({
      feedback_id: story.feedbackId,
      department_id: story.departmentId,
      title: story.title,
      text: story.text,
      created_by: story.staffId,
    })
    .onConflict((oc) =>
      oc.columns(['feedback_id', 'department_id']).doUpdateSet({ title: story.title, text: story.text }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listStories(db: Db, departmentId?: string, limit = 50) {
  const rows = await db
    .selectFrom('customer_story as s')
    .innerJoin('customer_feedback as f', 'f.id', 's.feedback_id')
    .innerJoin('department as d', 'd.id', 's.department_id')
    .select([
      's.id',
      's.title',
      's.text',
      sql<string>`to_char(f.day, 'YYYY-MM')`.as('month'),
      'f.score_kind',
      'f.score',
      'f.channel',
      'f.stage',
      'd.id as departmentId',
      'd.name as departmentName',
    ])
    .$if(departmentId !== undefined, (q) => q.where('s.department_id', '=', departmentId!))
    .orderBy('f.day', 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    text: row.text,
    month: row.month,
    scoreKind: row.score_kind,
    score: row.score,
    channel: row.channel,
    stage: row.stage,
    department: { id: row.departmentId, name: row.departmentName },
  }));
}

export async function withdrawStory(trx: Db, id: string) {
  const row = await trx
    .deleteFrom('customer_story')
    .where('id', '=', id)
    .returning('feedback_id')
    .executeTakeFirst();
  if (!row) return false;
  const left = await trx
    .selectFrom('customer_story')
    .select('id')
    .where('feedback_id', '=', row.feedback_id)
    .executeTakeFirst();
  if (!left) await setStoryStatus(trx, row.feedback_id, 'candidate');
  return true;
}

/** Responses and each scale's tallies, per period: the columns both the scorecards and the digest read. */
export interface ScaleTallies {
  responses: number;
  nps_n: number;
  promoters: number;
  detractors: number;
  csat_n: number;
  csat_sum: number;
  ces_n: number;
  ces_sum: number;
}

/** The select list behind `ScaleTallies`, over `customer_feedback f`. */
export const scaleTallies = sql`count(*)::int as responses,
      count(*) filter (where f.score_kind = 'nps')::int as nps_n,
      count(*) filter (where f.score_kind = 'nps' and f.score >= 9)::int as promoters,
      count(*) filter (where f.score_kind = 'nps' and f.score <= 6)::int as detractors,
      count(*) filter (where f.score_kind = 'csat')::int as csat_n,
      coalesce(sum(f.score) filter (where f.score_kind = 'csat'), 0)::int as csat_sum,
      count(*) filter (where f.score_kind = 'ces')::int as ces_n,
      coalesce(sum(f.score) filter (where f.score_kind = 'ces'), 0)::int as ces_sum`;

/** Per month and scale: responses and the scale's score, for the feedback mapped to one department. */
export async function monthlyScores(db: Db, departmentId: string, fromDay: string) {
  const rows = await sql<ScaleTallies & { month: string }>`
    select to_char(f.day, 'YYYY-MM') as month, ${scaleTallies}
    from customer_feedback f
    join customer_feedback_department m on m.feedback_id = f.id and m.department_id = ${departmentId}
    where f.day >= ${fromDay}
    group by 1 order by 1`.execute(db);
  return rows.rows;
}

export async function mappedCount(db: Db, departmentId: string) {
  const row = await db
    .selectFrom('customer_feedback_department')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('department_id', '=', departmentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Themes (moderators' snapshot) among the customer comments mapped to a department, largest first. */
export async function departmentThemes(db: Db, departmentId: string) {
  return sql<{ label: string; keywords: string[]; count: number }>`
    select t.label, t.keywords, count(*)::int as count
    from theme_item i
    join theme t on t.id = i.theme_id and t.scope = i.scope
    join customer_feedback_department m on m.feedback_id = i.item_id::uuid and m.department_id = ${departmentId}
    where i.scope = 'all' and i.source = 'customer' and not t.retired
    group by t.id, t.label, t.keywords
    order by count desc, t.label
    limit 12`
    .execute(db)
    .then((result) => result.rows);
}

/** NPS drivers: per theme, customers by NPS group, and what employees raised in the same theme. */
export async function driverRows(db: Db) {
  return sql<{
    theme_id: string;
    label: string;
    keywords: string[];
    detractors: number;
    passives: number;
    promoters: number;
    employee_items: number;
    employee_quote: string | null;
  }>`
    select t.id as theme_id, t.label, t.keywords,
      count(*) filter (where i.source = 'customer' and f.score <= 6)::int as detractors,
      count(*) filter (where i.source = 'customer' and f.score between 7 and 8)::int as passives,
      count(*) filter (where i.source = 'customer' and f.score >= 9)::int as promoters,
      count(*) filter (where i.source <> 'customer')::int as employee_items,
      (array_agg(i.text order by i.centrality desc) filter (where i.source <> 'customer' and i.published))[1]
        as employee_quote
    from theme t
    join theme_item i on i.theme_id = t.id and i.scope = t.scope
    left join customer_feedback f on i.source = 'customer' and f.id = i.item_id::uuid and f.score_kind = 'nps'
    where t.scope = 'all' and not t.retired
    group by t.id, t.label, t.keywords
    having count(*) filter (where i.source = 'customer') > 0`
    .execute(db)
    .then((result) => result.rows);
}

export async function npsTotals(db: Db) {
  const row = await db
    .selectFrom('customer_feedback')
    .select([
      sql<number>`count(*) filter (where score <= 6)::int`.as('detractors'),
      sql<number>`count(*) filter (where score >= 9)::int`.as('promoters'),
    ])
    .where('score_kind', '=', 'nps')
    .executeTakeFirstOrThrow();
  return row;
}

/** The themes engine reads customer comments as their own source; never published to employees as text. */
/**
 * What the themes read of customer feedback: every comment, with the first team it is mapped to (by id).
 * `hash` is over every column the item is built from, computed in SQL: a digest leaves the text in Postgres.
 */
const themeRows = <Row>(db: Kysely<Database>, columns: 'digest' | 'read', ids?: readonly string[]) =>
  sql<Row>`
    select id, day, md5(row(text, day, department_id)::text) as hash
      ${columns === 'read' ? sql`, text, department_id` : sql``}
    from (
      select f.id, f.text, to_char(f.day, 'YYYY-MM-DD') as day,
        (select m.department_id from customer_feedback_department m where m.feedback_id = f.id
          order by m.department_id limit 1) as department_id
      from customer_feedback f
      where ${hasText('f.text')} ${ids ? sql`and f.id in (${sql.join(ids)})` : sql``}
    ) as feedback`.execute(db);

export const customerThemeSource: SourceReader = {
  source: 'customer',
  async digest(db) {
    const { rows } = await themeRows<{ id: string; day: string; hash: string }>(db, 'digest');
    return rows.map((row) => ({ ...row, source: 'customer' as const, published: false }));
  },
  async read(db, ids) {
    if (ids?.length === 0) return [];
    const { rows } = await themeRows<{
      id: string;
      day: string;
      hash: string;
      text: string;
      department_id: string | null;
    }>(db, 'read', ids);
    return rows.map((row) => ({
      id: row.id,
      source: 'customer' as const,
      hash: row.hash,
      text: row.text,
      day: row.day,
      published: false,
      departmentId: row.department_id,
    }));
  },
};

export async function listImports(db: Db, limit = 20) {
  const rows = await db
    .selectFrom('customer_import')
    .select([
      'id',
      'origin',
      'label',
      'format',
      'rows_read',
      'rows_imported',
      'rows_already_imported',
      'rows_rejected',
      'created_at',
    ])
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    origin: row.origin,
    label: row.label,
    format: row.format,
    rowsRead: row.rows_read,
    imported: row.rows_imported,
    alreadyImported: row.rows_already_imported,
    rejected: row.rows_rejected,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

// ---- retention ----

export const RETENTION_KEY = 'customerVoiceRetentionMonths';
export const DEFAULT_RETENTION_MONTHS = 24;

export async function retentionMonths(db: Db): Promise<number> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', RETENTION_KEY)
    .executeTakeFirst();
  return typeof row?.value === 'number' ? row.value : DEFAULT_RETENTION_MONTHS;
}

export async function setRetentionMonths(db: Db, months: number) {
  await db
    .insertInto('setting')
    .values({ key: RETENTION_KEY, value: JSON.stringify(months) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(months) }))
    .execute();
}

/** Deletes customer feedback (and, by cascade, its mappings and stories) older than `months`. */
export async function deleteExpiredFeedback(db: Db, months: number): Promise<number> {
  const result = await db
    .deleteFrom('customer_feedback')
    .where('day', '<', sql<string>`(current_date - make_interval(months => ${months}))::date`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
