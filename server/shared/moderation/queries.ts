import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ThreadKind, ThreadSender } from '../../../db/tables/suggestions.ts';

// The SQL both moderated kinds share. Each kind's table is named after it ('suggestion', 'kudos') and
// carries the same moderation columns; only the column holding the author's words differs.

type Db = Kysely<Database>;
export type ModeratedKind = ThreadKind;

const TEXT_COLUMN = { suggestion: 'text', kudos: 'story' } as const satisfies Record<ModeratedKind, string>;

// For moderator lists: `itemId` names the outer query's item id column ('s.id', 'kudos.id').

/** How many messages the item's thread holds. */
export const threadSize = (kind: ModeratedKind, itemId: string) =>
  sql<number>`(select count(*) from thread_message m where m.kind = ${kind} and m.item_id = ${sql.ref(itemId)})`;

/** Who wrote last in the item's thread: 'author' means a moderator owes an answer. */
export const lastSender = (kind: ModeratedKind, itemId: string) =>
  sql<ThreadSender | null>`(select m.sender from thread_message m
    where m.kind = ${kind} and m.item_id = ${sql.ref(itemId)} order by m.seq desc limit 1)`;

export async function itemExists(db: Db, kind: ModeratedKind, id: string): Promise<boolean> {
  return !!(await db.selectFrom(kind).select('id').where('id', '=', id).executeTakeFirst());
}

/** Row-locked: two moderators deciding at once are serialised, the second sees the first's outcome. */
export async function findForDecision(trx: Db, kind: ModeratedKind, id: string) {
  const row = await trx
    .selectFrom(kind)
    .select([sql.ref<string>(TEXT_COLUMN[kind]).as('text'), 'moderation', 'reviewed'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

type Decision =
  | { action: 'publish' }
  | { action: 'reject'; reason: string }
  | { action: 'redact'; text: string; piiFlags: string[] };

export async function applyDecision(trx: Db, kind: ModeratedKind, id: string, decision: Decision) {
  const set =
    decision.action === 'reject'
      ? { moderation: 'rejected' as const, reject_reason: decision.reason }
      : { moderation: 'published' as const, reject_reason: null };
  const redaction =
    decision.action === 'redact' ? { redacted: true, pii_flags: JSON.stringify(decision.piiFlags) } : {};
  let query = trx
    .updateTable(kind)
    .set({ ...set, ...redaction, reviewed: true })
    .where('id', '=', id);
  // The edited text replaces the original in place: the original is gone once the decision commits.
  if (decision.action === 'redact') query = query.set(sql.ref(TEXT_COLUMN[kind]), decision.text);
  await query.execute();
}
