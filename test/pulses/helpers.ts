import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { insertPulse, insertResponse } from '../../server/pulses/queries.ts';
import type { PulseScale } from '../../db/tables/pulses.ts';

export const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A pulse written straight through the feature's queries (no scope key: nobody answers it over HTTP). */
export async function givenPulse(
  app: FastifyInstance,
  input: { scale?: PulseScale; opensOn: string; closesOn: string; question?: string },
  answers: Array<{ score: number; comment?: string; departmentId?: string }> = [],
) {
  const id = await insertPulse(app.db, {
    question: input.question ?? 'How likely are you to recommend Greenroom Bank as a place to work?',
    scale: input.scale ?? '0-10',
    opensOn: input.opensOn,
    closesOn: input.closesOn,
  });
  for (const answer of answers) {
    await insertResponse(app.db, {
      pulseId: id,
      score: answer.score,
      comment: answer.comment ?? null,
      ownDepartmentId: answer.departmentId ?? null,
      day: input.opensOn,
    });
  }
  return id;
}

export async function counts(app: FastifyInstance) {
  const row = await sql<{ pulses: number; responses: number; spent: number }>`
    select (select count(*) from pulse)::int as pulses,
           (select count(*) from pulse_response)::int as responses,
           (select count(*) from spent_token)::int as spent`.execute(app.db);
  return row.rows[0]!;
}

export const repeat = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);
