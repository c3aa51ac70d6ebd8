import { expect, test } from 'vitest';
import { scheduleRoom } from '../focus-groups/helpers.ts';
import { given } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';
import { buildTwoNodes } from '../helpers/nodes.ts';

// Found by `npm run test:nodes`: a focus group scheduled on node A got its key there, while node B
// kept serving its 30-second-old view of the keys — a browser whose requests landed on B saw no key
// and no budget for the room, and could not take a seat.
const nodes = buildTwoNodes();
const { t } = nodes;

test('a scope key made on node A is published, budgeted and issued on node B at once', async () => {
  const member = await enrolMember(t.app);
  // Node B's view of the keys is warm before the room exists.
  expect((await nodes.nodeB.inject({ method: 'GET', url: '/api/tokens/keys' })).statusCode).toBe(200);
  const moderator = await given(t.app).staff('moderator');
  const { scope } = await scheduleRoom(t.app, moderator);

  const published = await nodes.nodeB.inject({
    method: 'GET',
    url: `/api/tokens/keys?scope=${encodeURIComponent(scope)}`,
  });
  expect(published.json().keys.map((key: { scope: string }) => key.scope)).toEqual([scope]);
  const budget = await nodes.nodeB.inject({
    method: 'GET',
    url: '/api/tokens/budget',
    headers: { authorization: `Bearer ${member.credential}` },
  });
  expect(budget.json().keys).toContainEqual(expect.objectContaining({ scope, remaining: 1 }));
  expect(await member.tokens(scope, 1)).toHaveLength(1);
});

// Found by `npm run test:nodes` through HAProxy: the wallet reads the whole directory (no scope) and the
// budget, and ignores a budgeted key the directory does not list (a key shown to one browser only is a
// tagging attack). Node B's budget was read fresh while its directory came from a 30-second cache, so a
// room scheduled on node A looked like a tagging key, the wallet warned and nobody could take a seat.
test("node B's whole directory lists every key node B budgets, right after node A made it", async () => {
  const member = await enrolMember(t.app);
  expect((await nodes.nodeB.inject({ method: 'GET', url: '/api/tokens/keys' })).statusCode).toBe(200);
  const moderator = await given(t.app).staff('moderator');
  const { scope } = await scheduleRoom(t.app, moderator);

  const directory = await nodes.nodeB.inject({ method: 'GET', url: '/api/tokens/keys' });
  const budget = await nodes.nodeB.inject({
    method: 'GET',
    url: '/api/tokens/budget',
    headers: { authorization: `Bearer ${member.credential}` },
  });
  const listed = new Set(directory.json().keys.map((key: { tokenKeyId: string }) => key.tokenKeyId));
  const budgeted = budget.json().keys.map((key: { tokenKeyId: string; scope: string }) => key);
  expect(budgeted.map((key: { scope: string }) => key.scope)).toContain(scope);
  expect(budgeted.filter((key: { tokenKeyId: string }) => !listed.has(key.tokenKeyId))).toEqual([]);
});
