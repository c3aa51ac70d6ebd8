import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports nothing from the app.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('focus_group')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prompts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 3 and 200`))
    .addColumn('moderation', 'text', (c) => c.notNull().check(sql`moderation in ('pre', 'post')`))
    .addColumn('created_by', 'uuid', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned_message_id', 'uuid')
    // Muted and removed seats, kept on the room row itself so the one-statement `say` re-checks them
    // after waiting for the row lock (a mute committed meanwhile always wins).
    .addColumn('silenced_seats', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addCheckConstraint('focus_group_times', sql`ends_at > starts_at`)
    .execute();

  await db.schema
    .createTable('focus_group_seat')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('focus_group_id', 'uuid', (c) => c.notNull().references('focus_group.id').onDelete('cascade'))
    .addColumn('seat_hash', 'text', (c) => c.notNull().unique())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('muted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('removed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('focus_group_seat_pseudonym', ['focus_group_id', 'pseudonym'])
    .execute();

  await db.schema
    .createTable('focus_group_message')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('focus_group_id', 'uuid', (c) => c.notNull().references('focus_group.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('seat_id', 'uuid', (c) => c.references('focus_group_seat.id').onDelete('set null'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) =>
      c.notNull().check(sql`author_kind in ('participant', 'moderator')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('minute', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'visible', 'hidden')`))
    .addColumn('hidden_reason', 'text')
    .addColumn('client_id', 'text')
    .execute();
  // A message re-sent after a reconnect (same seat, same clientId) is stored once.
  await db.schema
    .createIndex('focus_group_message_client_idx')
    .on('focus_group_message')
    .columns(['seat_id', 'client_id'])
    .unique()
    .where(sql.ref('client_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('focus_group_message_room_idx')
    .on('focus_group_message')
    .columns(['focus_group_id', 'seq'])
    .execute();

  await db.schema
    .createTable('focus_group_event')
    .addColumn('focus_group_id', 'uuid', (c) => c.notNull().references('focus_group.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message_id', 'uuid', (c) => c.references('focus_group_message.id').onDelete('cascade'))
    .addColumn('minute', 'integer', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('focus_group_event_pk', ['focus_group_id', 'seq'])
    .execute();

  await db.schema
    .createTable('focus_group_reaction')
    .addColumn('message_id', 'uuid', (c) =>
      c.notNull().references('focus_group_message.id').onDelete('cascade'),
    )
    .addColumn('seat_id', 'uuid', (c) => c.notNull().references('focus_group_seat.id').onDelete('cascade'))
    .addColumn('emoji', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('focus_group_reaction_pk', ['message_id', 'seat_id', 'emoji'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'focus_group_reaction',
    'focus_group_event',
    'focus_group_message',
    'focus_group_seat',
    'focus_group',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
