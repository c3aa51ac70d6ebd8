import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { HandoffCommentModeration } from '../../db/tables/handoffs.ts';
import { redactPii } from '../../common/pii.ts';
import { today } from '../shared/days.ts';
import { clampMinimumGroupSize, releasable } from '../shared/min-group.ts';
import { getSettings } from '../shared/settings.ts';
import { hasText, type SourceReader } from '../shared/theme-sources.ts';

// All SQL of the handoffs feature. Functions take `db` or a transaction; routes open transactions.

type Db = Kysely<Database>;

/** Backstage departments (the teams a frontline employee hands work to), with their request types. */
/** Backstage teams; `active` leaves out archived ones (the employees' picker), history keeps them. */
export async function backstageTeams(db: Db, options: { active?: boolean } = {}) {
  const [teams, types] = await Promise.all([
    db
      .selectFrom('department')
      .select(['id', 'name', 'description'])
      .where('kind', '=', 'backstage')
      .$if(Boolean(options.active), (qb) => qb.where('archived_at', 'is', null))
      .orderBy('name')
      .execute(),
    db
      .selectFrom('handoff_request_type')
      .select(['id', 'label', 'department_id'])
      .where('retired', '=', false)
      .orderBy('position')
      .orderBy('label')
      .execute(),
  ]);
  return teams.map((team) => ({
    ...team,
    requestTypes: types
      .filter((type) => type.department_id === team.id)
      .map((type) => ({ id: type.id, label: type.label })),
  }));
}

