import type { FastifyInstance } from 'fastify';
import type { ActionStatusBody, NewActionBody } from '../../common/api/actions.ts';
import { ACTION_TITLE } from '../../common/api/actions.ts';
import { badRequest, notFound } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { today } from '../shared/days.ts';
import type { StaffMember } from '../shared/staff-sessions.ts';
import { insertAction, updateActionStatus } from './queries.ts';

// Making and updating actions: staff decisions, so each write and its audit entry commit together (a
// refused request writes neither).

export type ActionDeps = Pick<FastifyInstance, 'db' | 'moderatorThemes'>;

/** Makes an action from a theme in the moderators' current snapshot; its id. */
export async function createAction(
  { db, moderatorThemes }: ActionDeps,
  staff: StaffMember,
  themeId: string,
  body: NewActionBody,
): Promise<string> {
  const title = body.title.trim();
  if (title.length < ACTION_TITLE.min)
    throw badRequest('invalid_request', `The title needs at least ${ACTION_TITLE.min} characters.`);
  const theme = await moderatorThemes.find(db, themeId);
  if (!theme) throw notFound('No such theme among the moderators’ current themes.');
  return db.transaction().execute(async (trx) => {
    const id = await insertAction(trx, {
      themeId: theme.id,
      title,
      description: (body.description ?? '').trim(),
      createdBy: staff.id,
      day: today(),
    });
    // The theme's label is for staff eyes: the audit log may hold it, the public board never does.
    await audit(trx, staff, 'action.create', { type: 'theme_action', id }, { themeId: theme.id, title });
    return id;
  });
}

/** Moves an action along its lifecycle; `response` omitted keeps the public response, '' clears it. */
export async function setActionStatus(
  { db }: Pick<ActionDeps, 'db'>,
  staff: StaffMember,
  id: string,
  body: ActionStatusBody,
) {
  const response = body.response === undefined ? undefined : body.response.trim() || null;
  return db.transaction().execute(async (trx) => {
    const updated = await updateActionStatus(trx, id, { status: body.status, response, day: today() });
    if (!updated) throw notFound('No such action.');
    await audit(
      trx,
      staff,
      'action.status',
      { type: 'theme_action', id },
      { status: updated.status, ...(response !== undefined ? { response: updated.response } : {}) },
    );
    return updated;
  });
}
