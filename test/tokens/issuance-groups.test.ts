import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { decodeTokenKey } from '../../server/tokens/crypto.ts';
import { build } from '../helpers/build.ts';
import { createCodes, enrolWith, keyFor } from '../helpers/members.ts';
import { issuedCounts, issueOne, raceIssue } from '../helpers/token-requests.ts';

// Single-request issuance is group-committed: the budget takes of concurrent requests share one
// statement. These races check that grouping never lets anyone overspend nor refuses the wrong one.
const t = build();

test('eight members racing 36 single requests each against a budget of 30: exactly 30 each', async () => {
  const general = await keyFor(t.app, 'general');
  const credentials = await Promise.all((await createCodes(t.app, 8)).map((code) => enrolWith(t.app, code)));
  const attempts = credentials.flatMap((credential) =>
    Array.from({ length: 36 }, () => ({ node: t.app, credential })),
  );
  // Interleaved, so every group holds several members and several requests of the same member wait.
  attempts.sort(() => Math.random() - 0.5);
  const { tally } = await raceIssue(general, attempts);
  for (const credential of credentials) expect(tally(credential)).toEqual({ signed: 30, refused: 6 });
  expect(await issuedCounts(t.app, general)).toEqual(Array(8).fill(30));
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
  const attempts = credentials.flatMap((credential) =>
    Array.from({ length: 40 }, () => ({ node: t.app, credential })),
  );
  const { responses, bodies, tally } = await raceIssue(general, attempts);
  for (const credential of credentials) expect(tally(credential)).toEqual({ signed: 29, refused: 11 });
  for (const [index, response] of responses.entries()) {
    if (response.statusCode === 429) {
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json().error).toBe('budget_exhausted');
      continue;
    }
    // A signature that went out is a valid one for its own request: s^e mod n = m.
    const check = publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, response.rawPayload);
    expect(check.equals(bodies[index]!.subarray(3))).toBe(true);
  }
  expect(await issuedCounts(t.app, general, credentials)).toEqual([30, 30, 30]);
});
