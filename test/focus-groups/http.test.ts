import { afterEach, beforeAll, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/focus-groups/limits.ts';
import { focusGroupThemeSource } from '../../server/focus-groups/queries.ts';
import type { MessageEvent } from '../../common/focus-groups/protocol.ts';
import { build } from '../helpers/build.ts';
import { enrolMember } from '../helpers/members.ts';
import {
  Client,
  eventually,
  listen,
  moderator,
  scheduleRoom,
  sockets,
  socketUrl,
  takeSeatIn,
} from './helpers.ts';

const t = build();
const open = sockets();
let base = '';
beforeAll(async () => {
  base = await listen(t.app);
});
afterEach(() => open.closeAll());

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const isMessage = (text: string) => (frame: { type: string }) =>
  frame.type === 'message' && (frame as MessageEvent).text === text;

test('scheduling needs a staff session, sane times and a valid body', async () => {
  const mod = await moderator(t.app);
  const body = {
    title: 'Month-end close in Finance',
    prompts: ['What slows the close?'],
    startsAt: inAnHour(),
    endsAt: new Date(Date.now() + 7200_000).toISOString(),
    moderation: 'post',
  };
  const anonymous = await t.app.inject({ method: 'POST', url: '/api/mod/focus-groups', payload: body });
  expect(anonymous.statusCode).toBe(401);

  const backwards = await t.app.inject({
    method: 'POST',
    url: '/api/mod/focus-groups',
    headers: mod.headers,
    payload: { ...body, endsAt: body.startsAt, startsAt: body.endsAt },
  });
  expect(backwards.statusCode).toBe(400);
  expect(backwards.json().error).toBe('invalid_times');
  for (const bad of [
    { capacity: 201 },
    { capacity: 2 },
    { prompts: [] },
    { moderation: 'none' },
    { title: '' },
    { extra: 1 },
  ]) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mod/focus-groups',
      headers: mod.headers,
      payload: { ...body, ...bad },
    });
    expect(response.statusCode, JSON.stringify(bad)).toBe(400);
  }
  const before = await t.app.db.selectFrom('focus_group').select('id').execute();

  const created = await t.app.inject({
    method: 'POST',
    url: '/api/mod/focus-groups',
    headers: mod.headers,
    payload: body,
  });
  expect(created.statusCode).toBe(201);
  const { id, scope } = created.json();
  expect(scope).toBe(`focus-group:${id}`);
  const row = await t.app.db
    .selectFrom('focus_group')
    .select(['title', 'capacity', 'moderation', 'created_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  expect(row).toEqual({
    title: 'Month-end close in Finance',
    capacity: 12,
    moderation: 'post',
    created_by: mod.id,
  });
  expect(await t.app.db.selectFrom('focus_group').select('id').execute()).toHaveLength(before.length + 1);
});

test('employees list upcoming and live sessions without the prompts; moderators see everything', async () => {
  const mod = await moderator(t.app);
  const upcoming = await scheduleRoom(t.app, mod, {
    title: 'Branch staffing rota',
    startsAt: inAnHour(),
    endsAt: new Date(Date.now() + 7200_000).toISOString(),
  });
  const live = await scheduleRoom(t.app, mod, { title: 'Claims handoffs', capacity: 5 });
  const closed = await scheduleRoom(t.app, mod, { title: 'Old session' });
  await takeSeatIn(t.app, live.id);
  await t.app.inject({
    method: 'POST',
    url: `/api/mod/focus-groups/${closed.id}/close`,
    headers: mod.headers,
  });

  const list = (await t.app.inject({ method: 'GET', url: '/api/focus-groups' })).json().focusGroups as Array<
    Record<string, unknown>
  >;
  const byId = new Map(list.map((item) => [item.id, item]));
  expect(byId.get(upcoming.id)).toMatchObject({
    status: 'upcoming',
    title: 'Branch staffing rota',
    scope: `focus-group:${upcoming.id}`,
  });
  expect(byId.get(live.id)).toMatchObject({ status: 'live', seatsLeft: 4, capacity: 5 });
  expect(byId.has(closed.id)).toBe(false);
  expect(byId.get(live.id)).not.toHaveProperty('prompts');

  const one = await t.app.inject({ method: 'GET', url: `/api/focus-groups/${live.id}` });
  expect(one.json()).toMatchObject({ id: live.id, seatsLeft: 4 });
  expect(
    (await t.app.inject({ method: 'GET', url: '/api/focus-groups/00000000-0000-4000-8000-000000000000' }))
      .statusCode,
  ).toBe(404);

  expect((await t.app.inject({ method: 'GET', url: '/api/mod/focus-groups' })).statusCode).toBe(401);
  const staffList = (
    await t.app.inject({ method: 'GET', url: '/api/mod/focus-groups', headers: mod.headers })
  ).json().focusGroups;
  expect(staffList.find((item: { id: string }) => item.id === closed.id)).toMatchObject({ status: 'closed' });
  expect(staffList.find((item: { id: string }) => item.id === live.id)).toMatchObject({
    seats: 1,
    pending: 0,
    prompts: ['Where do files get stuck?', 'What would you change first?'],
  });
});

