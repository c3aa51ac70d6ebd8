import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type StaffRole = 'admin' | 'moderator';
export type DepartmentKind = 'frontstage' | 'backstage';

export interface StaffTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface StaffSessionTable {
  id_hash: string;
  staff_id: string;
  created_at: Timestamp;
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
}

export interface Database {
  staff: StaffTable;
  staff_session: StaffSessionTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
  department: DepartmentTable;
}

export type Staff = Selectable<StaffTable>;
export type NewStaff = Insertable<StaffTable>;
export type Department = Selectable<DepartmentTable>;
