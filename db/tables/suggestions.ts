// Tables owned by the suggestions feature (receipts and threads are shared with kudos).
import type { Generated, Selectable } from 'kysely';
import type { Day, Json } from '../schema.ts';

/** Moderation state: pre-moderation keeps an item pending until a moderator decides. */
export type SuggestionModeration = 'pending' | 'published' | 'rejected';
/** The public lifecycle ("you said, we did"); wire values are these exact strings. */
export type SuggestionStatus = 'new' | 'under_review' | 'planned' | 'in_progress' | 'done' | 'wont_do';
export type ThreadKind = 'suggestion' | 'kudos';
export type ThreadSender = 'moderator' | 'author';

/** Anonymous: random id, a day, no IP/UA/token, nothing linking to a member. */
export interface SuggestionTable {
  id: Generated<string>;
  text: string;
  concerns_department_id: string | null;
  own_department_id: string | null;
  moderation: SuggestionModeration;
  reviewed: Generated<boolean>;
  status: Generated<SuggestionStatus>;
  response: string | null;
  response_day: string | null;
  reject_reason: string | null;
  redacted: Generated<boolean>;
  pii_flags: Json<string[]>;
  votes: Generated<number>;
  day: Day;
}

/** Only the keyed hash (app.secrets.hmac('receipt', …)) of a receipt is stored. */
export interface ThreadReceiptTable {
  receipt_hash: string;
  kind: ThreadKind;
  item_id: string;
}

export interface ThreadMessageTable {
  id: Generated<string>;
  kind: ThreadKind;
  item_id: string;
  seq: number;
  sender: ThreadSender;
  body: string;
  day: Day;
}

export interface SuggestionTables {
  suggestion: SuggestionTable;
  thread_receipt: ThreadReceiptTable;
  thread_message: ThreadMessageTable;
}

export type SuggestionRow = Selectable<SuggestionTable>;
