import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
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
export const issueOne = (app: FastifyInstance, credential: string, key: PublishedKey) =>
  app.inject({
    method: 'POST',
    url: '/api/tokens/issue',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/private-token-request' },
    payload: rawTokenRequest(key),
  });
