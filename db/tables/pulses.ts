// Tables owned by the pulses feature. Nullable columns are `T | null`; see db/schema.ts.
import type { Generated, Selectable } from 'kysely';
import type { Day, Timestamp } from '../schema.ts';

export type PulseScale = '0-10' | '1-5';
export type PulseCommentModeration = 'pending' | 'published' | 'hidden';

/** A scheduled question (staff content, not anonymous). Open from opens_on through closes_on (UTC days). */
export interface PulseTable {
  id: Generated<string>;
  question: string;
  scale: PulseScale;
  opens_on: Day;
  closes_on: Day;
  created_at: Generated<Timestamp>;
}

/** One anonymous answer: random id, a day, no IP/UA/token, nothing linking to a member. */
export interface PulseResponseTable {
  id: Generated<string>;
  pulse_id: string;
  score: number;
  comment: string | null;
  /** Proven by the token (a `pulse:<id>@<department>` key); shown only in groups of at least k people. */
  own_department_id: string | null;
  day: Day;
  /** The comment's moderation: pending (pre-moderation), published, or hidden with a reason. */
  comment_moderation: Generated<PulseCommentModeration>;
  comment_reviewed: Generated<boolean>;
  comment_hide_reason: string | null;
}

export interface PulseTables {
  pulse: PulseTable;
  pulse_response: PulseResponseTable;
}

export type PulseRow = Selectable<PulseTable>;
