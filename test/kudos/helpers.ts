import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { insertKudos, type NewKudos } from '../../server/kudos/queries.ts';
import { createReceipt } from '../../server/shared/threads/receipts.ts';

export const STORY =
  'IT rebuilt my laptop in an hour so I could still call back a customer about her mortgage offer before noon.';

export { departmentId } from '../helpers/departments.ts';

/** A kudos written straight through the feature's own queries (no token), with its receipt. */
export async function givenKudos(app: FastifyInstance, input: Partial<NewKudos> & { departmentId: string }) {
  return app.db.transaction().execute(async (trx) => {
    const id = await insertKudos(trx, { story: STORY, moderation: 'pending', piiFlags: [], ...input });
    const receipt = await createReceipt(trx, app.secrets, { kind: 'kudos', itemId: id });
    return { id, receipt };
  });
}

export const publishedKudos = (app: FastifyInstance, input: Partial<NewKudos> & { departmentId: string }) =>
  givenKudos(app, { moderation: 'published', reviewed: true, ...input });

export async function kudosRow(app: FastifyInstance, id: string) {
  return app.db.selectFrom('kudos').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function counts(app: FastifyInstance) {
  const row = await sql<{ kudos: number; receipts: number; spent: number; audits: number }>`
    select (select count(*) from kudos)::int as kudos,
           (select count(*) from thread_receipt where kind = 'kudos')::int as receipts,
           (select count(*) from spent_token)::int as spent,
           (select count(*) from audit_log)::int as audits`.execute(app.db);
  return row.rows[0]!;
}

export const thisMonth = () => new Date().toISOString().slice(0, 7);
export const todayDay = () => new Date().toISOString().slice(0, 10);
