import { sql, type Kysely, type Transaction } from 'kysely';
import { hasText, type SourceReader } from '../shared/theme-sources.ts';
import type { Database } from '../../db/schema.ts';
import type {
  FocusGroupEventKind,
  FocusGroupMessageStatus,
  FocusGroupModeration,
} from '../../db/tables/focus-groups.ts';
import type { RoomInfo } from '../../common/focus-groups/protocol.ts';
import { pickPseudonym } from './pseudonyms.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

// ---- sessions ----

export interface NewFocusGroup {
  title: string;
  description: string;
  prompts: string[];
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  moderation: FocusGroupModeration;
  createdBy: string;
}

export async function createFocusGroup(db: Db, input: NewFocusGroup): Promise<string> {
  const row = await db
    .insertInto('focus_group')
    .values({
      title: input.title,
      description: input.description,
      prompts: JSON.stringify(input.prompts),
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      capacity: input.capacity,
      moderation: input.moderation,
      created_by: input.createdBy,
      closed_at: null,
      pinned_message_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteFocusGroup(db: Db, id: string): Promise<void> {
  await db.deleteFrom('focus_group').where('id', '=', id).execute();
}

const roomColumns = [
  'focus_group.id',
  'focus_group.title',
  'focus_group.description',
  'focus_group.prompts',
  'focus_group.starts_at as startsAt',
  'focus_group.ends_at as endsAt',
  'focus_group.capacity',
  'focus_group.moderation',
  'focus_group.closed_at as closedAt',
  'focus_group.last_seq as lastSeq',
  'focus_group.pinned_message_id as pinnedMessageId',
] as const;

export interface RoomRow {
  id: string;
  title: string;
  description: string;
  prompts: string[];
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  moderation: FocusGroupModeration;
  closedAt: Date | null;
  lastSeq: number;
  pinnedMessageId: string | null;
}

/** Dates arrive as Date on pg and as Date or string elsewhere; JSON columns as parsed values. */
function toRoomRow(row: Record<string, unknown>): RoomRow {
  return {
    ...(row as unknown as RoomRow),
    prompts: typeof row.prompts === 'string' ? JSON.parse(row.prompts) : (row.prompts as string[]),
    startsAt: new Date(row.startsAt as Date),
    endsAt: new Date(row.endsAt as Date),
    closedAt: row.closedAt ? new Date(row.closedAt as Date) : null,
    lastSeq: Number(row.lastSeq),
  };
}

export async function findRoom(db: Db, id: string): Promise<RoomRow | null> {
  const row = await db.selectFrom('focus_group').select(roomColumns).where('id', '=', id).executeTakeFirst();
  return row ? toRoomRow(row) : null;
}

export function roomStatus(
  room: Pick<RoomRow, 'startsAt' | 'closedAt'>,
  now = new Date(),
): RoomInfo['status'] {
  if (room.closedAt) return 'closed';
  return room.startsAt.getTime() > now.getTime() ? 'upcoming' : 'live';
}

export function roomInfo(room: RoomRow, now = new Date()): RoomInfo {
  return {
    id: room.id,
    title: room.title,
    description: room.description,
    prompts: room.prompts,
    moderation: room.moderation,
    startsAt: room.startsAt.toISOString(),
    endsAt: room.endsAt.toISOString(),
    capacity: room.capacity,
    status: roomStatus(room, now),
  };
}

const activeSeats = (db: Db) =>
  db
    .selectFrom('focus_group_seat')
    .select((eb) => ['focus_group_id', eb.fn.countAll<number>().as('seats')])
    .where('removed', '=', false)
    .groupBy('focus_group_id');

/** Sessions people can still join: not closed, soonest first. */
export async function listOpenRooms(db: Db) {
  const rows = await db
    .selectFrom('focus_group')
    .leftJoin(activeSeats(db).as('s'), 's.focus_group_id', 'focus_group.id')
    .select([...roomColumns, 's.seats'])
    .where('focus_group.closed_at', 'is', null)
    .orderBy('focus_group.starts_at')
    .execute();
  return rows.map((row) => ({ room: toRoomRow(row), seats: Number(row.seats ?? 0) }));
}

/** Every session for moderators, newest first, with seat and pending counts. */
export async function listAllRooms(db: Db) {
  const pending = db
    .selectFrom('focus_group_message')
    .select((eb) => ['focus_group_id', eb.fn.countAll<number>().as('pending')])
    .where('status', '=', 'pending')
    .groupBy('focus_group_id');
  const rows = await db
    .selectFrom('focus_group')
    .leftJoin(activeSeats(db).as('s'), 's.focus_group_id', 'focus_group.id')
    .leftJoin(pending.as('p'), 'p.focus_group_id', 'focus_group.id')
    .select([...roomColumns, 's.seats', 'p.pending'])
    .orderBy('focus_group.starts_at', 'desc')
    .execute();
  return rows.map((row) => ({
    room: toRoomRow(row),
    seats: Number(row.seats ?? 0),
    pending: Number(row.pending ?? 0),
  }));
}

// ---- the sequence counter ----

export interface Slot {
  seq: number;
  /** Whole minutes since the session start (0 before it). */
  minute: number;
  started: boolean;
  moderation: FocusGroupModeration;
  capacity: number;
}

/**
 * Takes the room's next sequence number. The UPDATE row-locks the room until the transaction ends,
 * so events of one room commit in seq order and every check made after it sees earlier events.
 * null when the room does not exist or is closed.
 */
export async function allocateSeq(trx: Trx, roomId: string): Promise<Slot | null> {
  const row = await trx
    .updateTable('focus_group')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', roomId)
    .where('closed_at', 'is', null)
    .returning([
      'last_seq as seq',
      'moderation',
      'capacity',
      sql<number>`greatest(0, floor(extract(epoch from (now() - starts_at)) / 60))::int`.as('minute'),
      sql<boolean>`now() >= starts_at`.as('started'),
    ])
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, seq: Number(row.seq), minute: Number(row.minute) };
}

export async function roomIsOpen(db: Db, roomId: string): Promise<'open' | 'closed' | 'missing'> {
  const row = await db
    .selectFrom('focus_group')
    .select('closed_at')
    .where('id', '=', roomId)
    .executeTakeFirst();
  if (!row) return 'missing';
  return row.closed_at ? 'closed' : 'open';
}

export async function insertEvent(
  trx: Trx,
  event: {
    roomId: string;
    seq: number;
    kind: FocusGroupEventKind;
    minute: number;
    messageId?: string | null;
    detail?: object;
  },
): Promise<void> {
  await trx
    .insertInto('focus_group_event')
    .values({
      focus_group_id: event.roomId,
      seq: event.seq,
      kind: event.kind,
      minute: event.minute,
      message_id: event.messageId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}

// ---- the event log ----

export interface StoredMessage {
  id: string;
  seatId: string | null;
  author: string;
  authorKind: 'participant' | 'moderator';
  text: string;
  /** Current status (not the status when the event happened). */
  status: FocusGroupMessageStatus;
  hiddenReason: string | null;
  clientId: string | null;
}

export interface StoredEvent {
  seq: number;
  kind: FocusGroupEventKind;
  minute: number;
  detail: Record<string, unknown>;
  message: StoredMessage | null;
}

/** Events with after < seq ≤ upTo, in order, each with its message's current state. */
export async function readEvents(
  db: Db,
  roomId: string,
  after: number,
  upTo: number,
): Promise<StoredEvent[]> {
  if (upTo <= after) return [];
  const rows = await db
    .selectFrom('focus_group_event as e')
    .leftJoin('focus_group_message as m', 'm.id', 'e.message_id')
    .select([
      'e.seq',
      'e.kind',
      'e.minute',
      'e.detail',
      'm.id as messageId',
      'm.seat_id as seatId',
      'm.author',
      'm.author_kind as authorKind',
      'm.text',
      'm.status',
      'm.hidden_reason as hiddenReason',
      'm.client_id as clientId',
    ])
    .where('e.focus_group_id', '=', roomId)
    .where('e.seq', '>', after)
    .where('e.seq', '<=', upTo)
    .orderBy('e.seq')
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    kind: row.kind,
    minute: row.minute,
    detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
    message: row.messageId
      ? {
          id: row.messageId,
          seatId: row.seatId,
          author: row.author!,
          authorKind: row.authorKind!,
          text: row.text!,
          status: row.status!,
          hiddenReason: row.hiddenReason,
          clientId: row.clientId,
        }
      : null,
  }));
}

// ---- seats ----

export interface SeatRow {
  id: string;
  pseudonym: string;
  muted: boolean;
  removed: boolean;
}

export async function findSeat(db: Db, roomId: string, seatHash: string): Promise<SeatRow | null> {
  const row = await db
    .selectFrom('focus_group_seat')
    .select(['id', 'pseudonym', 'muted', 'removed'])
    .where('focus_group_id', '=', roomId)
    .where('seat_hash', '=', seatHash)
    .executeTakeFirst();
  return row ?? null;
}

export async function listSeats(db: Db, roomId: string): Promise<SeatRow[]> {
  return db
    .selectFrom('focus_group_seat')
    .select(['id', 'pseudonym', 'muted', 'removed'])
    .where('focus_group_id', '=', roomId)
    .orderBy('pseudonym')
    .execute();
}

export type SeatResult =
  | { ok: true; seatId: string; pseudonym: string; event: StoredEvent }
  | { ok: false; reason: 'missing' | 'closed' | 'full' };

/** Takes a seat with a fresh pseudonym, unique in the room, and logs a `seated` event. */
export async function takeSeat(trx: Trx, roomId: string, seatHash: string): Promise<SeatResult> {
  const slot = await allocateSeq(trx, roomId);
  if (!slot) {
    const state = await roomIsOpen(trx, roomId);
    return { ok: false, reason: state === 'missing' ? 'missing' : 'closed' };
  }
  const seats = await trx
    .selectFrom('focus_group_seat')
    .select(['pseudonym', 'removed'])
    .where('focus_group_id', '=', roomId)
    .execute();
  if (seats.filter((seat) => !seat.removed).length >= slot.capacity) return { ok: false, reason: 'full' };
  const pseudonym = pickPseudonym(new Set(seats.map((seat) => seat.pseudonym)));
  const seat = await trx
    .insertInto('focus_group_seat')
    .values({ focus_group_id: roomId, seat_hash: seatHash, pseudonym })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvent(trx, {
    roomId,
    seq: slot.seq,
    kind: 'seated',
    minute: slot.minute,
    detail: { pseudonym },
  });
  return {
    ok: true,
    seatId: seat.id,
    pseudonym,
    event: { seq: slot.seq, kind: 'seated', minute: slot.minute, detail: { pseudonym }, message: null },
  };
}

export async function lockSeat(trx: Trx, seatId: string): Promise<SeatRow | null> {
  const row = await trx
    .selectFrom('focus_group_seat')
    .select(['id', 'pseudonym', 'muted', 'removed'])
    .where('id', '=', seatId)
    .executeTakeFirst();
  return row ?? null;
}

export async function seatByPseudonym(trx: Trx, roomId: string, pseudonym: string): Promise<SeatRow | null> {
  const row = await trx
    .selectFrom('focus_group_seat')
    .select(['id', 'pseudonym', 'muted', 'removed'])
    .where('focus_group_id', '=', roomId)
    .where('pseudonym', '=', pseudonym)
    .executeTakeFirst();
  return row ?? null;
}

export async function updateSeat(
  trx: Trx,
  roomId: string,
  seatId: string,
  changes: { muted?: boolean; removed?: boolean },
) {
  const seat = await trx
    .updateTable('focus_group_seat')
    .set(changes)
    .where('id', '=', seatId)
    .returning(['muted', 'removed'])
    .executeTakeFirstOrThrow();
  const silenced = seat.muted || seat.removed;
  await trx
    .updateTable('focus_group')
    .set({
      silenced_seats: silenced
        ? sql<string[]>`array_append(array_remove(silenced_seats, ${seatId}::uuid), ${seatId}::uuid)`
        : sql<string[]>`array_remove(silenced_seats, ${seatId}::uuid)`,
    })
    .where('id', '=', roomId)
    .execute();
}

// ---- messages ----

export async function insertMessage(
  trx: Trx,
  message: Omit<StoredMessage, 'id' | 'hiddenReason'> & { roomId: string; seq: number; minute: number },
): Promise<StoredMessage> {
  const row = await trx
    .insertInto('focus_group_message')
    .values({
      focus_group_id: message.roomId,
      seq: message.seq,
      seat_id: message.seatId,
      author: message.author,
      author_kind: message.authorKind,
      text: message.text,
      minute: message.minute,
      status: message.status,
      hidden_reason: null,
      client_id: message.clientId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { roomId: _room, seq: _seq, minute: _minute, ...rest } = message;
  return { ...rest, id: row.id, hiddenReason: null };
}

export async function findMessage(trx: Trx, roomId: string, id: string): Promise<StoredMessage | null> {
  const row = await trx
    .selectFrom('focus_group_message')
    .select([
      'id',
      'seat_id as seatId',
      'author',
      'author_kind as authorKind',
      'text',
      'status',
      'hidden_reason as hiddenReason',
      'client_id as clientId',
    ])
    .where('focus_group_id', '=', roomId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Whether this author already said the message with this clientId: a seat's own messages, or (seat
 * null) the room's moderator messages. Called with the room row locked, so check-then-insert is safe.
 */
export async function findByClientId(
  trx: Trx,
  roomId: string,
  seatId: string | null,
  clientId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('focus_group_message')
    .select('id')
    .where('focus_group_id', '=', roomId)
    .where((eb) => (seatId ? eb('seat_id', '=', seatId) : eb('seat_id', 'is', null)))
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Boolean(row);
}

export async function setMessageStatus(
  trx: Trx,
  id: string,
  status: FocusGroupMessageStatus,
  reason: string | null,
) {
  await trx
    .updateTable('focus_group_message')
    .set({ status, hidden_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Adds the seat's reaction, or takes it back if it was there; returns the new count. */
export async function toggleReaction(
  trx: Trx,
  messageId: string,
  seatId: string,
  emoji: string,
): Promise<number> {
  const removed = await trx
    .deleteFrom('focus_group_reaction')
    .where('message_id', '=', messageId)
    .where('seat_id', '=', seatId)
    .where('emoji', '=', emoji)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) {
    await trx
      .insertInto('focus_group_reaction')
      .values({ message_id: messageId, seat_id: seatId, emoji })
      .execute();
  }
  const row = await trx
    .selectFrom('focus_group_reaction')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('message_id', '=', messageId)
    .where('emoji', '=', emoji)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setPinned(trx: Trx, roomId: string, messageId: string | null) {
  await trx
    .updateTable('focus_group')
    .set({ pinned_message_id: messageId })
    .where('id', '=', roomId)
    .execute();
}

export async function markClosed(trx: Trx, roomId: string) {
  await trx
    .updateTable('focus_group')
    .set({ closed_at: sql<Date>`now()` })
    .where('id', '=', roomId)
    .execute();
}

// ---- transcripts and themes ----

export interface TranscriptLine {
  seq: number;
  minute: number;
  kind: 'prompt' | 'message';
  author: string;
  text: string;
}

/** Prompts and visible messages in room order, pseudonyms only; and how many were hidden or never approved. */
export async function readTranscript(
  db: Db,
  roomId: string,
): Promise<{ lines: TranscriptLine[]; hidden: number; pending: number }> {
  const prompts = await db
    .selectFrom('focus_group_event')
    .select(['seq', 'minute', 'detail'])
    .where('focus_group_id', '=', roomId)
    .where('kind', '=', 'prompt')
    .execute();
  const messages = await db
    .selectFrom('focus_group_message')
    .select(['seq', 'minute', 'author', 'text', 'status'])
    .where('focus_group_id', '=', roomId)
    .execute();
  const lines: TranscriptLine[] = [
    ...prompts.map((row) => {
      const detail = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as {
        text: string;
      };
      return {
        seq: row.seq,
        minute: row.minute,
        kind: 'prompt' as const,
        author: 'Moderator',
        text: detail.text,
      };
    }),
    ...messages
      .filter((row) => row.status === 'visible')
      .map((row) => ({
        seq: row.seq,
        minute: row.minute,
        kind: 'message' as const,
        author: row.author,
        text: row.text,
      })),
  ].sort((a, b) => a.seq - b.seq);
  const count = (status: string) => messages.filter((row) => row.status === status).length;
  return { lines, hidden: count('hidden'), pending: count('pending') };
}

/**
 * Participants' visible messages, for the themes job. day is the session's (UTC) day;
 * a transcript counts as published once its session is closed.
 */
/** What the themes read of focus groups: participants' visible messages, dated by their session. */
const themeRows = (db: Db) =>
  db
    .selectFrom('focus_group_message as m')
    .innerJoin('focus_group as g', 'g.id', 'm.focus_group_id')
    .where('m.status', '=', 'visible')
    .where('m.author_kind', '=', 'participant')
    .where(hasText('m.text'));
const themeDay = sql<string>`to_char(g.starts_at at time zone 'UTC', 'YYYY-MM-DD')`;
const themePublished = sql<boolean>`g.closed_at is not null`;
/** Over every column a theme item is built from (computed in SQL: unchanged text never leaves Postgres). */
const themeHash = sql<string>`md5(row(m.text, ${themeDay}, ${themePublished})::text)`;

export const focusGroupThemeSource: SourceReader = {
  source: 'focus-group',
  async digest(db) {
    const rows = await themeRows(db)
      .select(['m.id', themeHash.as('hash'), themeDay.as('day'), themePublished.as('published')])
      .execute();
    return rows.map((row) => ({ ...row, source: 'focus-group' as const, published: Boolean(row.published) }));
  },
  async read(db, ids) {
    const rows = await themeRows(db)
      .select(['m.id', themeHash.as('hash'), 'm.text', themeDay.as('day'), themePublished.as('published')])
      .$if(ids !== undefined, (qb) => qb.where('m.id', 'in', ids!))
      .orderBy('g.starts_at')
      .orderBy('m.seq')
      .execute();
    return rows.map((row) => ({
      ...row,
      source: 'focus-group' as const,
      published: Boolean(row.published),
      departmentId: null,
    }));
  },
};
