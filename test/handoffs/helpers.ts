import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { insertRating, type NewRating } from '../../server/handoffs/queries.ts';

/** Ratings written straight through the feature's queries (no token), e.g. to fill a month past k. */
export async function givenRatings(
  app: FastifyInstance,
  departmentId: string,
  ratings: Array<Partial<NewRating>>,
) {
  for (const rating of ratings) {
    await insertRating(app.db, {
      departmentId,
      requestTypeId: null,
      effort: 5,
      outcome: 4,
      comment: null,
      piiFlags: [],
      kudosAlert: false,
      commentModeration: 'published',
      ...rating,
    });
  }
}

export async function counts(app: FastifyInstance) {
  const row = await sql<{ ratings: number; kudos: number; spent: number }>`
    select (select count(*) from handoff_rating)::int as ratings,
           (select count(*) from kudos)::int as kudos,
           (select count(*) from spent_token)::int as spent`.execute(app.db);
  return row.rows[0]!;
}

export const repeat = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);