test('a seat is stored only as a keyed hash; pseudonyms are unique in the room; logs never hold the secret', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { capacity: 40 });
  const seats = [];
  for (let i = 0; i < 12; i++) seats.push(await takeSeatIn(t.app, id));
  expect(new Set(seats.map((s) => s.pseudonym)).size).toBe(12);
  for (const { pseudonym } of seats) expect(pseudonym).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  const rows = await t.app.db
    .selectFrom('focus_group_seat')
    .select(['seat_hash'])
    .where('focus_group_id', '=', id)
    .execute();
  expect(rows.map((r) => r.seat_hash).sort()).toEqual(
    seats.map((s) => t.app.secrets.hmac('seat', s.seat)).sort(),
  );
  const [client] = open.track(await Client.join(socketUrl(base, id), seats[0]!));
  client.send({ type: 'hello', seat: seats[0]!.seat, lastSeq: 0 });
  await client.next((f) => f.type === 'error');
  const logs = t.rawLogs.join('\n');
  for (const { seat } of seats) expect(logs).not.toContain(seat);
});

test('a seat costs one focus-group token: none, a wrong scope or a replayed one is refused', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod);
  const other = await scheduleRoom(t.app, mod);
  const member = await enrolMember(t.app);
  const seats = () =>
    t.app.db.selectFrom('focus_group_seat').select('pseudonym').where('focus_group_id', '=', id).execute();
  const post = (authorization?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/focus-groups/${id}/seats`,
      headers: authorization ? { authorization } : {},
    });

  expect((await post()).json()).toMatchObject({ error: 'token_invalid' });
  const [general] = await member.tokens('general', 1);
  expect((await post(general)).json()).toMatchObject({ error: 'token_invalid' });
  const [wrongRoom] = await member.tokens(`focus-group:${other.id}`, 1);
  expect((await post(wrongRoom)).statusCode).toBe(401);

  const [token] = await member.tokens(`focus-group:${id}`, 1);
  const first = await post(token);
  expect(first.statusCode).toBe(201);
  expect(first.json()).toEqual({
    seat: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    pseudonym: expect.any(String),
  });
  const replay = await post(token);
  expect(replay.statusCode).toBe(401);
  expect(replay.json().error).toBe('token_spent');
  expect(await seats()).toHaveLength(1);
  // One seat per member: the scope's budget is 1.
  await expect(member.tokens(`focus-group:${id}`, 1)).rejects.toThrow(/429|budget/);
});

test('a refused seat (room full) does not burn the token', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { capacity: 3 });
  for (let i = 0; i < 3; i++) await takeSeatIn(t.app, id);
  const [token] = await (await enrolMember(t.app)).tokens(`focus-group:${id}`, 1);
  const spent = () => t.app.db.selectFrom('spent_token').select('nullifier').execute();
  const before = (await spent()).length;
  const full = await t.app.inject({
    method: 'POST',
    url: `/api/focus-groups/${id}/seats`,
    headers: { authorization: token },
  });
  expect(full.statusCode).toBe(409);
  expect(full.json().error).toBe('room_full');
  expect(await spent()).toHaveLength(before);
});

test('transcripts: prompts and visible messages with pseudonyms only, as Markdown and CSV', async () => {
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, {
    moderation: 'pre',
    title: 'Handoffs between Underwriting and Loan Processing',
  });
  const [amber, birch] = [await takeSeatIn(t.app, id), await takeSeatIn(t.app, id)];
  const url = socketUrl(base, id);
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  const [a] = open.track(await Client.join(url, amber));
  const [b] = open.track(await Client.join(url, birch));
  modSocket.send({ type: 'prompt', text: 'Where do files get stuck?' });
  await a.next((f) => f.type === 'prompt');
  a.send({ type: 'say', text: 'Valuations come back "incomplete", with no reason.' });
  const first = await modSocket.seen<MessageEvent>(
    isMessage('Valuations come back "incomplete", with no reason.'),
  );
  b.send({ type: 'say', text: '=HYPERLINK("http://evil")' });
  b.send({ type: 'say', text: 'Call me on 0412 345 678 about it' });
  const formula = await modSocket.seen<MessageEvent>(isMessage('=HYPERLINK("http://evil")'));
  const phone = await modSocket.seen<MessageEvent>(isMessage('Call me on 0412 345 678 about it'));
  modSocket.send({ type: 'approve', id: first.id });
  modSocket.send({ type: 'approve', id: formula.id });
  modSocket.send({ type: 'hide', id: phone.id, reason: 'Contains a phone number' });
  await b.next((f) => f.type === 'hidden');

  expect(
    (await t.app.inject({ method: 'GET', url: `/api/mod/focus-groups/${id}/transcript.md` })).statusCode,
  ).toBe(401);
  const md = await t.app.inject({
    method: 'GET',
    url: `/api/mod/focus-groups/${id}/transcript.md`,
    headers: mod.headers,
  });
  expect(md.statusCode).toBe(200);
  expect(md.headers['content-type']).toContain('text/markdown');
  expect(md.headers['content-disposition']).toMatch(
    /attachment; filename="focus-group-\d{4}-\d{2}-\d{2}-handoffs-between-underwriting/,
  );
  expect(md.body).toContain('# Handoffs between Underwriting and Loan Processing');
  expect(md.body).toContain('## Where do files get stuck?');
  expect(md.body).toContain(`**${amber.pseudonym}** · minute 1`);
  expect(md.body).toContain('> Valuations come back "incomplete", with no reason.');
  expect(md.body).toContain('_1 message was hidden by the moderator and is not included._');
  expect(md.body).not.toContain('0412 345 678');
  expect(md.body).not.toContain(mod.username);

  const csv = await t.app.inject({
    method: 'GET',
    url: `/api/mod/focus-groups/${id}/transcript.csv`,
    headers: mod.headers,
  });
  expect(csv.headers['content-type']).toContain('text/csv');
  const lines = csv.body.trim().split('\r\n');
  expect(lines[0]).toBe('seq,minute,kind,author,text');
  expect(lines.slice(1).map((line) => line.split(',').slice(2, 4).join(','))).toEqual([
    'prompt,Moderator',
    `message,${amber.pseudonym}`,
    `message,${birch.pseudonym}`,
  ]);
  expect(csv.body).toContain('"Valuations come back ""incomplete"", with no reason."');
  expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
  expect(csv.body).not.toContain('0412');
  for (const body of [md.body, csv.body]) expect(body).not.toMatch(/\d{2}:\d{2}:\d{2}/);
});

test('visible participant messages feed the themes, published once the session closes', async () => {
  t.app.focusGroups.configure({ themesCoalesceMs: 0 });
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation: 'post' });
  const seat = await takeSeatIn(t.app, id);
  const changes: string[] = [];
  const stop = t.app.contentEvents.onChanged((change) => changes.push(change.source));
  const url = socketUrl(base, id);
  const [modSocket] = open.track(await Client.join(url, { cookie: mod.cookie }));
  const [a] = open.track(await Client.join(url, seat));
  a.send({ type: 'say', text: 'The loan checklist changes every week.' });
  a.send({ type: 'say', text: 'Hide me please.' });
  modSocket.send({ type: 'say', text: 'Thanks, noted.' });
  const hideMe = await modSocket.seen<MessageEvent>(isMessage('Hide me please.'));
  await modSocket.seen(isMessage('Thanks, noted.'));
  modSocket.send({ type: 'hide', id: hideMe.id });
  await a.next((f) => f.type === 'hidden');

  const mine = (await focusGroupThemeSource.read(t.app.db)).filter(
    (item) =>
      item.text.includes('loan checklist') || item.text.includes('Hide me') || item.text.includes('noted'),
  );
  expect(mine).toEqual([
    {
      id: expect.any(String),
      source: 'focus-group',
      hash: expect.stringMatching(/^[0-9a-f]{32}$/),
      text: 'The loan checklist changes every week.',
      day: new Date(Date.now() - 60_000).toISOString().slice(0, 10),
      published: false,
      departmentId: null,
    },
  ]);
  expect(changes.length).toBeGreaterThanOrEqual(3); // two visible says and one hide
  expect(changes.every((source) => source === 'focus-group')).toBe(true);

  const closed = await t.app.inject({
    method: 'POST',
    url: `/api/mod/focus-groups/${id}/close`,
    headers: mod.headers,
  });
  expect(closed.statusCode).toBe(200);
  const after = (await focusGroupThemeSource.read(t.app.db)).find((item) => item.id === mine[0]!.id);
  expect(after?.published).toBe(true);
  stop();
  t.app.focusGroups.configure({ themesCoalesceMs: DEFAULT_LIMITS.themesCoalesceMs });
});

test('live-room changes reach the themes job coalesced; a close at once', async () => {
  t.app.focusGroups.configure({ themesCoalesceMs: 50 });
  const mod = await moderator(t.app);
  const { id } = await scheduleRoom(t.app, mod, { moderation: 'post' });
  const seat = await takeSeatIn(t.app, id);
  let changes = 0;
  const stop = t.app.contentEvents.onChanged(() => changes++);
  const [a] = open.track(await Client.join(socketUrl(base, id), seat));
  for (const text of ['one', 'two', 'three']) {
    a.send({ type: 'say', text });
    await a.next(isMessage(text));
  }
  await eventually(async () => expect(changes).toBe(1));
  await t.app.inject({ method: 'POST', url: `/api/mod/focus-groups/${id}/close`, headers: mod.headers });
  expect(changes).toBe(2);
  stop();
  t.app.focusGroups.configure({ themesCoalesceMs: DEFAULT_LIMITS.themesCoalesceMs });
});

test('anonymous rows carry no wall-clock time and no link beyond the seat', async () => {
  const columns = async (table: string) =>
    (await t.app.db.introspection.getTables())
      .find((info) => info.name === table)!
      .columns.map((column) => `${column.name}:${column.dataType}`);
  const seatColumns = await columns('focus_group_seat');
  const messageColumns = await columns('focus_group_message');
  const eventColumns = await columns('focus_group_event');
  for (const list of [seatColumns, messageColumns, eventColumns]) {
    expect(list.filter((column) => /timestamp|date|time/.test(column))).toEqual([]);
  }
  expect(seatColumns.map((c) => c.split(':')[0]).sort()).toEqual([
    'focus_group_id',
    'id',
    'muted',
    'pseudonym',
    'removed',
    'seat_hash',
  ]);
});

test('the socket and routes appear in the OpenAPI document (the socket is hidden from it)', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  expect(doc.paths['/api/focus-groups/{id}/seats'].post).toBeDefined();
  expect(doc.paths['/api/mod/focus-groups'].post.requestBody).toBeDefined();
  expect(doc.paths['/api/mod/focus-groups/{id}/transcript.csv'].get).toBeDefined();
});
