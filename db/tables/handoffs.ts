// Tables owned by the handoffs feature (Voice of the Internal Customer). Nullable columns are `T | null`.
import type { Generated, Selectable } from 'kysely';
import type { Day, Json, Timestamp } from '../schema.ts';

export type HandoffCommentModeration = 'pending' | 'published' | 'hidden';

/** What a handoff can be about, defined by admins per department (staff content, not anonymous). */
export interface HandoffRequestTypeTable {
  id: Generated<string>;
  department_id: string;
  label: string;
  retired: Generated<boolean>;
  /** Where the rating form offers it among its team's types (0 first). */
  position: Generated<number>;
  created_at: Generated<Timestamp>;
}

/** One anonymous rating: random id, a day, no IP/UA/token, nothing linking to a member. */
export interface HandoffRatingTable {
  id: Generated<string>;
  department_id: string;
  request_type_id: string | null;
  /** CES 1–7: how easy it was to get what was needed. */
  effort: number;
  /** 1–5: how it turned out for the customer. */
  outcome: number;
  comment: string | null;
  comment_moderation: Generated<HandoffCommentModeration>;
  comment_reviewed: Generated<boolean>;
  comment_hide_reason: string | null;
  /** Kinds of personal data found in the comment ('email', …), never the matches. */
  pii_flags: Json<string[]>;
  /** The rater asked for a kudos story (created in the kudos queue, not linked to this row). */
  kudos_alert: Generated<boolean>;
  day: Day;
}

export interface HandoffTables {
  handoff_request_type: HandoffRequestTypeTable;
  handoff_rating: HandoffRatingTable;
}

export type HandoffRatingRow = Selectable<HandoffRatingTable>;
