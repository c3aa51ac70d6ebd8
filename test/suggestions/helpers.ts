import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { insertSuggestion, type NewSuggestion } from '../../server/suggestions/queries.ts';
import { createReceipt } from '../../server/shared/threads/receipts.ts';

/** A suggestion written straight through the feature's own queries (no token), with its receipt. */
export async function givenSuggestion(
  app: FastifyInstance,
  input: Partial<NewSuggestion> & { text?: string } = {},
): Promise<{ id: string; receipt: string }> {
  return app.db.transaction().execute(async (trx) => {
    const id = await insertSuggestion(trx, {
      text:
        input.text ?? 'The loan origination system froze twice this morning and we lost two applications.',
      concernsDepartmentId: input.concernsDepartmentId ?? null,
      ownDepartmentId: input.ownDepartmentId ?? null,
      moderation: input.moderation ?? 'pending',
      piiFlags: input.piiFlags ?? [],
      ...input,
    });
    const receipt = await createReceipt(trx, app.secrets, { kind: 'suggestion', itemId: id });
    return { id, receipt };
  });
}

export const published = (app: FastifyInstance, input: Partial<NewSuggestion> = {}) =>
  givenSuggestion(app, { moderation: 'published', reviewed: true, ...input });

export { departmentId } from '../helpers/departments.ts';

export async function suggestionRow(app: FastifyInstance, id: string) {
  return app.db.selectFrom('suggestion').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function counts(app: FastifyInstance) {
  const row = await sql<{
    suggestions: number;
    receipts: number;
    messages: number;
    audits: number;
    votes: number;
  }>`
    select (select count(*)::int from suggestion) as suggestions,
           (select count(*)::int from thread_receipt) as receipts,
           (select count(*)::int from thread_message) as messages,
           (select count(*)::int from audit_log) as audits,
           (select coalesce(sum(votes), 0)::int from suggestion) as votes`.execute(app.db);
  return row.rows[0]!;
}
