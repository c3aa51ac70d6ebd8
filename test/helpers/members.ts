// An employee as the server sees one: enrolled with a real code from the admin API, holding tokens
// blinded and finalized client-side by privacypass-ts (the server never sees a token input).
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AuthorizationHeader, genericBatched, publicVerif, TokenChallenge } from '@cloudflare/privacypass-ts';
import { given, type SignedInStaff } from './given.ts';

const { BlindRSAMode, Client, TokenResponse } = publicVerif;
type TokenRequest = InstanceType<typeof publicVerif.TokenRequest>;

export interface Member {
  credential: string;
  /** `count` ready Authorization header values (`PrivateToken token="…"`) for the scope's current key. */
  tokens(scope?: string, count?: number): Promise<[string, ...string[]]>;
}

export interface PublishedKey {
  tokenKey: string;
  tokenKeyId: string;
  scope: string;
  budget: number;
  notBefore: string;
  notAfter: string;
  issuerName: string;
  originInfo: string;
}

const admins = new WeakMap<FastifyInstance, Promise<SignedInStaff>>();
const adminOf = (app: FastifyInstance) => {
  let admin = admins.get(app);
  if (!admin) {
    admin = given(app).staff('admin');
    admins.set(app, admin);
  }
  return admin;
};

/** Codes through the real admin API. */
export async function createCodes(app: FastifyInstance, count = 1, departmentId?: string): Promise<string[]> {
  const admin = await adminOf(app);
  const response = await app.inject({
    method: 'POST',
    url: '/api/admin/enrolment-codes',
    headers: admin.headers,
    payload: { count, ...(departmentId && { departmentId }) },
  });
  if (response.statusCode !== 201) throw new Error(`codes failed: ${response.statusCode} ${response.body}`);
  return response.json().codes;
}

export async function enrolWith(app: FastifyInstance, code: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/enrol', payload: { code } });
  if (response.statusCode !== 201) throw new Error(`enrol failed: ${response.statusCode} ${response.body}`);
  return response.json().credential;
}

/** The key a browser would use now for a scope: the one already redeemable, else the next. */
export async function keyFor(app: FastifyInstance, scope: string, when = new Date()): Promise<PublishedKey> {
  const response = await app.inject({ method: 'GET', url: '/api/tokens/keys', query: { scope } });
  if (response.statusCode !== 200) throw new Error(`keys failed: ${response.statusCode} ${response.body}`);
  const keys: PublishedKey[] = response.json().keys;
  const key =
    keys.find((k) => Date.parse(k.notBefore) <= when.getTime() && when.getTime() < Date.parse(k.notAfter)) ??
    keys[0];
  if (!key) throw new Error(`no issuer key for scope "${scope}"`);
  return key;
}

/** Fresh copy: privacypass-ts deserializers ignore a Uint8Array's byteOffset. */
const bytes = (data: Uint8Array) => new Uint8Array(data);

export function challengeFor(key: PublishedKey): TokenChallenge {
  const context = bytes(createHash('sha256').update(key.scope).digest());
  return new TokenChallenge(
    publicVerif.BLIND_RSA.value,
    key.issuerName,
    context,
    key.originInfo ? [key.originInfo] : undefined,
  );
}

/** Blinds `count` token inputs for the key (the client half of RFC 9578 type 2). */
export async function blindTokens(key: PublishedKey, count: number) {
  const challenge = challengeFor(key);
  const tokenKey = bytes(Buffer.from(key.tokenKey, 'base64url'));
  const clients = Array.from({ length: count }, () => new Client(BlindRSAMode.PSS));
  const requests = await Promise.all(clients.map((client) => client.createTokenRequest(challenge, tokenKey)));
  return { clients, requests };
}

/** POSTs TokenRequests (batched form when more than one) and returns the raw response. */
export function issue(app: FastifyInstance, credential: string, requests: TokenRequest[]) {
  const batched = requests.length > 1;
  const payload = batched
    ? Buffer.from(
        new genericBatched.BatchedTokenRequest(
          requests.map((request) => new genericBatched.TokenRequest(request)),
        ).serialize(),
      )
    : Buffer.from(requests[0]!.serialize());
  return app.inject({
    method: 'POST',
    url: '/api/tokens/issue',
    headers: {
      authorization: `Bearer ${credential}`,
      'content-type': batched
        ? 'application/private-token-generic-batch-request'
        : 'application/private-token-request',
    },
    payload,
  });
}

/** Blind signatures out of an issuance response body, in request order. */
export function blindSignatures(body: Buffer, batched: boolean): Uint8Array[] {
  if (!batched) return [bytes(body)];
  const response = genericBatched.GenericBatchTokenResponse.deserialize(bytes(body));
  return response.tokenResponses.map((entry) => {
    if (!entry.tokenResponse) throw new Error('a batch entry was not issued');
    return bytes(entry.tokenResponse.serialize());
  });
}

/** The whole client flow for one member: fetch key, blind, issue, finalize into header values. */
export async function obtainTokens(
  app: FastifyInstance,
  credential: string,
  scope: string,
  count: number,
): Promise<string[]> {
  return obtainTokensForKey(app, credential, await keyFor(app, scope), count);
}

/** The same for one published key (a scope can have this period's and the next period's key). */
export async function obtainTokensForKey(
  app: FastifyInstance,
  credential: string,
  key: PublishedKey,
  count: number,
): Promise<string[]> {
  const headers: string[] = [];
  for (let start = 0; start < count; start += 128) {
    const size = Math.min(128, count - start);
    const { clients, requests } = await blindTokens(key, size);
    const response = await issue(app, credential, requests);
    if (response.statusCode !== 200) throw new Error(`issue failed: ${response.statusCode} ${response.body}`);
    const signatures = blindSignatures(response.rawPayload, size > 1);
    for (const [index, client] of clients.entries()) {
      const token = await client.finalize(new TokenResponse(signatures[index]!));
      headers.push(new AuthorizationHeader(token).toString(true));
    }
  }
  return headers;
}

/** Enrols a new member with a fresh code (created by an admin through the API, for a department if given). */
export async function enrolMember(app: FastifyInstance, departmentId?: string): Promise<Member> {
  const [code] = await createCodes(app, 1, departmentId);
  const credential = await enrolWith(app, code!);
  return {
    credential,
    tokens: async (scope = 'general', count = 1) => {
      if (count < 1) throw new Error('ask for at least one token');
      return (await obtainTokens(app, credential, scope, count)) as [string, ...string[]];
    },
  };
}
