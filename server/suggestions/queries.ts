import { sql, type Kysely } from 'kysely';
import { hasText, type SourceReader } from '../shared/theme-sources.ts';
import type { Database } from '../../db/schema.ts';
import type { SuggestionModeration, SuggestionStatus } from '../../db/tables/suggestions.ts';
import { lastSender, threadSize } from '../shared/moderation/queries.ts';
import { today } from '../shared/days.ts';

// All SQL of the suggestions feature. Functions take `db` or a transaction; routes open transactions.

export const BOARD_PAGE_SIZE = 20;
export const MOD_PAGE_SIZE = 50;

type Db = Kysely<Database>;
interface DepartmentRef {
  id: string;
  name: string;
}

export interface NewSuggestion {
  text: string;
  concernsDepartmentId: string | null;
  ownDepartmentId: string | null;
  moderation: SuggestionModeration;
  piiFlags: string[];
  /** Seeding only: everything below defaults to a fresh item of today. */
  day?: string;
  reviewed?: boolean;
  status?: SuggestionStatus;
  response?: string | null;
  responseDay?: string | null;
  rejectReason?: string | null;
  votes?: number;
}

export async function insertSuggestion(trx: Db, input: NewSuggestion): Promise<string> {
  const row = await trx
    .insertInto('suggestion')
    .values({
      text: input.text,
      concerns_department_id: input.concernsDepartmentId,
      own_department_id: input.ownDepartmentId,
      moderation: input.moderation,
      pii_flags: JSON.stringify(input.piiFlags),
      day: input.day ?? today(),
      reviewed: input.reviewed ?? false,
      status: input.status ?? 'new',
      response: input.response ?? null,
      response_day: input.responseDay ?? null,
      reject_reason: input.rejectReason ?? null,
      votes: input.votes ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds one "me too" to a published suggestion; null when there is no such published item. */
export async function addVote(trx: Db, id: string): Promise<number | null> {
  const row = await trx
    .updateTable('suggestion')
    .set((eb) => ({ votes: eb('votes', '+', 1) }))
    .where('id', '=', id)
    .where('moderation', '=', 'published')
    .returning('votes')
    .executeTakeFirst();
  return row?.votes ?? null;
}

/** Published suggestions per self-declared own department, and how many are published in all. */
export async function ownDepartmentCounts(db: Db): Promise<{ counts: Map<string, number>; total: number }> {
  const rows = await db
    .selectFrom('suggestion')
    .select(['own_department_id as id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('moderation', '=', 'published')
    .groupBy('own_department_id')
    .execute();
  const counts = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    total += Number(row.count);
    if (row.id) counts.set(row.id, Number(row.count));
  }
  return { counts, total };
}

function baseItems(db: Db) {
  return db
    .selectFrom('suggestion as s')
    .leftJoin('department as cd', 'cd.id', 's.concerns_department_id')
    .leftJoin('department as od', 'od.id', 's.own_department_id');
}

const ITEM_COLUMNS = [
  's.id',
  's.text',
  's.status',
  's.votes',
  's.day',
  's.redacted',
  's.response',
  's.response_day as responseDay',
  'cd.id as concernsId',
  'cd.name as concernsName',
  'od.id as ownId',
  'od.name as ownName',
] as const;

interface ItemRow {
  id: string;
  text: string;
  status: SuggestionStatus;
  votes: number;
  day: string;
  redacted: boolean;
  response: string | null;
  concernsId: string | null;
  concernsName: string | null;
  ownId: string | null;
  ownName: string | null;
}

const departmentOf = (id: string | null, name: string | null): DepartmentRef | undefined =>
  id && name ? { id, name } : undefined;
const ownDepartmentOf = (row: ItemRow, visible: Set<string>) =>
  row.ownId && visible.has(row.ownId) ? departmentOf(row.ownId, row.ownName) : undefined;

/** What the board and the moderators both show of an item; the own department only when it may be shown. */
const toItem = (row: ItemRow, visible: Set<string>) => ({
  id: row.id,
  text: row.text,
  status: row.status,
  votes: row.votes,
  day: row.day,
  redacted: row.redacted,
  ...(row.response ? { response: row.response } : {}),
  ...(row.concernsId ? { concernsDepartment: departmentOf(row.concernsId, row.concernsName) } : {}),
  ...(ownDepartmentOf(row, visible) ? { ownDepartment: ownDepartmentOf(row, visible) } : {}),
});

async function countItems(filtered: ReturnType<typeof baseItems>): Promise<number> {
  const { total } = await filtered
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

export interface BoardFilters {
  sort: 'new' | 'top';
  department?: string | undefined;
  status?: SuggestionStatus | undefined;
  page: number;
}

export async function listBoard(db: Db, filters: BoardFilters, visible: Set<string>) {
  const filtered = baseItems(db)
    .where('s.moderation', '=', 'published')
    .$if(Boolean(filters.department), (qb) => qb.where('s.concerns_department_id', '=', filters.department!))
    .$if(Boolean(filters.status), (qb) => qb.where('s.status', '=', filters.status!));
  const rows = await filtered
    .select(ITEM_COLUMNS)
    .$if(filters.sort === 'top', (qb) => qb.orderBy('s.votes', 'desc').orderBy('s.day', 'desc'))
    .$if(filters.sort === 'new', (qb) => qb.orderBy('s.day', 'desc').orderBy('s.votes', 'desc'))
    .orderBy('s.id')
    .limit(BOARD_PAGE_SIZE)
    .offset((filters.page - 1) * BOARD_PAGE_SIZE)
    .execute();
  return {
    total: await countItems(filtered),
    items: rows.map((row) => ({
      ...toItem(row, visible),
      ...(row.response && row.responseDay ? { responseDay: row.responseDay } : {}),
    })),
  };
}

export async function departmentNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('department').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

// ---- moderators ----

export interface ModFilters {
  /** The queue: every item no moderator has decided on yet, oldest first. */
  queue?: boolean;
  moderation?: SuggestionModeration | undefined;
  awaitingReply?: boolean | undefined;
  /** Words the text contains (case-insensitive). */
  q?: string | undefined;
  /** Default: the queue oldest first, other lists newest first. */
  sort?: 'oldest' | 'newest' | 'votes' | undefined;
  page: number;
}

/** A moderator's search words as an ILIKE pattern that matches them literally. */
const containing = (q: string) => `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Moderator view of items, with thread size and whether the author wrote last. */
export async function listForModerators(db: Db, filters: ModFilters, visible: Set<string>) {
  const sender = lastSender('suggestion', 's.id');
  const filtered = baseItems(db)
    .$if(Boolean(filters.queue), (qb) => qb.where('s.reviewed', '=', false))
    .$if(filters.moderation !== undefined, (qb) => qb.where('s.moderation', '=', filters.moderation!))
    .$if(filters.awaitingReply === true, (qb) => qb.where(sender, '=', 'author'))
    .$if(Boolean(filters.q?.trim()), (qb) => qb.where('s.text', 'ilike', containing(filters.q!)));
  const sort = filters.sort ?? (filters.queue ? 'oldest' : 'newest');
  const rows = await filtered
    .select(ITEM_COLUMNS)
    .select([
      's.moderation',
      's.reviewed',
      's.pii_flags as piiFlags',
      's.reject_reason as reason',
      threadSize('suggestion', 's.id').as('messages'),
      sender.as('lastSender'),
    ])
    // The queue is worked oldest first; published lists show the newest first; either can be re-sorted.
    .$if(sort === 'votes', (qb) => qb.orderBy('s.votes', 'desc'))
    .orderBy('s.day', sort === 'oldest' ? 'asc' : 'desc')
    .orderBy('s.id')
    .limit(MOD_PAGE_SIZE)
    .offset((filters.page - 1) * MOD_PAGE_SIZE)
    .execute();
  return {
    total: await countItems(filtered),
    items: rows.map((row) => ({
      ...toItem(row, visible),
      moderation: row.moderation,
      reviewed: row.reviewed,
      piiFlags: row.piiFlags,
      messages: Number(row.messages ?? 0),
      awaitingReply: row.lastSender === 'author',
      ...(row.reason ? { reason: row.reason } : {}),
    })),
  };
}

export async function setStatus(
  trx: Db,
  id: string,
  change: { status: SuggestionStatus; response?: string | undefined },
): Promise<{ status: SuggestionStatus; response: string | null } | null> {
  const response = change.response?.trim();
  const row = await trx
    .updateTable('suggestion')
    .set({
      status: change.status,
      ...(response !== undefined
        ? { response: response || null, response_day: response ? today() : null }
        : {}),
    })
    .where('id', '=', id)
    .where('moderation', '=', 'published')
    .returning(['status', 'response'])
    .executeTakeFirst();
  return row ?? null;
}

export async function findModerationState(db: Db, id: string) {
  return db.selectFrom('suggestion').select(['id', 'moderation']).where('id', '=', id).executeTakeFirst();
}

/** What the author sees through their receipt. */
export async function findSuggestionForThread(db: Db, id: string) {
  const row = await db
    .selectFrom('suggestion as s')
    .leftJoin('department as cd', 'cd.id', 's.concerns_department_id')
    .select([
      's.id',
      's.text',
      's.moderation',
      's.status',
      's.reject_reason as reason',
      's.day',
      's.response',
      's.votes',
      's.redacted',
      'cd.id as concernsId',
      'cd.name as concernsName',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: 'suggestion' as const,
    id: row.id,
    text: row.text,
    // One word for the author: where it stands now.
    status: row.moderation === 'published' ? row.status : row.moderation,
    moderation: row.moderation,
    day: row.day,
    votes: row.votes,
    redacted: row.redacted,
    ...(row.moderation === 'rejected' && row.reason ? { reason: row.reason } : {}),
    ...(row.moderation === 'published' && row.response ? { response: row.response } : {}),
    ...(row.concernsId ? { concernsDepartment: departmentOf(row.concernsId, row.concernsName) } : {}),
  };
}

/** Published suggestions with status and votes, oldest first, for the CSV export. */
export async function listForExport(db: Db, visible: Set<string>) {
  const rows = await baseItems(db)
    .select(ITEM_COLUMNS)
    .where('s.moderation', '=', 'published')
    .orderBy('s.day', 'asc')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    day: row.day,
    concernsDepartment: row.concernsName ?? '',
    ownDepartment: ownDepartmentOf(row, visible)?.name ?? '',
    status: row.status,
    votes: row.votes,
    redacted: row.redacted,
    text: row.text,
    response: row.response ?? '',
    responseDay: row.responseDay ?? '',
  }));
}

/**
 * Every suggestion the themes engine may read: published and still-pending items (moderators see
 * themes over both). Rejected items are left out: they were refused, often for being abuse or noise.
 * `departmentId` is the department the suggestion concerns; `status` is the lifecycle status or 'pending'.
 */
/** What the themes read of suggestions: every one not rejected that carries text. */
const themeRows = (db: Db) =>
  db.selectFrom('suggestion').where('moderation', '!=', 'rejected').where(hasText('text'));
/** Over every column a theme item is built from (computed in SQL: unchanged text never leaves Postgres). */
const themeHash = sql<string>`md5(row(text, day, moderation, status, concerns_department_id)::text)`;

export const suggestionThemeSource: SourceReader = {
  source: 'suggestion',
  async digest(db) {
    const rows = await themeRows(db)
      .select(['id', themeHash.as('hash'), 'day', sql<boolean>`moderation = 'published'`.as('published')])
      .execute();
    return rows.map((row) => ({ ...row, source: 'suggestion' as const }));
  },
  async read(db, ids) {
    const rows = await themeRows(db)
      .select([
        'id',
        themeHash.as('hash'),
        'text',
        'day',
        'moderation',
        'status',
        'concerns_department_id as departmentId',
      ])
      .$if(ids !== undefined, (qb) => qb.where('id', 'in', ids!))
      .orderBy('day')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      source: 'suggestion' as const,
      hash: row.hash,
      text: row.text,
      day: row.day,
      published: row.moderation === 'published',
      departmentId: row.departmentId,
      status: row.moderation === 'published' ? row.status : 'pending',
    }));
  },
  async awaiting(db) {
    const rows = await themeRows(db).select('id').where('reviewed', '=', false).execute();
    return rows.map((row) => row.id);
  },
};

export async function countSuggestions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('suggestion')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many suggestions each moderator tab holds (queue, authors waiting, published, rejected). */
export async function moderatorTabCounts(db: Db) {
  const sender = lastSender('suggestion', 's.id');
  const row = await db
    .selectFrom('suggestion as s')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('s.reviewed', '=', false).as('queue'),
      eb.fn.countAll<number>().filterWhere(sender, '=', 'author').as('replies'),
      eb.fn.countAll<number>().filterWhere('s.moderation', '=', 'published').as('published'),
      eb.fn.countAll<number>().filterWhere('s.moderation', '=', 'rejected').as('rejected'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([tab, n]) => [tab, Number(n)]));
}
