import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CREDENTIAL_PURPOSE } from '../../server/tokens/codes.ts';
import type { PublishedKey } from './members.ts';

/**
 * One TokenRequest for `key` with a random message below its modulus: what budget tests need, without
 * the cost of blinding a real token input (the issuer cannot tell the difference, by design).
 */
export function rawTokenRequest(key: PublishedKey): Buffer {
  const request = Buffer.alloc(259);
  request.writeUInt16BE(2, 0);
  request[2] = Buffer.from(key.tokenKeyId, 'hex').at(-1)!;
  randomBytes(256).copy(request, 3);
  request[3] = 0;
  return request;
}

/** POST /api/tokens/issue with one raw TokenRequest. */
export const issueOne = (
  app: FastifyInstance,
  credential: string,
  key: PublishedKey,
  body: Buffer = rawTokenRequest(key),
) =>
  app.inject({
    method: 'POST',
    url: '/api/tokens/issue',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/private-token-request' },
    payload: body,
  });

/** One single issuance request of a race: whose credential, sent to which node. */
export interface IssueAttempt {
  node: FastifyInstance;
  credential: string;
}

/**
 * Sends every attempt at once, each with its own raw TokenRequest for `key`. Answers in the attempts'
 * order with the bodies sent, and `tally(credential)`: how many of that credential's attempts were signed
 * (200) and refused for budget (429).
 */
export async function raceIssue(key: PublishedKey, attempts: readonly IssueAttempt[]) {
  const bodies = attempts.map(() => rawTokenRequest(key));
  const responses = await Promise.all(
    attempts.map(({ node, credential }, i) => issueOne(node, credential, key, bodies[i])),
  );
  const tally = (credential: string) => {
    const statuses = responses
      .filter((_, i) => attempts[i]!.credential === credential)
      .map((response) => response.statusCode);
    return {
      signed: statuses.filter((status) => status === 200).length,
      refused: statuses.filter((status) => status === 429).length,
    };
  };
  return { responses, bodies, tally };
}

/**
 * What the issuance records say each member was signed for with `key` (stored order): the members of
 * `credentials`, or every member when it is left out.
 */
export async function issuedCounts(
  app: FastifyInstance,
  key: PublishedKey,
  credentials?: readonly string[],
): Promise<number[]> {
  let query = app.db.selectFrom('token_issuance').select('issued').where('key_id', '=', key.tokenKeyId);
  if (credentials) {
    const hashes = credentials.map((credential) => app.secrets.hmac(CREDENTIAL_PURPOSE, credential));
    query = query.where('member_id', 'in', (eb) =>
      eb.selectFrom('member').select('id').where('credential_hash', 'in', hashes),
    );
  }
  return (await query.execute()).map((row) => row.issued);
}
