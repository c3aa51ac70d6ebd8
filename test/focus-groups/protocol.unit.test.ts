import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode, NoteBatcher } from '../../server/focus-groups/bus.ts';
import {
  CloseCode,
  MAX_MESSAGE_LENGTH,
  parseClientFrame,
  RESUMABLE_CLOSE_CODES,
} from '../../common/focus-groups/protocol.ts';
import { PSEUDONYM_COUNT, pickPseudonym } from '../../server/focus-groups/pseudonyms.ts';
import type { StoredEvent } from '../../server/focus-groups/queries.ts';
import { render } from '../../server/focus-groups/render.ts';
import { transcriptCsv } from '../../server/focus-groups/transcript.ts';

const id = '3f1e4c1a-8b6d-4d2f-9a51-0c6b1f2e7d11';

describe('parseClientFrame', () => {
  test('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const parsed = parseClientFrame(raw);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  test('accepts each frame type in its documented shape', () => {
    const good = [
      { type: 'hello', lastSeq: 0 },
      { type: 'hello', v: 1, seat: 's'.repeat(43), lastSeq: 12 },
      { type: 'say', text: 'hi', clientId: 'c1' },
      { type: 'react', id, emoji: '💡' },
      { type: 'approve', id },
      { type: 'hide', id, reason: 'names a colleague' },
      { type: 'mute', pseudonym: 'Amber Heron' },
      { type: 'unmute', pseudonym: 'Amber Heron' },
      { type: 'remove', pseudonym: 'Amber Heron' },
      { type: 'prompt', text: 'What would you change first?' },
      { type: 'pin', id },
      { type: 'pin', id: null },
      { type: 'close' },
    ];
    for (const frame of good)
      expect(parseClientFrame(JSON.stringify(frame)), JSON.stringify(frame)).toMatchObject({ ok: true });
  });

  test('names what is wrong', () => {
    const cases: Array<[unknown, string]> = [
      ['{', 'invalid_json'],
      [[1, 2], 'invalid_frame'],
      [{ kind: 'say' }, 'invalid_frame'],
      [{ type: 'shout' }, 'unknown_type'],
      [{ type: 'say', text: '' }, 'empty'],
      [{ type: 'say', text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }, 'too_long'],
      [{ type: 'say', text: 'hi', admin: true }, 'invalid_frame'],
      [{ type: 'say', text: 'hi', clientId: 'x'.repeat(65) }, 'invalid_frame'],
      [{ type: 'hello', lastSeq: -1 }, 'invalid_frame'],
      [{ type: 'hello', lastSeq: 1.5 }, 'invalid_frame'],
      [{ type: 'hello', seat: 'short', lastSeq: 0 }, 'invalid_frame'],
      [{ type: 'react', id, emoji: '🔥' }, 'invalid_frame'],
      [{ type: 'approve', id: 'not-an-id' }, 'invalid_frame'],
      [{ type: 'pin' }, 'invalid_frame'],
      [{ type: 'close', now: true }, 'invalid_frame'],
    ];
    for (const [frame, error] of cases) {
      const raw = typeof frame === 'string' ? frame : JSON.stringify(frame);
      expect(parseClientFrame(raw), raw.slice(0, 60)).toMatchObject({ ok: false, error });
    }
  });

  test('counts characters as people do: 1000 emoji are 1000 characters', () => {
    expect(parseClientFrame(JSON.stringify({ type: 'say', text: '🙂'.repeat(1000) })).ok).toBe(true);
    expect(parseClientFrame(JSON.stringify({ type: 'say', text: '  padded  ' }))).toMatchObject({
      frame: { text: 'padded' },
    });
  });
});

test('close codes are distinct and only the transient ones resume', () => {
  const codes = Object.values(CloseCode);
  expect(new Set(codes).size).toBe(codes.length);
  expect(RESUMABLE_CLOSE_CODES.has(CloseCode.slowConsumer)).toBe(true);
  for (const terminal of [
    CloseCode.removed,
    CloseCode.replaced,
    CloseCode.roomClosed,
    CloseCode.unauthenticated,
    CloseCode.flooding,
  ]) {
    expect(RESUMABLE_CLOSE_CODES.has(terminal)).toBe(false);
  }
});

