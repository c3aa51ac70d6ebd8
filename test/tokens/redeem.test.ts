import {
  AuthorizationHeader,
  publicVerif,
  TOKEN_TYPES,
  WWWAuthenticateHeader,
} from '@cloudflare/privacypass-ts';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { createScopeKey, keyDeps, retireKeys } from '../../server/tokens/keys.ts';
import {
  blindSignatures,
  enrolMember,
  issue,
  keyFor,
  obtainTokens,
  type Member,
  type PublishedKey,
} from '../helpers/members.ts';
import { buildWithSpendRoutes } from './app.ts';

const t = buildWithSpendRoutes();

async function rowCounts(): Promise<string> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by 1`.execute(
    t.app.db,
  );
  const counts: string[] = [];
  for (const { name } of tables.rows) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
      t.app.db,
    );
    counts.push(`${name}=${result.rows[0]!.n}`);
  }
  return counts.join(' ');
}
const spentRows = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('spent_token')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const spend = (authorization: string | undefined, url = '/test/spend/general', host?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...(authorization === undefined ? {} : { authorization }), ...(host ? { host } : {}) },
  });

let member: Member;
beforeAll(async () => {
  member = await enrolMember(t.app);
});

describe('redemption', () => {
  test('a token from a freshly enrolled member redeems once, then is refused as spent', async () => {
    const [authorization] = await member.tokens('general', 1);
    expect(authorization).toMatch(/^PrivateToken token="[A-Za-z0-9_-]+={0,2}"$/);
    const before = await spentRows();

    const first = await spend(authorization);
    expect(first.statusCode).toBe(200);
    expect(await spentRows()).toBe(before + 1);

    const again = await spend(authorization);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual({ error: 'token_spent', message: expect.any(String) });
    expect(await spentRows()).toBe(before + 1);
  });

  test('100 concurrent redemptions of one token: exactly one succeeds, the rest get token_spent', async () => {
    const [authorization] = await member.tokens('general', 1);
    const before = await spentRows();
    const responses = await Promise.all(Array.from({ length: 100 }, () => spend(authorization)));
    const ok = responses.filter((response) => response.statusCode === 200);
    const spent = responses.filter(
      (response) => response.statusCode === 401 && response.json().error === 'token_spent',
    );
    expect(ok).toHaveLength(1);
    expect(spent).toHaveLength(99);
    expect(await spentRows()).toBe(before + 1);
  });

  test('an action that fails after spending rolls the spend back: the token is still good', async () => {
    const [authorization] = await member.tokens('general', 1);
    const before = await rowCounts();
    const failed = await t.app.inject({
      method: 'POST',
      url: '/test/spend-then-fail',
      headers: { authorization },
    });
    expect(failed.statusCode).toBe(500);
    expect(await rowCounts()).toBe(before);
    expect((await spend(authorization)).statusCode).toBe(200);
  });

  test('missing, truncated or garbage headers: 401 token_invalid, nothing written', async () => {
    const [authorization] = await member.tokens('general', 1);
    const value = /token="([^"]+)"/.exec(authorization)![1]!;
    const bytes = Buffer.from(value, 'base64url');
    const flipped = (index: number) => {
      const copy = Buffer.from(bytes);
      copy[index]! ^= 0x01;
      return `PrivateToken token="${copy.toString('base64url')}"`;
    };
    const before = await rowCounts();
    const headers = [
      undefined,
      '',
      'PrivateToken',
      'PrivateToken token=',
      'PrivateToken token=""',
      'PrivateToken token="AAAA"',
      'PrivateToken token="!!!not-base64!!!"',
      `PrivateToken token="${value.slice(0, 100)}"`,
      `PrivateToken token="${value}", token="${value}"`,
      `PrivateToken token="${'A'.repeat(10_000)}"`,
      `Bearer ${member.credential}`,
      flipped(5), // nonce: the signature no longer matches
      flipped(40), // challenge digest
      flipped(70), // token key id: unknown key
      flipped(200), // authenticator
    ];
    for (const header of headers) {
      const response = await spend(header);
      expect(response.statusCode, String(header).slice(0, 60)).toBe(401);
      expect(response.json()).toEqual({ error: 'token_invalid', message: expect.any(String) });
    }
    expect(await rowCounts()).toBe(before);
    expect((await spend(authorization)).statusCode).toBe(200);
  });

  test('a token of one scope is refused by a route of another scope', async () => {
    const scope = 'pulse:00000000-0000-4000-8000-0000000000aa';
    await createScopeKey(keyDeps(t.app), {
      scope,
      budget: 1,
      notBefore: new Date(Date.now() - 1000),
      notAfter: new Date(Date.now() + 86_400_000),
    });
    const [pulseToken] = await member.tokens(scope, 1);
    const [generalToken] = await member.tokens('general', 1);
    const before = await rowCounts();
    expect((await spend(pulseToken)).json().error).toBe('token_invalid');
    expect((await spend(generalToken, `/test/spend/${encodeURIComponent(scope)}`)).json().error).toBe(
      'token_invalid',
    );
    expect(
      (
        await spend(
          pulseToken,
          `/test/spend/${encodeURIComponent('pulse:00000000-0000-4000-8000-0000000000bb')}`,
        )
      ).json().error,
    ).toBe('token_invalid');
    expect(await rowCounts()).toBe(before);
    expect((await spend(pulseToken, `/test/spend/${encodeURIComponent(scope)}`)).statusCode).toBe(200);
  });

  test('a token built for another host (issuer name) is refused', async () => {
    const [authorization] = await member.tokens('general', 1);
    const response = await spend(authorization, '/test/spend/general', 'elsewhere.example.com');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('token_invalid');
  });

  test("next epoch's tokens are not redeemable before their not-before", async () => {
    const fresh = await enrolMember(t.app);
    const keys: PublishedKey[] = (
      await t.app.inject({ method: 'GET', url: '/api/tokens/keys?scope=general' })
    ).json().keys;
    const next = keys.find((key) => Date.parse(key.notBefore) > Date.now())!;
    const { blindTokens, issue, blindSignatures } = await import('../helpers/members.ts');
    const { clients, requests } = await blindTokens(next, 1);
    const issued = await issue(t.app, fresh.credential, requests);
    const token = await clients[0]!.finalize(
      new publicVerif.TokenResponse(blindSignatures(issued.rawPayload, false)[0]!),
    );
    const response = await spend(new AuthorizationHeader(token).toString(true));
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('token_invalid');
  });

  test('tokens of a retired key are refused; retirement purges its spent rows', async () => {
    const scope = 'focus-group:00000000-0000-4000-8000-0000000000cc';
    const start = new Date(Date.now() - 1000);
    const end = new Date(Date.now() + 60_000);
    await createScopeKey(keyDeps(t.app), { scope, budget: 3, notBefore: start, notAfter: end });
    const [spentOne, unspent] = await member.tokens(scope, 2);
    const url = `/test/spend/${encodeURIComponent(scope)}`;
    expect((await spend(spentOne, url)).statusCode).toBe(200);
    const key = await keyFor(t.app, scope);
    const spentBefore = await t.app.db
      .selectFrom('spent_token')
      .select('key_id')
      .where('key_id', '=', key.tokenKeyId)
      .execute();
    expect(spentBefore).toHaveLength(1);

    // A day and a bit after the end: the key is destroyed with its nullifiers and issuance counts.
    const later = new Date(end.getTime() + 25 * 60 * 60 * 1000);
    const retired = await retireKeys(keyDeps(t.app), later);
    expect(retired.keys).toBeGreaterThanOrEqual(1);
    expect(retired.spentTokens).toBeGreaterThanOrEqual(1);
    expect(
      await t.app.db.selectFrom('token_key').select('id').where('id', '=', key.tokenKeyId).execute(),
    ).toEqual([]);
    expect(
      await t.app.db
        .selectFrom('spent_token')
        .select('key_id')
        .where('key_id', '=', key.tokenKeyId)
        .execute(),
    ).toEqual([]);
    expect(
      await t.app.db
        .selectFrom('token_issuance')
        .select('key_id')
        .where('key_id', '=', key.tokenKeyId)
        .execute(),
    ).toEqual([]);
    // The general keys of this epoch and the next are untouched.
    expect((await keyFor(t.app, 'general')).scope).toBe('general');

    const response = await spend(unspent, url);
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('token_invalid');
  });
});

describe('interop with privacypass-ts', () => {
  test("a token obtained through the HTTP API by privacypass-ts' Client verifies with its Origin and redeems here", async () => {
    const fresh = await enrolMember(t.app);
    const key = await keyFor(t.app, 'general');
    const [authorization] = await obtainTokens(t.app, fresh.credential, 'general', 1);
    const [parsed] = AuthorizationHeader.parse(TOKEN_TYPES.BLIND_RSA, authorization!);
    const origin = new publicVerif.Origin(publicVerif.BlindRSAMode.PSS, [key.originInfo]);
    const publicKey = await crypto.subtle.importKey(
      'spki',
      new Uint8Array(
        publicVerif.convertRSASSAPSSToEnc(new Uint8Array(Buffer.from(key.tokenKey, 'base64url'))),
      ),
      { name: 'RSA-PSS', hash: 'SHA-384' },
      true,
      ['verify'],
    );
    expect(await origin.verify(parsed!.token, publicKey)).toBe(true);
    // Its challenge is the one the Origin would issue for this scope.
    const challenge = origin.createTokenChallenge(
      key.issuerName,
      new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('general'))),
    );
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new Uint8Array(challenge.serialize())),
    );
    expect(Buffer.from(parsed!.token.authInput.challengeDigest).equals(Buffer.from(digest))).toBe(true);
    expect((await spend(authorization)).statusCode).toBe(200);
  });

  test('a refusal carries an RFC 9577 challenge that a plain privacypass-ts client can answer', async () => {
    const fresh = await enrolMember(t.app);
    const refused = await spend(undefined);
    expect(refused.statusCode).toBe(401);
    const header = String(refused.headers['www-authenticate']);
    const [offer] = WWWAuthenticateHeader.parse(header);
    const key = await keyFor(t.app, 'general');
    expect(Buffer.from(offer!.tokenKey).toString('base64url')).toBe(key.tokenKey);
    expect(offer!.challenge.issuerName).toBe(key.issuerName);

    // The standard flow: challenge + token key from the header, issuance over HTTP, token back.
    const client = new publicVerif.Client(publicVerif.BlindRSAMode.PSS);
    const request = await client.createTokenRequest(offer!.challenge, new Uint8Array(offer!.tokenKey));
    const response = await issue(t.app, fresh.credential, [request]);
    expect(response.statusCode).toBe(200);
    const token = await client.finalize(
      new publicVerif.TokenResponse(blindSignatures(response.rawPayload, false)[0]!),
    );
    expect((await spend(new AuthorizationHeader(token).toString(true))).statusCode).toBe(200);
  });
});
