import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// A moderator message re-sent after a reconnect (same room, same clientId) is stored once. Seat messages
// are covered by focus_group_message_client_idx; moderator rows have no seat, so NULLs escaped it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('focus_group_message_moderator_client_idx')
    .on('focus_group_message')
    .columns(['focus_group_id', 'client_id'])
    .unique()
    .where((eb) => eb.and([eb(sql.ref('seat_id'), 'is', null), eb(sql.ref('client_id'), 'is not', null)]))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('focus_group_message_moderator_client_idx').execute();
}
