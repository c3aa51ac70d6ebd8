import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { StaffMember } from './staff-sessions.ts';

// The audit log: every staff decision, with the staff member's identity (staff actions are not anonymous).

export async function audit(
  db: Kysely<Database>,
  staff: StaffMember,
  action: string,
  target: { type: string; id: string } | null,
  detail: Record<string, unknown> = {},
) {
  await db
    .insertInto('audit_log')
    .values({
      staff_id: staff.id,
      staff_username: staff.username,
      action,
      target_type: target?.type ?? null,
      target_id: target?.id ?? null,
      detail: JSON.stringify(detail),
    })
    .execute();
}
