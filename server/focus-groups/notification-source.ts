import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotificationSource } from '../shared/notification-sources.ts';

// What the focus-groups room tells outbound notifications: sessions starting soon (staff-scheduled,
// public times), never who took a seat.
export const focusGroupNotifications: NotificationSource = {
  async focusGroupsStarting(db: Kysely<Database>, from: Date, until: Date) {
    return db
      .selectFrom('focus_group')
      .select(['id', 'title', 'starts_at as startsAt'])
      .where('starts_at', '>', from)
      .where('starts_at', '<=', until)
      .where('closed_at', 'is', null)
      .orderBy('starts_at')
      .execute();
  },
};
