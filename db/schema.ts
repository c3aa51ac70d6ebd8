import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ActionTables } from './tables/actions.ts';
import type { CustomerVoiceTables } from './tables/customer-voice.ts';
import type { FocusGroupTables } from './tables/focus-groups.ts';
import type { HandoffTables } from './tables/handoffs.ts';
import type { JourneyTables } from './tables/journeys.ts';
import type { KudosTables } from './tables/kudos.ts';
import type { NotificationTables } from './tables/notifications.ts';
import type { PulseTables } from './tables/pulses.ts';
import type { SharedStateTables } from './tables/shared-state.ts';
import type { SuggestionTables } from './tables/suggestions.ts';
import type { ThemeTables } from './tables/themes.ts';
import type { TokenTables } from './tables/tokens.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;
/** A calendar day ('YYYY-MM-DD'): the only time anonymous rows carry. */
export type Day = ColumnType<string, string | undefined, string>;

export type StaffRole = 'admin' | 'moderator';
export type DepartmentKind = 'frontstage' | 'backstage';

export interface StaffTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: StaffRole;
  /** Null for an account the company provider signs in (it has no password). */
  password_hash: string | null;
  /** Keyed hash of the provider's issuer + subject; null for a local (password) account. */
  idp_subject_hash: string | null;
  disabled: Generated<boolean>;
  /** Set by an admin's reset: the account may only change its password until it does. */
  must_change_password: Generated<boolean>;
  created_at: Timestamp;
}

export interface StaffSessionTable {
  id_hash: string;
  staff_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A staff sign-in through the company provider under way (ten minutes; taken once). */
export interface StaffOidcLoginTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  staff_id: string | null;
  staff_username: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface SettingTable {
  key: string;
  value: Json<unknown>;
}

export interface DepartmentTable {
  id: Generated<string>;
  name: string;
  kind: DepartmentKind;
  description: Generated<string>;
  created_at: Timestamp;
  /** Archived: gone from employee pickers, kept for history. */
  archived_at: Timestamp | null;
}

/** A reason or reply the moderation team reuses (shared by the team). */
export interface SavedReplyTable {
  id: Generated<string>;
  label: string;
  body: string;
  created_by: string | null;
  created_at: Timestamp;
}

/**
 * The one Database interface. Foundation tables are declared here; each feature declares its own
 * tables in db/tables/<feature>.ts (one owner per file) and they are joined here.
 */
export interface Database
  extends
    TokenTables,
    NotificationTables,
    SuggestionTables,
    KudosTables,
    PulseTables,
    FocusGroupTables,
    ThemeTables,
    SharedStateTables,
    HandoffTables,
    JourneyTables,
    CustomerVoiceTables,
    ActionTables {
  staff: StaffTable;
  staff_session: StaffSessionTable;
  staff_oidc_login: StaffOidcLoginTable;
  saved_reply: SavedReplyTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
  department: DepartmentTable;
}

export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type Department = Selectable<DepartmentTable>;
