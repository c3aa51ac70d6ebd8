import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotificationSource } from '../shared/notification-sources.ts';

// What the suggestions room tells outbound notifications: how many wait for a moderator, and the public
// responses of "you said, we did" (published items only, dated by the response's day).
export const suggestionNotifications: NotificationSource = {
  async queueCounts(db: Kysely<Database>) {
    const row = await db
      .selectFrom('suggestion')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('reviewed', '=', false)
      .executeTakeFirstOrThrow();
    return { suggestions: Number(row.n) };
  },
  async recentResponses(db: Kysely<Database>, since: string, limit: number) {
    const rows = await db
      .selectFrom('suggestion')
      .select(['text', 'status', 'response', 'response_day as day'])
      .where('moderation', '=', 'published')
      .where('response', 'is not', null)
      .where('response_day', '>=', since)
      .orderBy('response_day', 'desc')
      .orderBy('votes', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, day: row.day! }));
  },
};
