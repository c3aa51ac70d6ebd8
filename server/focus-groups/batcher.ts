import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { StoredMessage } from './queries.ts';
import { isDataException, isUniqueViolation } from '../shared/db-errors.ts';

export interface NewSay {
  roomId: string;
  seatId: string;
  text: string;
  clientId: string | null;
}

export interface Said {
  message: StoredMessage;
  seq: number;
  minute: number;
}

interface SaidRow {
  ord: number;
  id: string;
  seq: number;
  minute: number;
  status: 'pending' | 'visible';
  author: string;
}

/**
 * The hot path: participants' messages, any number of them across rooms, in ONE statement — seqs,
 * checks, messages and events — so one round trip and one commit carry a whole batch.
 *
 * - Rooms are locked in id order (no deadlock between batches, even from two nodes).
 * - The checks that can change (closed, not started, silenced = muted or removed) sit on the locked
 *   room row, so Postgres re-checks them against the latest version after any lock wait: a mute
 *   committed meanwhile always wins. The count of a room's new seqs and the filter use that same row.
 * Returns one entry per input, null where a check failed: the caller then runs the transactional
 * path for that message to get the exact reason.
 */
export async function sayMany(
  database: Pick<DatabaseHandle, 'db' | 'pool'>,
  says: NewSay[],
): Promise<Array<Said | null>> {
  const query = sql<SaidRow>`
    with input as (
      select * from unnest(${says.map((s) => s.roomId)}::uuid[], ${says.map((s) => s.seatId)}::uuid[],
        ${says.map((s) => s.text)}::text[], ${says.map((s) => s.clientId)}::text[],
        ${says.map((_, i) => i)}::int[]) as t(room_id, seat_id, body, client_id, ord)
    ),
    known as (
      select i.*, s.pseudonym
      from input i join focus_group_seat s on s.id = i.seat_id and s.focus_group_id = i.room_id
      where i.client_id is null
        or not exists (select 1 from focus_group_message m where m.seat_id = i.seat_id and m.client_id = i.client_id)
    ),
    locked as (
      select id from focus_group where id in (select room_id from known) order by id for update
    ),
    slot as (
      update focus_group g
      set last_seq = g.last_seq + (
        select count(*) from known k where k.room_id = g.id and not (k.seat_id = any(g.silenced_seats)))
      where g.id in (select id from locked) and g.closed_at is null and now() >= g.starts_at
      returning g.id, g.last_seq, g.moderation, g.silenced_seats,
        greatest(0, floor(extract(epoch from (now() - g.starts_at)) / 60))::int as minute
    ),
    numbered as (
      select k.*, slot.last_seq - count(*) over (partition by k.room_id)
          + row_number() over (partition by k.room_id order by k.ord) as seq,
        slot.moderation, slot.minute
      from known k join slot on slot.id = k.room_id
      where not (k.seat_id = any(slot.silenced_seats))
    ),
    message as (
      insert into focus_group_message (focus_group_id, seq, seat_id, author, author_kind, text, minute, status, client_id)
      select room_id, seq, seat_id, pseudonym, 'participant', body, minute,
        case when moderation = 'pre' then 'pending' else 'visible' end, client_id
      from numbered
      returning id, focus_group_id, seq, minute, status, author
    ),
    event as (
      insert into focus_group_event (focus_group_id, seq, kind, message_id, minute, detail)
      select focus_group_id, seq, 'message', id, minute, jsonb_build_object('status', status) from message
    )
    select n.ord, m.id, m.seq, m.minute, m.status, m.author
    from message m join numbered n on n.room_id = m.focus_group_id and n.seq = m.seq`.compile(database.db);
  // On Postgres a named statement: parsed and planned once per connection, not once per batch.
  const rows = database.pool
    ? (
        await database.pool.query<SaidRow>({
          name: 'focus-group-say',
          text: query.sql,
          values: [...query.parameters],
        })
      ).rows
    : (await database.db.executeQuery(query)).rows;
  const results: Array<Said | null> = says.map(() => null);
  for (const row of rows) {
    const say = says[Number(row.ord)]!;
    results[Number(row.ord)] = {
      seq: Number(row.seq),
      minute: Number(row.minute),
      message: {
        id: row.id,
        seatId: say.seatId,
        author: row.author,
        authorKind: 'participant',
        text: say.text,
        status: row.status,
        hiddenReason: null,
        clientId: say.clientId,
      },
    };
  }
  return results;
}

interface Waiting {
  say: NewSay;
  resolve: (said: Said | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for participants' messages: while batches are being written, the next messages
 * queue, then go together in one statement and one commit. Idle, a message waits only for the
 * current tick; under load batches grow by themselves, so throughput rises instead of latency
 * exploding. Concurrent batches (here or on other nodes) cannot deadlock: each locks its rooms in
 * id order.
 */
export class SayBatcher {
  private queue: Waiting[] = [];
  private writing = 0;
  private scheduled = false;

  constructor(
    private readonly database: Pick<DatabaseHandle, 'db' | 'pool'>,
    /** Batches written at once: while one waits for its commit, the next is already on its way. */
    private readonly concurrency = 2,
    private readonly maxBatch = 256,
  ) {}

  /** Stores the message; null when a check failed (closed, not started, silenced, unknown seat, duplicate). */
  say(say: NewSay): Promise<Said | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ say, resolve, reject });
      this.pump();
    });
  }

  /** Starts a batch if a writer is free; the messages of this tick go together. */
  private pump() {
    if (this.scheduled || this.writing >= this.concurrency || !this.queue.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.writing >= this.concurrency || !this.queue.length) return;
      const batch = this.queue.splice(0, this.maxBatch);
      this.writing++;
      void this.write(batch).finally(() => {
        this.writing--;
        this.pump();
      });
      this.pump();
    });
  }

  private async write(batch: Waiting[]) {
    try {
      const results = await sayMany(
        this.database,
        batch.map((waiting) => waiting.say),
      );
      batch.forEach((waiting, i) => waiting.resolve(results[i] ?? null));
    } catch (error) {
      if (batch.length > 1 && (isUniqueViolation(error) || isDataException(error))) {
        // A duplicate (same seat, same clientId) raced in, or one value the database refuses: write
        // one by one so only that message fails, never its neighbours.
        for (const waiting of batch) await this.write([waiting]);
        return;
      }
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
