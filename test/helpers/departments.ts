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