describe('render', () => {
  const message = (status: 'pending' | 'visible' | 'hidden') => ({
    id,
    seatId: 'seat-a',
    author: 'Amber Heron',
    authorKind: 'participant' as const,
    text: 'secret-ish',
    status,
    hiddenReason: null,
    clientId: 'c9',
  });
  const event = (
    kind: StoredEvent['kind'],
    detail: Record<string, unknown>,
    current: 'pending' | 'visible' | 'hidden',
  ): StoredEvent => ({
    seq: 7,
    kind,
    minute: 3,
    detail,
    message: message(current),
  });

  test('others never get the text of a pending or since-hidden message; the author and moderators do', () => {
    expect(render(event('message', { status: 'pending' }, 'pending'), 'public')).toBeNull();
    expect(render(event('message', { status: 'visible' }, 'hidden'), 'public')).toBeNull();
    expect(render(event('approved', {}, 'hidden'), 'public')).toBeNull();
    expect(render(event('message', { status: 'pending' }, 'pending'), 'author')).toMatchObject({
      status: 'pending',
      clientId: 'c9',
      mine: true,
    });
    expect(render(event('message', { status: 'pending' }, 'pending'), 'moderator')).not.toHaveProperty(
      'clientId',
    );
    expect(render(event('message', { status: 'visible' }, 'visible'), 'public')).toEqual({
      type: 'message',
      seq: 7,
      id,
      author: 'Amber Heron',
      authorKind: 'participant',
      text: 'secret-ish',
      status: 'visible',
      minute: 3,
    });
  });

  test('a hide reaches others only if they had seen the message, and without the reason', () => {
    expect(render(event('hidden', { wasVisible: false, reason: 'r' }, 'hidden'), 'public')).toBeNull();
    expect(render(event('hidden', { wasVisible: true, reason: 'r' }, 'hidden'), 'public')).toEqual({
      type: 'hidden',
      seq: 7,
      id,
    });
    expect(render(event('hidden', { wasVisible: false, reason: 'r' }, 'hidden'), 'author')).toEqual({
      type: 'hidden',
      seq: 7,
      id,
      reason: 'r',
    });
  });
});

test('pseudonyms: readable, and unique until every name is taken', () => {
  const taken = new Set<string>();
  for (let i = 0; i < 200; i++) taken.add(pickPseudonym(taken));
  expect(taken.size).toBe(200);
  expect(PSEUDONYM_COUNT).toBeGreaterThanOrEqual(2000);
});

test('bus notes decode from their small wire format and nothing else', () => {
  expect(decode(`e|${id}|42`)).toEqual([{ kind: 'event', room: id, seq: 42 }]);
  expect(decode(`s|${id}|seat|conn|5;e|${id}|7`)).toEqual([
    { kind: 'seat', room: id, seat: 'seat', connection: 'conn', stamp: 5 },
    { kind: 'event', room: id, seq: 7 },
  ]);
  expect(decode('garbage')).toEqual([]);
});

test('notes published in one tick travel together, one highest seq per room', async () => {
  const payloads: string[] = [];
  const batcher = new NoteBatcher(async (payload) => {
    payloads.push(payload);
  });
  const other = '9b2f0a1c-1111-4222-8333-444455556666';
  await Promise.all([
    batcher.add({ kind: 'event', room: id, seq: 3 }),
    batcher.add({ kind: 'event', room: id, seq: 5 }),
    batcher.add({ kind: 'event', room: other, seq: 1 }),
    batcher.add({ kind: 'event', room: id, seq: 4 }),
  ]);
  expect(payloads).toEqual([`e|${id}|5;e|${other}|1`]);
  const many = Array.from({ length: 400 }, (_, i) =>
    batcher.add({ kind: 'event', room: `${i}`.padStart(36, '0'), seq: i + 1 }),
  );
  await Promise.all(many);
  expect(payloads.length).toBeGreaterThan(2);
  for (const payload of payloads) expect(payload.length).toBeLessThan(8000);
  expect(payloads.slice(1).flatMap((p) => decode(p))).toHaveLength(400);
});

test('CSV cells that a spreadsheet would run are defused', () => {
  const csv = transcriptCsv([
    { seq: 1, minute: 0, kind: 'message', author: 'Amber Heron', text: '@SUM(A1)' },
  ]);
  expect(csv).toContain("'@SUM(A1)");
});
