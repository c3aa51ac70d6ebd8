import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
// Issue 19: the moderators' themes count each theme's comments still in the moderation queue, read live on
// every view (`awaiting` of each theme source). Partial indexes hold just the queue, so that read stays the
// size of the queue, not of the table (suggestions already had one: suggestion_unreviewed_idx).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index kudos_awaiting_idx on kudos (day) where moderation = 'pending' or reviewed = false`.execute(
    db,
  );
  await sql`create index pulse_response_pending_idx on pulse_response (pulse_id)
    where comment_moderation = 'pending' and comment is not null`.execute(db);
  await sql`create index handoff_rating_unreviewed_idx on handoff_rating (day)
    where comment_reviewed = false and comment is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('handoff_rating_unreviewed_idx').execute();
  await db.schema.dropIndex('pulse_response_pending_idx').execute();
  await db.schema.dropIndex('kudos_awaiting_idx').execute();
}
