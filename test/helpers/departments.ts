import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** The id of a department by name, created if the test database does not have it yet. */
export async function departmentId(
  app: FastifyInstance,
  name: string,
  kind: 'frontstage' | 'backstage' = 'backstage',
) {
  const existing = await app.db
    .selectFrom('department')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await app.db
    .insertInto('department')
    .values({ name, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * `count` members enrolled with the department, written straight to the table (no code, no argon2):
 * k counts people, so a department label needs k members who could prove it.
 */
export async function givenMembers(app: FastifyInstance, departmentId: string, count: number) {
  await app.db
    .insertInto('member')
    .values(
      Array.from({ length: count }, () => ({
        credential_hash: randomBytes(32).toString('hex'),
        department_id: departmentId,
      })),
    )
    .execute();
}
