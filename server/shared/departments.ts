import type { Kysely } from 'kysely';
import type { Database, DepartmentKind } from '../../db/schema.ts';
import { badRequest } from '../errors.ts';

/** Departments employees pick from: archived ones are left out (their history stays). */
export async function listDepartments(db: Kysely<Database>) {
  // Backstage first: they are the teams this product exists to make visible.
  return db
    .selectFrom('department')
    .select(['id', 'name', 'kind', 'description'])
    .where('archived_at', 'is', null)
    .orderBy('kind', 'asc')
    .orderBy('name')
    .execute();
}

/** Every department, archived ones included and marked, for admins. */
export async function listAllDepartments(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('department')
    .select(['id', 'name', 'kind', 'description', 'archived_at'])
    .orderBy('kind', 'asc')
    .orderBy('name')
    .execute();
  return rows.map(({ archived_at, ...row }) => ({ ...row, archived: archived_at !== null }));
}

/** Archives (or restores) a department; false when there is none. */
export async function setDepartmentArchived(db: Kysely<Database>, id: string, archived: boolean) {
  const row = await db
    .updateTable('department')
    .set({ archived_at: archived ? new Date() : null })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function createDepartment(
  db: Kysely<Database>,
  input: { name: string; kind: DepartmentKind; description?: string | undefined },
): Promise<string | null> {
  const row = await db
    .insertInto('department')
    .values({ name: input.name.trim(), kind: input.kind, description: input.description?.trim() ?? '' })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function updateDepartment(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string | undefined; kind?: DepartmentKind | undefined; description?: string | undefined },
) {
  const row = await db
    .updateTable('department')
    .set({
      ...(changes.name !== undefined && { name: changes.name.trim() }),
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.description !== undefined && { description: changes.description.trim() }),
    })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Members enrolled with each department (from per-department enrolment codes): the people who can
 * prove that department on an anonymous item, so the most who could have written one labelled with it.
 */
export async function enrolledMembers(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('member')
    .select(['department_id as id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('department_id', 'is not', null)
    .groupBy('department_id')
    .execute();
  return new Map(rows.map((row) => [row.id!, Number(row.count)]));
}

export async function departmentExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('department').select('id').where('id', '=', id).executeTakeFirst();
  return Boolean(row);
}

export async function departmentName(db: Kysely<Database>, id: string): Promise<string | null> {
  const row = await db.selectFrom('department').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * The one check every write that names a department makes: 400 `unknown_department` when there is no such
 * department, 400 `department_archived` when an admin archived it (it takes nothing new; its history stays).
 * `what` names the field in the message ("The department it concerns"). Answers the department.
 */
export async function requireActiveDepartment(
  db: Kysely<Database>,
  id: string,
  what = 'That department',
): Promise<{ id: string; name: string; kind: DepartmentKind }> {
  const row = await db
    .selectFrom('department')
    .select(['id', 'name', 'kind', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw badRequest('unknown_department', `${what} is not a department we know.`);
  if (row.archived_at !== null)
    throw badRequest(
      'department_archived',
      `${what} (${row.name}) is archived: it takes nothing new, though its history stays.`,
    );
  return { id: row.id, name: row.name, kind: row.kind };
}