export async function findTeam(db: Db, id: string) {
  return (
    (await db
      .selectFrom('department')
      .select(['id', 'name', 'kind', sql<boolean>`archived_at is not null`.as('archived')])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function requestTypeOf(db: Db, departmentId: string, id: string) {
  return (
    (await db
      .selectFrom('handoff_request_type')
      .select(['id', 'retired'])
      .where('id', '=', id)
      .where('department_id', '=', departmentId)
      .executeTakeFirst()) ?? null
  );
}

export interface NewRating {
  departmentId: string;
  requestTypeId: string | null;
  effort: number;
  outcome: number;
  comment: string | null;
  piiFlags: string[];
  kudosAlert: boolean;
  commentModeration: HandoffCommentModeration;
  /** Seeding only. */
  day?: string;
  reviewed?: boolean;
}

export async function insertRating(trx: Db, input: NewRating): Promise<{ id: string; day: string }> {
  return trx
    .insertInto('handoff_rating')
    .values({
      department_id: input.departmentId,
      request_type_id: input.requestTypeId,
      effort: input.effort,
      outcome: input.outcome,
      comment: input.comment,
      pii_flags: JSON.stringify(input.piiFlags),
      kudos_alert: input.kudosAlert,
      // A rating without a comment has nothing to moderate.
      comment_moderation: input.comment ? input.commentModeration : 'published',
      comment_reviewed: input.reviewed ?? !input.comment,
      day: input.day ?? today(),
    })
    .returning(['id', 'day'])
    .executeTakeFirstOrThrow();
}

/** One group of identical ratings: the raw material of every score (counted in people: one per token). */
export interface RatingGroup {
  departmentId: string;
  month: string;
  effort: number;
  outcome: number;
  kudosAlert: boolean;
  count: number;
}

export async function ratingGroups(db: Db, sinceDay: string, departmentId?: string): Promise<RatingGroup[]> {
  const month = sql<string>`to_char(day, 'YYYY-MM')`;
  const rows = await db
    .selectFrom('handoff_rating')
    .select([
      'department_id as departmentId',
      month.as('month'),
      'effort',
      'outcome',
      'kudos_alert as kudosAlert',
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .where('day', '>=', sinceDay)
    .$if(!!departmentId, (qb) => qb.where('department_id', '=', departmentId!))
    .groupBy(['department_id', month, 'effort', 'outcome', 'kudos_alert'])
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Ratings per (department, month) since a day: what the k rule is asked about for comments. */
export async function monthCounts(db: Db, sinceDay?: string): Promise<Map<string, number>> {
  const month = sql<string>`to_char(day, 'YYYY-MM')`;
  const rows = await db
    .selectFrom('handoff_rating')
    .select(['department_id', month.as('month'), (eb) => eb.fn.countAll<number>().as('count')])
    .$if(!!sinceDay, (qb) => qb.where('day', '>=', sinceDay!))
    .groupBy(['department_id', month])
    .execute();
  return new Map(rows.map((row) => [`${row.department_id} ${row.month}`, Number(row.count)]));
}

const monthOf = (day: string) => day.slice(0, 7);

/** Published comments of one team in the given months, newest first. */
export async function publishedComments(db: Db, departmentId: string, months: string[]) {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('handoff_rating')
    .select(['id', 'comment', 'day'])
    .where('department_id', '=', departmentId)
    .where('comment', 'is not', null)
    .where('comment_moderation', '=', 'published')
    .where(sql<string>`to_char(day, 'YYYY-MM')`, 'in', months)
    .orderBy('day', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
  return rows.map((row) => ({ id: row.id, comment: redactPii(row.comment!), day: row.day }));
}

/**
 * Comments for moderators. Nobody reads a comment before its team has k ratings in its month (a comment
 * in a tiny group could single its author out), moderators included: those are only counted.
 */
export async function commentsForModerators(db: Db, k: number, status?: HandoffCommentModeration) {
  const counts = await monthCounts(db);
  const rows = await db
    .selectFrom('handoff_rating')
    .innerJoin('department', 'department.id', 'handoff_rating.department_id')
    .select([
      'handoff_rating.id',
      'handoff_rating.comment',
      'handoff_rating.comment_moderation as moderation',
      'handoff_rating.comment_reviewed as reviewed',
      'handoff_rating.comment_hide_reason as reason',
      'handoff_rating.pii_flags as piiFlags',
      'handoff_rating.day',
      'handoff_rating.department_id as departmentId',
      'department.name as departmentName',
    ])
    .where('handoff_rating.comment', 'is not', null)
    .$if(!!status, (qb) => qb.where('handoff_rating.comment_moderation', '=', status!))
    .$if(!status, (qb) => qb.where('handoff_rating.comment_reviewed', '=', false))
    .orderBy('handoff_rating.day', status ? 'desc' : 'asc')
    .orderBy('handoff_rating.id')
    .limit(200)
    .execute();
  const open = rows.filter((row) =>
    releasable(counts.get(`${row.departmentId} ${monthOf(row.day)}`) ?? 0, k),
  );
  return {
    comments: open.map((row) => ({
      id: row.id,
      department: { id: row.departmentId, name: row.departmentName },
      comment: row.comment!,
      moderation: row.moderation,
      reviewed: row.reviewed,
      piiFlags: row.piiFlags,
      reason: row.reason,
      day: row.day,
    })),
    waitingForGroup: rows.length - open.length,
  };
}

/** Where a comment stands: its team and month (for the k rule); null when there is no such comment. */
export async function findComment(db: Db, id: string) {
  return (
    (await db
      .selectFrom('handoff_rating')
      .select(['id', 'department_id as departmentId', 'day'])
      .where('id', '=', id)
      .where('comment', 'is not', null)
      .executeTakeFirst()) ?? null
  );
}

export async function decideComment(
  trx: Db,
  id: string,
  decision: { moderation: 'published' | 'hidden'; reason: string | null },
): Promise<boolean> {
  const row = await trx
    .updateTable('handoff_rating')
    .set({
      comment_moderation: decision.moderation,
      comment_reviewed: true,
      comment_hide_reason: decision.moderation === 'hidden' ? decision.reason : null,
    })
    .where('id', '=', id)
    .where('comment', 'is not', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** Ratings in one (team, month): the k rule for its comments. */
export async function ratingsIn(db: Db, departmentId: string, month: string): Promise<number> {
  return (await monthCounts(db)).get(`${departmentId} ${month}`) ?? 0;
}

/**
 * Rating comments for the themes job, both scopes, with their team (so department pages show them).
 * Left out: comments whose team and month have fewer than k ratings (moderators included; counted in SQL,
 * so a digest is one query), hidden ones. Pending ones reach only the moderators' snapshot. Obvious PII is
 * redacted (the hash is over the stored comment; redaction is a function of it).
 */
const themeRows = (db: Db, k: number) => {
  const released = db
    .selectFrom('handoff_rating')
    .select(['department_id', sql<string>`to_char(day, 'YYYY-MM')`.as('month')])
    .groupBy(['department_id', sql`to_char(day, 'YYYY-MM')`])
    .having((eb) => eb.fn.countAll(), '>=', clampMinimumGroupSize(k));
  return db
    .selectFrom('handoff_rating as r')
    .where('r.comment', 'is not', null)
    .where('r.comment_moderation', '!=', 'hidden')
    .where(hasText('r.comment'))
    .where(sql<boolean>`(r.department_id, to_char(r.day, 'YYYY-MM')) in (${released})`);
};
/** Over every column a theme item is built from (computed in SQL: unchanged text never leaves Postgres). */
const themeHash = sql<string>`md5(row(r.comment, r.day, r.department_id, r.comment_moderation)::text)`;

export const handoffThemeSource: SourceReader = {
  source: 'handoff',
  async digest(db) {
    const { minimumGroupSize: k } = await getSettings(db);
    const rows = await themeRows(db, k)
      .select([
        'r.id',
        themeHash.as('hash'),
        'r.day',
        sql<boolean>`r.comment_moderation = 'published'`.as('published'),
      ])
      .execute();
    return rows.map((row) => ({ ...row, source: 'handoff' as const }));
  },
  async read(db, ids) {
    const { minimumGroupSize: k } = await getSettings(db);
    const rows = await themeRows(db, k)
      .select(['r.id', themeHash.as('hash'), 'r.comment', 'r.day', 'r.department_id', 'r.comment_moderation'])
      .$if(ids !== undefined, (qb) => qb.where('r.id', 'in', ids!))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      source: 'handoff' as const,
      hash: row.hash,
      text: redactPii(row.comment!),
      day: row.day,
      published: row.comment_moderation === 'published',
      departmentId: row.department_id,
      status: row.comment_moderation,
    }));
  },
  async awaiting(db) {
    const rows = await db
      .selectFrom('handoff_rating')
      .select('id')
      .where('comment', 'is not', null)
      .where('comment_reviewed', '=', false)
      .execute();
    return rows.map((row) => row.id);
  },
};

/** Every request type of one team (or of all teams), archived ones included, in the form's order. */
export async function listRequestTypes(db: Db, departmentId?: string) {
  const rows = await db
    .selectFrom('handoff_request_type')
    .select(['id', 'department_id as departmentId', 'label', 'retired', 'position'])
    .$if(departmentId !== undefined, (qb) => qb.where('department_id', '=', departmentId!))
    .orderBy('department_id')
    .orderBy('retired')
    .orderBy('position')
    .orderBy('label')
    .execute();
  return rows.map(({ retired, ...row }) => ({ ...row, archived: retired }));
}

export async function findRequestType(db: Db, id: string) {
  return (
    (await db
      .selectFrom('handoff_request_type')
      .select(['id', 'department_id as departmentId', 'label', 'retired'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** A new type goes last; adding a label the team had archived brings that one back (its history with it). */
export async function insertRequestType(db: Db, departmentId: string, label: string) {
  const row = await db
    .insertInto('handoff_request_type')
    .values((eb) => ({
      department_id: departmentId,
      label,
      position: eb
        .selectFrom('handoff_request_type')
        .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
        .where('department_id', '=', departmentId),
    }))
    .onConflict((oc) => oc.columns(['department_id', 'label']).doUpdateSet({ retired: false }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function retireRequestType(db: Db, id: string): Promise<boolean> {
  return setRequestTypeArchived(db, id, true);
}

export async function setRequestTypeArchived(db: Db, id: string, archived: boolean): Promise<boolean> {
  const row = await db
    .updateTable('handoff_request_type')
    .set({ retired: archived })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** Renames in place: ratings that named the type keep it under its new name. Throws on a taken label. */
export async function renameRequestType(db: Db, id: string, label: string): Promise<boolean> {
  const row = await db
    .updateTable('handoff_request_type')
    .set({ label })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** Puts a team's types in the given order (every id must be one of the team's). */
export async function reorderRequestTypes(db: Db, departmentId: string, ids: string[]) {
  for (const [position, id] of ids.entries())
    await db
      .updateTable('handoff_request_type')
      .set({ position })
      .where('id', '=', id)
      .where('department_id', '=', departmentId)
      .execute();
}
