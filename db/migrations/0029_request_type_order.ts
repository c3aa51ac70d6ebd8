import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 17's admin page for request types: admins put a team's request types in the order the rating form
// offers them. Existing types keep their alphabetical order (what the form showed until now).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('handoff_request_type')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update handoff_request_type t set position = o.position
    from (select id, (row_number() over (partition by department_id order by label) - 1)::int as position
          from handoff_request_type) o
    where o.id = t.id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('handoff_request_type').dropColumn('position').execute();
}
