import { afterEach, beforeAll, expect, test } from 'vitest';
import type { MessageEvent, WelcomeFrame } from '../../common/focus-groups/protocol.ts';
import { build } from '../helpers/build.ts';
import { Client, listen, moderator, scheduleRoom, sockets, socketUrl, takeSeatIn } from './helpers.ts';

const t = build();
const open = sockets();
let base = '';
beforeAll(async () => {
  base = await listen(t.app);
});
afterEach(() => open.closeAll());

const isMessage = (text: string) => (frame: { type: string }) =>
  frame.type === 'message' && (frame as MessageEvent).text === text;

async function room(moderation: 'pre' | 'post') {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation });
  const [amber, birch] = [await takeSeatIn(t.app, id), await takeSeatIn(t.app, id)];
  const url = socketUrl(base, id);
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  const [a] = open.track(await Client.join(url, { seat: amber.seat }));
  const [b] = open.track(await Client.join(url, { seat: birch.seat }));
  return { id, url, mod, modSocket, amber, birch, a, b };
}

test('pre-moderation: the author and moderators see a pending message, others nothing until it is approved', async () => {
  const { id, modSocket, amber, a, b } = await room('pre');
  a.send({ type: 'say', text: 'Files wait three days for a missing signature.', clientId: 'c-1' });

  const own = await a.next<MessageEvent>(isMessage('Files wait three days for a missing signature.'));
  expect(own).toMatchObject({ status: 'pending', author: amber.pseudonym, clientId: 'c-1', mine: true });
  const queued = await modSocket.next<MessageEvent>(
    isMessage('Files wait three days for a missing signature.'),
  );
  expect(queued).toMatchObject({ status: 'pending', id: own.id, seq: own.seq });
  expect(queued).not.toHaveProperty('clientId');

  modSocket.send({ type: 'approve', id: own.id });
  const seen = await b.next<MessageEvent>(isMessage('Files wait three days for a missing signature.'));
  // What b saw is the approval (a later seq), never the pending original.
  expect(seen).toMatchObject({ status: 'visible', id: own.id, author: amber.pseudonym });
  expect(seen.seq).toBeGreaterThan(own.seq);
  expect(seen).not.toHaveProperty('clientId');
  expect(b.frames.filter((frame) => frame.type === 'message')).toHaveLength(1);
  expect(await a.next<MessageEvent>((f) => f.type === 'message' && f.status === 'visible')).toMatchObject({
    id: own.id,
    mine: true,
  });

  const row = await t.app.db
    .selectFrom('focus_group_message')
    .select(['status', 'author', 'minute', 'seat_id'])
    .where('id', '=', own.id)
    .executeTakeFirstOrThrow();
  expect(row).toMatchObject({ status: 'visible', author: amber.pseudonym, minute: 1 });
  const events = await t.app.db
    .selectFrom('focus_group_event')
    .select(['seq', 'kind'])
    .where('focus_group_id', '=', id)
    .orderBy('seq')
    .execute();
  expect(events.map((e) => e.kind)).toEqual(['seated', 'seated', 'message', 'approved']);
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  const audit = await t.app.db
    .selectFrom('audit_log')
    .select(['action', 'target_id'])
    .where('action', '=', 'focus-group.approve')
    .execute();
  expect(audit).toEqual([{ action: 'focus-group.approve', target_id: id }]);
});

test('post-moderation: visible at once; a hidden message disappears and late joiners never get its text', async () => {
  const { id, url, modSocket, a, b, birch } = await room('post');
  a.send({ type: 'say', text: 'My manager Dana Smith blocks every request.', clientId: 'x' });
  const seen = await b.next<MessageEvent>(isMessage('My manager Dana Smith blocks every request.'));
  expect(seen.status).toBe('visible');

  modSocket.send({ type: 'hide', id: seen.id, reason: 'Names a colleague' });
  expect(await b.next((f) => f.type === 'hidden')).toEqual({
    type: 'hidden',
    seq: seen.seq + 1,
    id: seen.id,
  });
  expect(await a.next((f) => f.type === 'hidden')).toEqual({
    type: 'hidden',
    seq: seen.seq + 1,
    id: seen.id,
    reason: 'Names a colleague',
  });

  await b.close();
  const [late] = open.track(await Client.join(url, { seat: birch.seat }, 0));
  expect(late.texts()).not.toContain('My manager Dana Smith blocks every request.');
  const row = await t.app.db
    .selectFrom('focus_group_message')
    .select(['status', 'hidden_reason'])
    .where('focus_group_id', '=', id)
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ status: 'hidden', hidden_reason: 'Names a colleague' });
});

