import { sql, type Kysely } from 'kysely';
import { hasText, type SourceReader } from '../shared/theme-sources.ts';
import type { Database, DepartmentKind } from '../../db/schema.ts';
import type { KudosModeration } from '../../db/tables/kudos.ts';
import { lastSender, threadSize } from '../shared/moderation/queries.ts';
import { getSettings } from '../shared/settings.ts';
import { today } from '../shared/days.ts';

// All SQL of the kudos feature. Functions take `db` or a transaction; routes open transactions.

type Db = Kysely<Database>;
export const PAGE_SIZE = 20;
export const FEATURED_LIMIT = 6;

export interface NewKudos {
  departmentId: string;
  story: string;
  moderation: KudosModeration;
  piiFlags: string[];
  /** Seeding only. */
  day?: string;
  reviewed?: boolean;
  featured?: boolean;
  rejectReason?: string | null;
}

export async function insertKudos(trx: Db, input: NewKudos): Promise<string> {
  const row = await trx
    .insertInto('kudos')
    .values({
      department_id: input.departmentId,
      story: input.story,
      moderation: input.moderation,
      pii_flags: JSON.stringify(input.piiFlags),
      day: input.day ?? today(),
      reviewed: input.reviewed ?? false,
      featured: input.featured ?? false,
      reject_reason: input.rejectReason ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const publicColumns = (db: Db) =>
  db
    .selectFrom('kudos')
    .innerJoin('department', 'department.id', 'kudos.department_id')
    .select([
      'kudos.id',
      'kudos.story',
      'kudos.day',
      'kudos.featured',
      'kudos.redacted',
      'department.id as departmentId',
      'department.name as departmentName',
      'department.kind as departmentKind',
    ]);

interface PublicRow {
  id: string;
  story: string;
  day: string;
  featured: boolean;
  redacted: boolean;
  departmentId: string;
  departmentName: string;
  departmentKind: DepartmentKind;
}
const toItem = (row: PublicRow) => ({
  id: row.id,
  story: row.story,
  day: row.day,
  featured: row.featured,
  redacted: row.redacted,
  department: { id: row.departmentId, name: row.departmentName, kind: row.departmentKind },
});

/** Published stories, newest first; optionally for one department. */
export async function listPublished(
  db: Db,
  filters: { department?: string; page: number; pageSize?: number },
) {
  const pageSize = filters.pageSize ?? PAGE_SIZE;
  const base = publicColumns(db)
    .where('kudos.moderation', '=', 'published')
    .$if(!!filters.department, (qb) => qb.where('kudos.department_id', '=', filters.department!));
  const [rows, { total }] = await Promise.all([
    base
      .orderBy('kudos.day', 'desc')
      .orderBy('kudos.id')
      .limit(pageSize)
      .offset((filters.page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('kudos')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('moderation', '=', 'published')
      .$if(!!filters.department, (qb) => qb.where('department_id', '=', filters.department!))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toItem), total: Number(total) };
}

export async function listFeatured(db: Db) {
  const rows = await publicColumns(db)
    .where('kudos.moderation', '=', 'published')
    .where('kudos.featured', '=', true)
    .orderBy('kudos.day', 'desc')
    .orderBy('kudos.id')
    .limit(FEATURED_LIMIT)
    .execute();
  return rows.map(toItem);
}

/** Published kudos per department and month ('YYYY-MM') from `sinceDay` on. */
export async function monthlyCounts(db: Db, departmentId: string, sinceDay: string) {
  const rows = await db
    .selectFrom('kudos')
    .select([sql<string>`to_char(day, 'YYYY-MM')`.as('month'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('department_id', '=', departmentId)
    .where('moderation', '=', 'published')
    .where('day', '>=', sinceDay)
    .groupBy(sql`to_char(day, 'YYYY-MM')`)
    .execute();
  return new Map(rows.map((row) => [row.month, Number(row.count)]));
}

/** Published kudos per department from `sinceDay` on (departments without any are absent). */
export async function countsByDepartment(db: Db, sinceDay: string) {
  const rows = await db
    .selectFrom('kudos')
    .select(['department_id as id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('moderation', '=', 'published')
    .where('day', '>=', sinceDay)
    .groupBy('department_id')
    .execute();
  return new Map(rows.map((row) => [row.id, Number(row.count)]));
}

export async function findDepartment(db: Db, id: string) {
  return (
    (await db
      .selectFrom('department')
      .select(['id', 'name', 'kind', 'description'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function listDepartmentRefs(db: Db) {
  return db.selectFrom('department').select(['id', 'name', 'kind']).orderBy('name').execute();
}

// ---- moderators ----

/** The moderators' queue: held back (pre-moderation) or published and not yet looked at (post-moderation). */
const inQueue = sql<boolean>`(kudos.moderation = 'pending' or kudos.reviewed = false)`;

/** How many stories each moderator tab holds (the queue: pending or published unreviewed). */
export async function moderatorTabCounts(db: Db) {
  const row = await db
    .selectFrom('kudos')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere(inQueue).as('queue'),
      eb.fn.countAll<number>().filterWhere('moderation', '=', 'published').as('published'),
      eb.fn.countAll<number>().filterWhere('moderation', '=', 'rejected').as('rejected'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([tab, n]) => [tab, Number(n)]));
}

/** Kudos for moderators; without a status: the queue (pending, and in post-moderation the unreviewed). */
export async function listForModerators(db: Db, filters: { status?: KudosModeration; page: number }) {
  const rows = await db
    .selectFrom('kudos')
    .innerJoin('department', 'department.id', 'kudos.department_id')
    .select([
      'kudos.id',
      'kudos.story',
      'kudos.moderation',
      'kudos.reviewed',
      'kudos.featured',
      'kudos.redacted',
      'kudos.pii_flags as piiFlags',
      'kudos.reject_reason as reason',
      'kudos.day',
      'department.id as departmentId',
      'department.name as departmentName',
      'department.kind as departmentKind',
      threadSize('kudos', 'kudos.id').as('messages'),
      lastSender('kudos', 'kudos.id').as('lastSender'),
    ])
    .$if(!!filters.status, (qb) => qb.where('kudos.moderation', '=', filters.status!))
    .$if(!filters.status, (qb) => qb.where(inQueue))
    .orderBy('kudos.day', filters.status ? 'desc' : 'asc')
    .orderBy('kudos.id')
    .limit(PAGE_SIZE * 5)
    .offset((filters.page - 1) * PAGE_SIZE * 5)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    story: row.story,
    moderation: row.moderation,
    reviewed: row.reviewed,
    featured: row.featured,
    redacted: row.redacted,
    piiFlags: row.piiFlags,
    ...(row.reason ? { reason: row.reason } : {}),
    day: row.day,
    department: { id: row.departmentId, name: row.departmentName, kind: row.departmentKind },
    messages: Number(row.messages ?? 0),
    awaitingReply: row.lastSender === 'author',
  }));
}

/** Features or unfeatures a published story; null when there is no such kudos. */
export async function setFeatured(trx: Db, id: string, featured: boolean) {
  return (
    (await trx
      .updateTable('kudos')
      .set({ featured })
      .where('id', '=', id)
      .where('moderation', '=', 'published')
      .returning(['id', 'featured'])
      .executeTakeFirst()) ?? null
  );
}

/** Product rule: a rejected story leaves the home page (runs in the decision's transaction). */
export async function unfeature(trx: Db, id: string): Promise<void> {
  await trx.updateTable('kudos').set({ featured: false }).where('id', '=', id).execute();
}

/** What a receipt holder sees of their kudos (used by /api/threads/open). */
export async function findKudosForThread(
  db: Db,
  id: string,
): Promise<{ id: string; text: string; status: string; reason: string | null; day: string } | null> {
  const row = await db
    .selectFrom('kudos')
    .select(['id', 'story as text', 'moderation as status', 'reject_reason as reason', 'day'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** Every kudos story for the themes job; only published ones reach employees. */
/** What the themes read of kudos: every story (published or not), dated by its day. */
const themeRows = (db: Db) => db.selectFrom('kudos').where(hasText('story'));
/** Over every column a theme item is built from (computed in SQL: unchanged text never leaves Postgres). */
const themeHash = sql<string>`md5(row(story, day, moderation, department_id)::text)`;

export const kudosThemeSource: SourceReader = {
  source: 'kudos',
  async digest(db) {
    const rows = await themeRows(db)
      .select(['id', themeHash.as('hash'), 'day', sql<boolean>`moderation = 'published'`.as('published')])
      .execute();
    return rows.map((row) => ({ ...row, source: 'kudos' as const }));
  },
  async read(db, ids) {
    const rows = await themeRows(db)
      .select(['id', themeHash.as('hash'), 'story', 'day', 'moderation', 'department_id'])
      .$if(ids !== undefined, (qb) => qb.where('id', 'in', ids!))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      source: 'kudos' as const,
      hash: row.hash,
      text: row.story,
      day: row.day,
      published: row.moderation === 'published',
      departmentId: row.department_id,
      status: row.moderation,
    }));
  },
  async awaiting(db) {
    const rows = await themeRows(db).select('id').where(inQueue).execute();
    return rows.map((row) => row.id);
  },
};

export async function minimumGroupSize(db: Db): Promise<number> {
  return (await getSettings(db)).minimumGroupSize;
}
