import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

export const CSV_HEADER = 'response_id,comment,nps,submitted,channel,stage';

/** A CSV export as a survey tool writes it. */
export const csv = (...rows: string[]) => [CSV_HEADER, ...rows].join('\n') + '\n';

export const CSV_MAPPING = {
  format: 'csv',
  text: 'comment',
  score: 'nps',
  scoreKind: 'nps',
  date: 'submitted',
  channel: 'channel',
  stage: 'stage',
  externalId: 'response_id',
};

export function upload(
  app: FastifyInstance,
  cookie: string,
  body: string | Buffer,
  query: Record<string, string> = CSV_MAPPING,
  contentType = 'text/csv',
) {
  return app.inject({
    method: 'POST',
    url: '/api/mod/customer-voice/imports',
    query,
    headers: { cookie, 'content-type': contentType },
    payload: body,
  });
}

export async function feedbackCount(app: FastifyInstance) {
  const row = await sql<{ n: number; imports: number }>`
    select (select count(*) from customer_feedback)::int as n,
           (select count(*) from customer_import)::int as imports`.execute(app.db);
  return row.rows[0]!;
}
