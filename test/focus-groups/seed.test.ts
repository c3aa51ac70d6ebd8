import { afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../common/focus-groups/protocol.ts';
import { focusGroupThemeSource } from '../../server/focus-groups/queries.ts';
import { seed } from '../../server/focus-groups/seed.ts';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { Client, listen, sockets, socketUrl } from './helpers.ts';

const t = build();
const open = sockets();
afterEach(() => open.closeAll());

let mod: Awaited<ReturnType<ReturnType<typeof given>['staff']>>;
beforeAll(async () => {
  mod = await given(t.app).staff('moderator', { username: 'moderator' });
  const result = {
    admin: { username: 'admin', password: '' },
    moderator: { username: 'moderator', password: '' },
    notes: [] as string[],
  };
  await seed(t.app, result);
  expect(result.notes).toHaveLength(1);
});

test('the demo has two upcoming sessions and one finished session with a moderated transcript', async () => {
  const open = (await t.app.inject({ method: 'GET', url: '/api/focus-groups' })).json().focusGroups;
  expect(open.map((g: { status: string }) => g.status)).toEqual(['upcoming', 'upcoming']);
  const all = (
    await t.app.inject({ method: 'GET', url: '/api/mod/focus-groups', headers: mod.headers })
  ).json().focusGroups;
  const finished = all.find((g: { status: string }) => g.status === 'closed');
  expect(finished.title).toBe('Handoffs between Underwriting and Loan Processing');
  expect(finished.seats).toBe(7);

  const md = (
    await t.app.inject({
      method: 'GET',
      url: `/api/mod/focus-groups/${finished.id}/transcript.md`,
      headers: mod.headers,
    })
  ).body;
  expect(md).toContain('## Where do loan files get stuck between Underwriting and Loan Processing?');
  expect(md).toContain('3 messages were hidden by the moderator');
  expect(md).not.toContain('Jordan');
  expect(md).not.toContain('0412');

  const themes = (await focusGroupThemeSource.read(t.app.db)).filter((item) => item.published);
  expect(themes.length).toBeGreaterThanOrEqual(15);
  expect(themes.every((item) => /^\d{4}-\d{2}-\d{2}$/.test(item.day))).toBe(true);
});

test('the finished room replays over the socket, consistent with its counters, then closes 4010', async () => {
  const base = await listen(t.app);
  const all = (
    await t.app.inject({ method: 'GET', url: '/api/mod/focus-groups', headers: mod.headers })
  ).json().focusGroups;
  const finished = all.find((g: { status: string }) => g.status === 'closed');
  const [client, welcome] = open.track(
    await Client.join(socketUrl(base, finished.id), { cookie: mod.cookie }),
  );
  expect(welcome.backlog.map((e) => e.seq)).toEqual(Array.from({ length: welcome.seq }, (_, i) => i + 1));
  expect(welcome.backlog.at(-1)?.type).toBe('closed');
  expect(welcome.backlog.filter((e) => e.type === 'hidden')).toHaveLength(3);
  expect((await client.closed).code).toBe(CloseCode.roomClosed);
});
