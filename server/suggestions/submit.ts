import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { requireActiveDepartment } from '../shared/departments.ts';
import { badRequest } from '../errors.ts';
import { getSettings } from '../shared/settings.ts';
import { piiKinds } from '../../common/pii.ts';
import { insertSuggestion } from './queries.ts';
import { TEXT_MIN, type NewSuggestionBody } from '../../common/api/suggestions.ts';
import { createReceipt, receiptFromClient } from '../shared/threads/receipts.ts';

async function checkDepartment(db: Kysely<Database>, id: string | undefined | null, field: string) {
  if (id) await requireActiveDepartment(db, id, `The ${field}`);
}

/**
 * Records a new suggestion and its receipt. Every refusal happens before the transaction opens;
 * `spend` runs inside it (the route spends the request's token there), so the action and the spend
 * commit or roll back together. The submit benchmark calls this same function without a token.
 */
/** What submitting needs of the app. */
export type SubmitDeps = Pick<FastifyInstance, 'db' | 'secrets' | 'contentEvents'>;

export async function submitSuggestion(
  { db, secrets, contentEvents }: SubmitDeps,
  body: NewSuggestionBody,
  spend: (trx: Kysely<Database>) => Promise<void>,
  provenDepartmentId: string | null = null,
): Promise<{ id: string; receipt: string }> {
  const text = body.text.trim();
  if (text.length < TEXT_MIN) throw badRequest('text_too_short', `Write at least ${TEXT_MIN} characters.`);
  await checkDepartment(db, body.concernsDepartmentId, 'department it concerns');
  // The own department is what the token proves (a `general@<dept>` key), never a bare claim.
  if (body.ownDepartmentId && body.ownDepartmentId !== provenDepartmentId) {
    throw badRequest(
      'department_unproven',
      'Your own department is shown only when your token proves it (codes of that department).',
    );
  }
  const given = receiptFromClient(body.receipt);
  const { moderationMode } = await getSettings(db);
  const created = await db.transaction().execute(async (trx) => {
    await spend(trx);
    const id = await insertSuggestion(trx, {
      text,
      concernsDepartmentId: body.concernsDepartmentId ?? null,
      ownDepartmentId: provenDepartmentId,
      // Post-moderation publishes at once; the item still waits in the queue for a moderator's look.
      moderation: moderationMode === 'post' ? 'published' : 'pending',
      piiFlags: piiKinds(text),
    });
    const receipt = await createReceipt(trx, secrets, { kind: 'suggestion', itemId: id }, given);
    return { id, receipt };
  });
  contentEvents.changed({ source: 'suggestion' });
  return created;
}
