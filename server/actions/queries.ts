import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThemeActionStatus } from '../../db/tables/actions.ts';

// All SQL of the actions feature. Public reads select what the moderator wrote, the status and days: the
// theme's computed label, keywords, quotes and counts never leave through here.

type Db = Kysely<Database>;

const PUBLIC_COLUMNS = [
  'id',
  'title',
  'description',
  'status',
  'response',
  'day',
  'updated_day as updatedDay',
] as const;

export async function insertAction(
  db: Db,
  action: { themeId: string; title: string; description: string; createdBy: string; day: string },
): Promise<string> {
  const { id } = await db
    .insertInto('theme_action')
    .values({
      theme_id: action.themeId,
      title: action.title,
      description: action.description,
      created_by: action.createdBy,
      day: action.day,
      updated_day: action.day,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Sets the status (and the response when given; '' clears it); null when no such action. */
export async function updateActionStatus(
  db: Db,
  id: string,
  change: { status: ThemeActionStatus; response?: string | null; day: string },
) {
  return (
    (await db
      .updateTable('theme_action')
      .set((eb) => {
        const response = change.response !== undefined ? change.response : eb.ref('response');
        return {
          status: change.status,
          // Followers see "Updated" when this moves: a save that changes nothing leaves it.
          updated_day: eb
            .case()
            .when(eb.or([eb('status', '!=', change.status), eb('response', 'is distinct from', response)]))
            .then(change.day)
            .else(eb.ref('updated_day'))
            .end(),
          ...(change.response !== undefined ? { response: change.response } : {}),
        };
      })
      .where('id', '=', id)
      .returning(['status', 'response'])
      .executeTakeFirst()) ?? null
  );
}

/** Every action, most recently updated first: the public board's list. */
export async function listPublicActions(db: Db) {
  return db
    .selectFrom('theme_action')
    .select([...PUBLIC_COLUMNS])
    .orderBy('updated_day', 'desc')
    .orderBy('day', 'desc')
    .orderBy('title')
    .execute();
}

/** The moderators' list, optionally of one theme's actions. */
export async function listModeratorActions(db: Db, filters: { themeId?: string | undefined }) {
  return db
    .selectFrom('theme_action')
    .select([...PUBLIC_COLUMNS, 'theme_id as themeId'])
    .$if(filters.themeId !== undefined, (qb) => qb.where('theme_id', '=', filters.themeId!))
    .orderBy('updated_day', 'desc')
    .orderBy('day', 'desc')
    .orderBy('title')
    .execute();
}
