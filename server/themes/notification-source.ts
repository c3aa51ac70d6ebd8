import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NotificationSource } from '../shared/notification-sources.ts';

// What the themes room tells outbound notifications: the ranked public themes (built from published text).
export const themeNotifications: NotificationSource = {
  async publicThemes(db: Kysely<Database>, limit: number) {
    return db
      .selectFrom('theme')
      .select(['label', 'trend', 'size'])
      .where('scope', '=', 'public')
      .where('retired', '=', false)
      .where('rank', 'is not', null)
      .orderBy('rank')
      .limit(limit)
      .execute();
  },
};
