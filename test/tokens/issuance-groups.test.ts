import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { CREDENTIAL_PURPOSE } from '../../server/tokens/codes.ts';
import { decodeTokenKey } from '../../server/tokens/crypto.ts';
import { build } from '../helpers/build.ts';
import { createCodes, enrolWith, keyFor } from '../helpers/members.ts';
import { issueOne, rawTokenRequest } from '../helpers/token-requests.ts';

// Single-request issuance is group-committed: the budget takes of concurrent requests share one
// statement. These races check that grouping never lets anyone overspend nor refuses the wrong one.
const t = build();

test('eight members racing 36 single requests each against a budget of 30: exactly 30 each', async () => {
  const general = await keyFor(t.app, 'general');
  const credentials = await Promise.all((await createCodes(t.app, 8)).map((code) => enrolWith(t.app, code)));
  const requests = credentials.flatMap((credential) => Array.from({ length: 36 }, () => credential));
  // Interleaved, so every group holds several members and several requests of the same member wait.
  requests.sort(() => Math.random() - 0.5);
  const responses = await Promise.all(requests.map((credential) => issueOne(t.app, credential, general)));
  for (const credential of credentials) {
    const mine = responses.filter((_, i) => requests[i] === credential).map((r) => r.statusCode);
    expect(mine.filter((status) => status === 200)).toHaveLength(30);
    expect(mine.filter((status) => status === 429)).toHaveLength(6);
  }
  const rows = await t.app.db
    .selectFrom('token_issuance')
    .select('issued')
    .where('key_id', '=', general.tokenKeyId)
    .execute();
  expect(rows.map((row) => row.issued)).toEqual(Array(8).fill(30));
});

test('in one group, an unknown credential gets 401 and a spent budget 429 while the others are signed', async () => {
  const general = await keyFor(t.app, 'general');
  const [spent, fresh] = await Promise.all(
    (await createCodes(t.app, 2)).map((code) => enrolWith(t.app, code)),
  );
  for (let i = 0; i < 30; i++) expect((await issueOne(t.app, spent!, general)).statusCode).toBe(200);
  const unknown = randomBytes(32).toString('base64url');
  const [a, b, c] = await Promise.all([
    issueOne(t.app, unknown, general),
    issueOne(t.app, spent!, general),
    issueOne(t.app, fresh!, general),
  ]);
  expect([a.statusCode, a.json().error]).toEqual([401, 'invalid_credential']);
  expect([b.statusCode, b.json().error]).toEqual([429, 'budget_exhausted']);
  expect(c.statusCode).toBe(200);
  expect(c.rawPayload).toHaveLength(256);
});

test('a member signed for once is signed for ahead of the budget commit: still exactly the budget, and a 429 carries no signature', async () => {
  const general = await keyFor(t.app, 'general');
  const publicKey = decodeTokenKey(Buffer.from(general.tokenKey, 'base64url'));
  const credentials = await Promise.all((await createCodes(t.app, 3)).map((code) => enrolWith(t.app, code)));
  // One take each that went through: from now on this node signs while their take commits.
  for (const credential of credentials)
    expect((await issueOne(t.app, credential, general)).statusCode).toBe(200);
  const requests = credentials.flatMap((credential) =>
    Array.from({ length: 40 }, () => ({ credential, body: rawTokenRequest(general) })),
  );
  const responses = await Promise.all(
    requests.map(({ credential, body }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/tokens/issue',
        headers: {
          authorization: `Bearer ${credential}`,
          'content-type': 'application/private-token-request',
        },
        payload: body,
      }),
    ),
  );
  for (const credential of credentials) {
    const mine = responses.filter((_, i) => requests[i]!.credential === credential);
    expect(mine.filter((response) => response.statusCode === 200)).toHaveLength(29);
    expect(mine.filter((response) => response.statusCode === 429)).toHaveLength(11);
  }
  for (const [index, response] of responses.entries()) {
    if (response.statusCode === 429) {
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json().error).toBe('budget_exhausted');
      continue;
    }
    // A signature that went out is a valid one for its own request: s^e mod n = m.
    const check = publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, response.rawPayload);
    expect(check.equals(requests[index]!.body.subarray(3))).toBe(true);
  }
  const rows = await t.app.db
    .selectFrom('token_issuance')
    .select('issued')
    .where('key_id', '=', general.tokenKeyId)
    .where('member_id', 'in', (eb) =>
      eb
        .selectFrom('member')
        .select('id')
        .where(
          'credential_hash',
          'in',
          credentials.map((c) => t.app.secrets.hmac(CREDENTIAL_PURPOSE, c)),
        ),
    )
    .execute();
  expect(rows.map((row) => row.issued)).toEqual([30, 30, 30]);
});