test('a muted seat cannot speak until unmuted; a removed seat is closed 4005 and cannot return', async () => {
  const { id, url, modSocket, amber, a, b } = await room('post');
  modSocket.send({ type: 'mute', pseudonym: amber.pseudonym });
  expect(await b.next((f) => f.type === 'muted')).toMatchObject({ pseudonym: amber.pseudonym });
  await a.next((f) => f.type === 'muted');

  a.send({ type: 'say', text: 'Can anyone hear me?', clientId: 'm1' });
  expect(await a.next((f) => f.type === 'error')).toMatchObject({ error: 'muted', clientId: 'm1' });
  a.send({ type: 'react', id: '00000000-0000-4000-8000-000000000000', emoji: '👍' });
  expect(await a.next((f) => f.type === 'error')).toMatchObject({ error: 'muted' });
  const count = () =>
    t.app.db.selectFrom('focus_group_message').select('id').where('focus_group_id', '=', id).execute();
  expect(await count()).toHaveLength(0);

  modSocket.send({ type: 'unmute', pseudonym: amber.pseudonym });
  await a.next((f) => f.type === 'unmuted');
  a.send({ type: 'say', text: 'Thanks, back again.' });
  await b.next(isMessage('Thanks, back again.'));

  modSocket.send({ type: 'remove', pseudonym: amber.pseudonym });
  expect(await b.next((f) => f.type === 'removed')).toMatchObject({ pseudonym: amber.pseudonym });
  expect(await a.closed).toMatchObject({ code: 4005 });

  const again = open.track(await Client.open(url));
  again.send({ type: 'hello', seat: amber.seat, lastSeq: 0 });
  expect(await again.closed).toMatchObject({ code: 4005 });
  const seat = await t.app.db
    .selectFrom('focus_group_seat')
    .select(['muted', 'removed'])
    .where('pseudonym', '=', amber.pseudonym)
    .executeTakeFirstOrThrow();
  expect(seat).toEqual({ muted: false, removed: true });
  const actions = await t.app.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', id)
    .orderBy('id')
    .execute();
  expect(actions.map((row) => row.action)).toEqual([
    'focus-group.create',
    'focus-group.mute',
    'focus-group.unmute',
    'focus-group.remove',
  ]);
});

test('a reconnect after a dropped connection receives exactly the events it missed', async () => {
  const { url, a, b, birch, modSocket } = await room('post');
  a.send({ type: 'say', text: 'before the drop' });
  await b.next(isMessage('before the drop'));
  const lastSeq = Math.max(...b.seqs());

  b.ws.terminate(); // no close handshake: the network just went away
  await b.closed;
  for (const text of ['missed one', 'missed two', 'missed three']) {
    a.send({ type: 'say', text });
    await a.next(isMessage(text));
  }
  modSocket.send({ type: 'prompt', text: 'What would you change first?' });
  await a.next((f) => f.type === 'prompt');

  const [back, welcome] = open.track(await Client.join(url, { seat: birch.seat }, lastSeq));
  expect(welcome.backlog.map((event) => (event.type === 'message' ? event.text : event.type))).toEqual([
    'missed one',
    'missed two',
    'missed three',
    'prompt',
  ]);
  expect(welcome.backlog.every((event) => event.seq > lastSeq)).toBe(true);
  expect(welcome.seq).toBe(welcome.backlog.at(-1)!.seq);

  // Live delivery continues after the backlog without a gap or a repeat.
  a.send({ type: 'say', text: 'after the return' });
  const live = await back.next<MessageEvent>(isMessage('after the return'));
  const all = [...b.seqs(), ...back.seqs()];
  expect(new Set(all).size).toBe(all.length);
  expect(live.seq).toBe(welcome.seq + 1);
});

test('a participant sees prompts, reactions and pins; the welcome tells who they are', async () => {
  const { url, modSocket, amber, a, b, birch } = await room('post');
  modSocket.send({ type: 'prompt', text: 'Where do files get stuck?' });
  expect(await b.next((f) => f.type === 'prompt')).toMatchObject({
    text: 'Where do files get stuck?',
    minute: 1,
  });
  a.send({ type: 'say', text: 'At the credit check.' });
  const message = await b.next<MessageEvent>(isMessage('At the credit check.'));
  b.send({ type: 'react', id: message.id, emoji: '👍' });
  expect(await a.next((f) => f.type === 'reaction')).toMatchObject({ id: message.id, emoji: '👍', count: 1 });
  b.send({ type: 'react', id: message.id, emoji: '👍' });
  expect(await a.next((f) => f.type === 'reaction')).toMatchObject({ count: 0 });
  modSocket.send({ type: 'pin', id: message.id });
  expect(await b.next((f) => f.type === 'pinned')).toMatchObject({ id: message.id });

  const [, welcome] = open.track(await Client.join(url, { seat: amber.seat }));
  expect(welcome).toMatchObject<Partial<WelcomeFrame>>({
    v: 1,
    you: { role: 'participant', pseudonym: amber.pseudonym, muted: false },
  });
  expect(welcome.room).toMatchObject({ status: 'live', moderation: 'post', prompts: [] });
  expect(welcome.backlog.map((e) => e.type)).toEqual([
    'seated',
    'seated',
    'prompt',
    'message',
    'reaction',
    'reaction',
    'pinned',
  ]);
  expect(birch.pseudonym).not.toBe(amber.pseudonym);
});

test('a message re-sent with the same clientId (after a reconnect) is stored once', async () => {
  const { id, a, b } = await room('post');
  a.send({ type: 'say', text: 'Only once, please.', clientId: 'same-1' });
  await b.next(isMessage('Only once, please.'));
  a.send({ type: 'say', text: 'Only once, please.', clientId: 'same-1' });
  expect(await a.next((f) => f.type === 'error')).toMatchObject({ error: 'duplicate', clientId: 'same-1' });
  const rows = await t.app.db
    .selectFrom('focus_group_message')
    .select('text')
    .where('focus_group_id', '=', id)
    .execute();
  expect(rows).toEqual([{ text: 'Only once, please.' }]);
});
