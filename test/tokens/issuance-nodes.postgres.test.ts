import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CREDENTIAL_PURPOSE } from '../../server/tokens/codes.ts';
import { build } from '../helpers/build.ts';
import { secondNode } from '../helpers/nodes.ts';
import { enrolMember, keyFor } from '../helpers/members.ts';
import { issueOne } from '../helpers/token-requests.ts';

// Two nodes on one Postgres database, each grouping its own requests' budget takes: the budget holds
// across them. Postgres only (one embedded PGlite cannot be shared).
const secret = randomBytes(32).toString('hex');
const t = build({ GREENROOM_SECRET: secret });
let nodeB: FastifyInstance;

beforeAll(async () => {
  nodeB = await secondNode(t.config.databaseUrl!, secret);
});
afterAll(() => nodeB?.close());

test('60 single requests of one member split over two nodes against a budget of 30: exactly 30', async () => {
  const member = await enrolMember(t.app);
  const general = await keyFor(t.app, 'general');
  const responses = await Promise.all(
    Array.from({ length: 60 }, (_, i) => issueOne(i % 2 ? nodeB : t.app, member.credential, general)),
  );
  const statuses = responses.map((response) => response.statusCode);
  expect(statuses.filter((status) => status === 200)).toHaveLength(30);
  expect(statuses.filter((status) => status === 429)).toHaveLength(30);
  const rows = await t.app.db
    .selectFrom('token_issuance')
    .select('issued')
    .where('key_id', '=', general.tokenKeyId)
    .execute();
  expect(rows).toEqual([{ issued: 30 }]);
});

test('signed for ahead of the commit on both nodes: a member racing 60 requests over two nodes still gets exactly 30', async () => {
  const member = await enrolMember(t.app);
  const general = await keyFor(t.app, 'general');
  // One take through each node first, so both sign this member's requests while the take commits.
  expect((await issueOne(t.app, member.credential, general)).statusCode).toBe(200);
  expect((await issueOne(nodeB, member.credential, general)).statusCode).toBe(200);
  const responses = await Promise.all(
    Array.from({ length: 60 }, (_, i) => issueOne(i % 2 ? nodeB : t.app, member.credential, general)),
  );
  const statuses = responses.map((response) => response.statusCode);
  expect(statuses.filter((status) => status === 200)).toHaveLength(28);
  expect(statuses.filter((status) => status === 429)).toHaveLength(32);
  for (const response of responses) {
    if (response.statusCode === 200) expect(response.rawPayload).toHaveLength(256);
    else expect(response.json().error).toBe('budget_exhausted');
  }
  const rows = await t.app.db
    .selectFrom('token_issuance')
    .select('issued')
    .where('key_id', '=', general.tokenKeyId)
    .where('member_id', '=', (eb) =>
      eb
        .selectFrom('member')
        .select('id')
        .where('credential_hash', '=', t.app.secrets.hmac(CREDENTIAL_PURPOSE, member.credential)),
    )
    .execute();
  expect(rows).toEqual([{ issued: 30 }]);
});
