import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotificationSource } from '../shared/notification-sources.ts';

// What the kudos room tells outbound notifications: how many stories wait for a moderator.
export const kudosNotifications: NotificationSource = {
  async queueCounts(db: Kysely<Database>) {
    const row = await db
      .selectFrom('kudos')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('reviewed', '=', false)
      .executeTakeFirstOrThrow();
    return { kudos: Number(row.n) };
  },
};
