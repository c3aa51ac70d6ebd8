// Tables owned by the kudos feature. Nullable columns are `T | null`; see db/schema.ts.
import type { Generated, Selectable } from 'kysely';
import type { Day, Json } from '../schema.ts';

export type KudosModeration = 'pending' | 'published' | 'rejected';

/** Anonymous: random id, a day, no IP/UA/token, nothing linking to a member. */
export interface KudosTable {
  id: Generated<string>;
  department_id: string;
  story: string;
  moderation: KudosModeration;
  /** false until a moderator decided (post-moderation publishes at once but still waits for a look). */
  reviewed: Generated<boolean>;
  reject_reason: string | null;
  redacted: Generated<boolean>;
  featured: Generated<boolean>;
  /** Kinds of personal data found ('email', 'phone', …), never the matches. */
  pii_flags: Json<string[]>;
  day: Day;
}

export interface KudosTables {
  kudos: KudosTable;
}

export type KudosRow = Selectable<KudosTable>;
