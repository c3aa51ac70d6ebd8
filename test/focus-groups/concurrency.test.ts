import { expect, test } from 'vitest';
import { ActionError } from '../../server/focus-groups/actions.ts';
import { build } from '../helpers/build.ts';
import { moderator, scheduleRoom, takeSeatIn } from './helpers.ts';

const t = build();

test('concurrent messages across rooms get gap-free, unique seqs, and a racing mute always wins', async () => {
  const mod = await moderator(t.app);
  const staff = {
    id: mod.id,
    username: mod.username,
    displayName: mod.username,
    role: 'moderator' as const,
    mustChangePassword: false,
  };
  const rooms = [];
  for (let r = 0; r < 3; r++) {
    const { id } = await scheduleRoom(t.app, mod, { moderation: r === 2 ? 'pre' : 'post' });
    for (let s = 0; s < 4; s++) await takeSeatIn(t.app, id);
    const seats = await t.app.db
      .selectFrom('focus_group_seat')
      .select(['id', 'pseudonym'])
      .where('focus_group_id', '=', id)
      .execute();
    rooms.push({ id, seats });
  }
  const target = rooms[0]!.seats[0]!;
  const hub = t.app.focusGroups;
  const work: Promise<unknown>[] = [];
  for (let round = 0; round < 8; round++) {
    for (const room of rooms) {
      for (const seat of room.seats) {
        work.push(
          hub.perform(
            room.id,
            { role: 'participant', seatId: seat.id },
            { type: 'say', text: `r${round} ${seat.pseudonym}`, clientId: `${round}` },
          ),
        );
      }
    }
    if (round === 3)
      work.push(
        hub.perform(
          rooms[0]!.id,
          { role: 'moderator', staff },
          { type: 'mute', pseudonym: target.pseudonym },
        ),
      );
  }
  const settled = await Promise.allSettled(work);
  const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
  expect(refused.every((reason) => reason instanceof ActionError && reason.code === 'muted')).toBe(true);

  for (const room of rooms) {
    const { last_seq } = await t.app.db
      .selectFrom('focus_group')
      .select('last_seq')
      .where('id', '=', room.id)
      .executeTakeFirstOrThrow();
    const events = await t.app.db
      .selectFrom('focus_group_event')
      .select(['seq', 'kind', 'message_id', 'detail'])
      .where('focus_group_id', '=', room.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: last_seq }, (_, i) => i + 1));
    const messages = await t.app.db
      .selectFrom('focus_group_message')
      .select(['id', 'seq', 'seat_id', 'status'])
      .where('focus_group_id', '=', room.id)
      .execute();
    const messageEvents = events.filter((e) => e.kind === 'message');
    expect(messageEvents).toHaveLength(messages.length);
    for (const message of messages) {
      expect(events.find((e) => e.seq === message.seq)?.message_id).toBe(message.id);
      expect(message.status).toBe(room === rooms[2] ? 'pending' : 'visible');
    }
    if (room === rooms[0]) {
      const muted = events.find((e) => e.kind === 'muted')!;
      const after = messages.filter((m) => m.seat_id === target.id && m.seq > muted.seq);
      expect(after).toEqual([]);
      expect(messages.filter((m) => m.seat_id === target.id).length + refused.length).toBe(8);
    } else {
      expect(messages).toHaveLength(32);
    }
  }
});
