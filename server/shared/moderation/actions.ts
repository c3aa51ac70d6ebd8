import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { piiKinds } from '../../../common/pii.ts';
import { audit } from '../audit.ts';
import { releasable } from '../min-group.ts';
import type { StaffMember } from '../staff-sessions.ts';
import { addThreadMessage, listThreadMessages, ThreadFullError } from '../threads/messages.ts';
import { applyDecision, findForDecision, itemExists, type ModeratedKind } from './queries.ts';

// What a moderator does to an anonymous item — decide, reply to its author, read the thread — is the
// same for suggestions and kudos. Each kind passes its rules; everything here is audited with the staff member.

type Db = Kysely<Database>;

export interface ModerationRules {
  /** The item's table, thread kind, audit target type and audit action prefix. */
  kind: ModeratedKind;
  /** How messages name one item ('suggestion', 'story') and its words ('text', 'story'). */
  itemNoun: string;
  textNoun: string;
  /** The shortest redacted text accepted: the same minimum as a submission. */
  textMin: number;
  /** A kind's own consequence of a rejection, in the decision's transaction. */
  onReject?: (trx: Db, id: string) => Promise<void>;
}

export interface DecisionRequest {
  action: 'publish' | 'reject' | 'redact';
  reason?: string | undefined;
  text?: string | undefined;
}

/** Publish, reject with a reason, or redact (publish an edited text; the original is discarded). */
export async function decide(
  db: Db,
  rules: ModerationRules,
  staff: StaffMember,
  id: string,
  request: DecisionRequest,
) {
  const { kind, itemNoun, textNoun, textMin } = rules;
  const { action } = request;
  const reason = request.reason?.trim() ?? '';
  const text = request.text?.trim() ?? '';
  if (action === 'reject' && reason.length < 3)
    throw badRequest('reason_required', 'Give the author a reason for the rejection.');
  if (action === 'redact' && text.length < textMin)
    throw badRequest('text_required', `Give the redacted ${textNoun} (at least ${textMin} characters).`);
  return db.transaction().execute(async (trx) => {
    const current = await findForDecision(trx, kind, id);
    if (!current) throw notFound(`No such ${kind}.`);
    if (action === 'publish' && current.moderation === 'published' && current.reviewed)
      throw conflict('already_published', `This ${itemNoun} is published already.`);
    if (action === 'reject' && current.moderation === 'rejected')
      throw conflict('already_rejected', `This ${itemNoun} is rejected already.`);
    if (action === 'redact' && text === current.text)
      throw badRequest('text_unchanged', `The redacted ${textNoun} is the same as the original.`);
    if (action === 'publish') await applyDecision(trx, kind, id, { action });
    else if (action === 'reject') await applyDecision(trx, kind, id, { action, reason });
    else await applyDecision(trx, kind, id, { action, text, piiFlags: piiKinds(text) });
    if (action === 'reject') await rules.onReject?.(trx, id);
    // The audit names the moderator; it never copies the author's text (a redaction must not survive here).
    await audit(
      trx,
      staff,
      `${kind}.${action}`,
      { type: kind, id },
      { before: current.moderation, ...(action === 'reject' ? { reason } : {}) },
    );
    return {
      moderation: action === 'reject' ? ('rejected' as const) : ('published' as const),
      text: action === 'redact' ? text : current.text,
    };
  });
}

/**
 * After a decision committed: the themes follow, and a redaction has the item's table rewritten so the
 * original's old row version does not stay readable on disk (server/plugins/disk-scrub.ts).
 */
export function announceDecision(
  app: Pick<FastifyInstance, 'contentEvents' | 'diskScrub'>,
  kind: ModeratedKind,
  action: DecisionRequest['action'],
): void {
  const redacted = action === 'redact';
  if (redacted) app.diskScrub.rewrite([kind]);
  app.contentEvents.changed({ source: kind, ...(redacted ? { redacted } : {}) });
}

/** A moderator's message to the anonymous author, who reads it through their receipt. */
export async function replyToAuthor(
  db: Db,
  kind: ModeratedKind,
  staff: StaffMember,
  id: string,
  reply: string,
) {
  const body = reply.trim();
  if (!body) throw badRequest('empty_reply', 'Write a reply first.');
  if (!(await itemExists(db, kind, id))) throw notFound(`No such ${kind}.`);
  return db.transaction().execute(async (trx) => {
    const posted = await addThreadMessage(trx, { kind, itemId: id, from: 'moderator', body }).catch(
      (error) => {
        if (error instanceof ThreadFullError) throw conflict('thread_full', error.message);
        throw error;
      },
    );
    await audit(trx, staff, `${kind}.reply`, { type: kind, id }, { body });
    return posted;
  });
}

/** The conversation with an item's author, as moderators see it. */
export async function threadWithAuthor(db: Db, kind: ModeratedKind, id: string) {
  if (!(await itemExists(db, kind, id))) throw notFound(`No such ${kind}.`);
  return listThreadMessages(db, { kind, itemId: id });
}

/**
 * A decision on a short comment (a pulse answer's, a handoff rating's): publish it, or hide it with a reason
 * for the audit log. Refused without a reason to hide.
 */
export function commentDecision(request: { action: 'publish' | 'hide'; reason?: string | undefined }) {
  const reason = request.reason?.trim() || null;
  if (request.action === 'hide' && !reason)
    throw badRequest('reason_required', 'Say why the comment is hidden.');
  const moderation: 'published' | 'hidden' = request.action === 'publish' ? 'published' : 'hidden';
  return { moderation, reason };
}

/** Nobody reads a comment before its group (a pulse's answers, a team's month of ratings) reaches k: moderators neither. */
export function requireReadableGroup(size: number, k: number, counted: 'answers' | 'ratings'): void {
  if (!releasable(size, k))
    throw conflict('below_minimum_group', `Comments are read from ${k} ${counted} on, by moderators too.`);
}

/**
 * A staff decision on one item that is not publish/reject/redact (a comment dismissed from a curation queue,
 * a shared story withdrawn): the change and its audit row commit together; 404 `missing` when there is no
 * such item (the change reported nothing to do).
 */
export async function decideAudited(
  db: Db,
  staff: StaffMember,
  decision: {
    action: string;
    target: { type: string; id: string };
    apply: (trx: Db) => Promise<boolean>;
    missing: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const done = await db.transaction().execute(async (trx) => {
    if (!(await decision.apply(trx))) return false;
    await audit(trx, staff, decision.action, decision.target, decision.detail ?? {});
    return true;
  });
  if (!done) throw notFound(decision.missing);
}
