// The client half of Privacy Pass token type 2 (RFC 9578 §6): build the challenge from public
// constants, blind locally, send only blinded messages, finalize into Authorization header values.
// No Svelte and no DOM here, so the same code runs in tests against the real server.
import { AuthorizationHeader, genericBatched, publicVerif, TokenChallenge } from '@cloudflare/privacypass-ts';

import { base64url, MAX_BATCH, type IssuerKey } from './keys.ts';

export { isRedeemableAt, keyIsForHost, MAX_BATCH, tokenKeyIdOf, type IssuerKey } from './keys.ts';

const { BlindRSAMode, Client, TokenResponse } = publicVerif;

/** Sends TokenRequest bytes (batched when asked) with the credential; returns the response bytes. */
export type Issue = (bytes: Uint8Array, batched: boolean) => Promise<Uint8Array>;

/** Fresh copy: privacypass-ts deserializers ignore a Uint8Array's byteOffset. */
const fresh = (bytes: Uint8Array) => new Uint8Array(bytes);

export async function challengeFor(
  key: Pick<IssuerKey, 'scope' | 'issuerName' | 'originInfo'>,
): Promise<TokenChallenge> {
  const context = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key.scope)));
  return new TokenChallenge(
    publicVerif.BLIND_RSA.value,
    key.issuerName,
    context,
    key.originInfo ? [key.originInfo] : undefined,
  );
}

/** Reads the blind signatures out of a response, in request order (null: not issued). */
export function readSignatures(bytes: Uint8Array, batched: boolean): (Uint8Array | null)[] {
  if (!batched) return [fresh(bytes)];
  const response = genericBatched.GenericBatchTokenResponse.deserialize(fresh(bytes));
  return response.tokenResponses.map((entry) =>
    entry.tokenResponse ? fresh(entry.tokenResponse.serialize()) : null,
  );
}

/** Obtains `count` tokens (≤ MAX_BATCH) for one key in one round trip; returns header values. */
export async function obtainTokens(key: IssuerKey, count: number, issue: Issue): Promise<string[]> {
  if (count < 1 || count > MAX_BATCH) throw new Error(`ask for 1 to ${MAX_BATCH} tokens`);
  const challenge = await challengeFor(key);
  const tokenKey = base64url.decode(key.tokenKey);
  const clients = Array.from({ length: count }, () => new Client(BlindRSAMode.PSS));
  const requests = [];
  for (const client of clients) requests.push(await client.createTokenRequest(challenge, fresh(tokenKey)));
  const batched = count > 1;
  const body = batched
    ? new genericBatched.BatchedTokenRequest(
        requests.map((request) => new genericBatched.TokenRequest(request)),
      ).serialize()
    : requests[0]!.serialize();
  const signatures = readSignatures(await issue(body, batched), batched);
  const headers: string[] = [];
  for (const [index, client] of clients.entries()) {
    const signature = signatures[index];
    if (!signature) continue;
    const token = await client.finalize(new TokenResponse(signature));
    headers.push(new AuthorizationHeader(token).toString(true));
  }
  return headers;
}
