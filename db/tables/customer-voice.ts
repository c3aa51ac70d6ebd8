// Tables owned by the customer-voice feature (issue 16). Nullable columns are `T | null`.
import type { Generated, Selectable } from 'kysely';
import type { Day, Json, Timestamp } from '../schema.ts';

export type ScoreKind = 'nps' | 'csat' | 'ces';
export type StoryStatus = 'candidate' | 'dismissed' | 'shared';
export type ApiKeyScope = 'feedback:write' | 'feedback:validate';

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface CustomerImportTable {
  id: Generated<string>;
  origin: 'upload' | 'api';
  label: string;
  format: 'csv' | 'jsonl' | 'json';
  rows_read: Generated<number>;
  rows_imported: Generated<number>;
  rows_already_imported: Generated<number>;
  rows_rejected: Generated<number>;
  rejected: Json<RejectedRow[]>;
  staff_id: string | null;
  api_key_id: string | null;
  created_at: Timestamp;
}

/** One customer comment, redacted before it was stored. */
export interface CustomerFeedbackTable {
  id: Generated<string>;
  external_id: string;
  import_id: string | null;
  text: string;
  pii_kinds: Json<string[]>;
  score_kind: ScoreKind | null;
  score: number | null;
  day: Day;
  channel: string | null;
  stage: string | null;
  product: string | null;
  story_status: Generated<StoryStatus>;
  created_at: Timestamp;
}

export interface CustomerVoiceRuleTable {
  id: Generated<string>;
  department_id: string;
  stage: string | null;
  channel: string | null;
  keyword: string | null;
  created_at: Timestamp;
}

export interface CustomerFeedbackDepartmentTable {
  feedback_id: string;
  department_id: string;
  mapped_by: 'rule' | 'hand';
}

export interface CustomerStoryTable {
  id: Generated<string>;
  feedback_id: string;
  department_id: string;
  title: string;
  text: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CustomerVoiceApiKeyTable {
  id: Generated<string>;
  label: string;
  /** HMAC of the key under the master secret; the key itself is shown once. */
  key_hash: string;
  /** The first characters, so admins can tell keys apart. */
  prefix: string;
  scopes: Json<ApiKeyScope[]>;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_day: string | null;
}

export interface CustomerVoiceTables {
  customer_import: CustomerImportTable;
  customer_feedback: CustomerFeedbackTable;
  customer_voice_rule: CustomerVoiceRuleTable;
  customer_feedback_department: CustomerFeedbackDepartmentTable;
  customer_story: CustomerStoryTable;
  customer_voice_api_key: CustomerVoiceApiKeyTable;
}

export type CustomerFeedbackRow = Selectable<CustomerFeedbackTable>;
