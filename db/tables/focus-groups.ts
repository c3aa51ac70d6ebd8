// Tables owned by the focus-groups feature. Nullable columns are `T | null`; see db/schema.ts.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { Json, Timestamp } from '../schema.ts';

export type FocusGroupModeration = 'pre' | 'post';
export type FocusGroupMessageStatus = 'pending' | 'visible' | 'hidden';
export type FocusGroupEventKind =
  | 'message'
  | 'approved'
  | 'hidden'
  | 'reaction'
  | 'prompt'
  | 'pinned'
  | 'seated'
  | 'muted'
  | 'unmuted'
  | 'removed'
  | 'closed';

/** A scheduled session. Staff data, not anonymous: times are real timestamps. */
export interface FocusGroupTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  prompts: Json<string[]>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  moderation: FocusGroupModeration;
  created_by: string | null;
  created_at: Generated<Date>;
  closed_at: Date | null;
  /** The room's sequence counter: bumped (row-locked) in the transaction that writes each event. */
  last_seq: Generated<number>;
  pinned_message_id: string | null;
  /** Seats that may not speak (muted or removed); mirrored from focus_group_seat for the fast path. */
  silenced_seats: Generated<string[]>;
}

/** One seat per token. Only the keyed hash of the seat secret; nothing links it to a member. */
export interface FocusGroupSeatTable {
  id: Generated<string>;
  focus_group_id: string;
  seat_hash: string;
  pseudonym: string;
  muted: Generated<boolean>;
  removed: Generated<boolean>;
}

/** Anonymous: pseudonym and minutes since the session started, never a wall-clock time. */
export interface FocusGroupMessageTable {
  id: Generated<string>;
  focus_group_id: string;
  /** The seq of the event that created it. */
  seq: number;
  /** null for a moderator's message. */
  seat_id: string | null;
  author: string;
  author_kind: 'participant' | 'moderator';
  text: string;
  minute: number;
  status: FocusGroupMessageStatus;
  hidden_reason: string | null;
  client_id: string | null;
}

/** The room's ordered log: persisted before it is broadcast; (focus_group_id, seq) is unique. */
export interface FocusGroupEventTable {
  focus_group_id: string;
  seq: number;
  kind: FocusGroupEventKind;
  message_id: string | null;
  minute: number;
  detail: Json<Record<string, unknown>>;
}

export interface FocusGroupReactionTable {
  message_id: string;
  seat_id: string;
  emoji: string;
}

export interface FocusGroupTables {
  focus_group: FocusGroupTable;
  focus_group_seat: FocusGroupSeatTable;
  focus_group_message: FocusGroupMessageTable;
  focus_group_event: FocusGroupEventTable;
  focus_group_reaction: FocusGroupReactionTable;
}

export type FocusGroupRow = Selectable<FocusGroupTable>;
export type NewFocusGroupEvent = Insertable<FocusGroupEventTable>;
