import { expect, test } from 'vitest';
import { buildTwoNodes } from '../helpers/nodes.ts';
import { enrolMember, keyFor } from '../helpers/members.ts';
import { issuedCounts, issueOne, raceIssue } from '../helpers/token-requests.ts';

// Two nodes on one Postgres database, each grouping its own requests' budget takes: the budget holds
// across them. Postgres only (one embedded PGlite cannot be shared).
const nodes = buildTwoNodes();
const { t } = nodes;

/** `count` attempts of one member, alternating between node A and node B. */
const overTwoNodes = (credential: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ node: i % 2 ? nodes.nodeB : t.app, credential }));

test('60 single requests of one member split over two nodes against a budget of 30: exactly 30', async () => {
  const member = await enrolMember(t.app);
  const general = await keyFor(t.app, 'general');
  const { tally } = await raceIssue(general, overTwoNodes(member.credential, 60));
  expect(tally(member.credential)).toEqual({ signed: 30, refused: 30 });
  expect(await issuedCounts(t.app, general)).toEqual([30]);
});

test('signed for ahead of the commit on both nodes: a member racing 60 requests over two nodes still gets exactly 30', async () => {
  const member = await enrolMember(t.app);
  const general = await keyFor(t.app, 'general');
  // One take through each node first, so both sign this member's requests while the take commits.
  expect((await issueOne(t.app, member.credential, general)).statusCode).toBe(200);
  expect((await issueOne(nodes.nodeB, member.credential, general)).statusCode).toBe(200);
  const { responses, tally } = await raceIssue(general, overTwoNodes(member.credential, 60));
  expect(tally(member.credential)).toEqual({ signed: 28, refused: 32 });
  for (const response of responses) {
    if (response.statusCode === 200) expect(response.rawPayload).toHaveLength(256);
    else expect(response.json().error).toBe('budget_exhausted');
  }
  expect(await issuedCounts(t.app, general, [member.credential])).toEqual([30]);
});
