import { publicVerif } from '@cloudflare/privacypass-ts';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { encodeBatchRequest, encodeTokenRequest, TOKEN_REQUEST_LENGTH } from '../../server/tokens/crypto.ts';
import { updateSettings } from '../../server/shared/settings.ts';
import { build } from '../helpers/build.ts';
import {
  blindSignatures,
  blindTokens,
  enrolMember,
  issue,
  keyFor,
  type Member,
  type PublishedKey,
} from '../helpers/members.ts';

const t = build();

const issuanceRows = () =>
  t.app.db.selectFrom('token_issuance').select(['member_id', 'key_id', 'issued']).execute();
const bearer = (credential: string, contentType = 'application/private-token-request') => ({
  authorization: `Bearer ${credential}`,
  'content-type': contentType,
});

let member: Member;
let general: PublishedKey;
beforeAll(async () => {
  member = await enrolMember(t.app);
  general = await keyFor(t.app, 'general');
});

describe('published keys', () => {
  test('the RFC 9578 directory lists this epoch and the next, readable without signing in', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/.well-known/private-token-issuer-directory',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/private-token-issuer-directory');
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    const directory = JSON.parse(response.body);
    expect(directory['issuer-request-uri']).toBe('/api/tokens/issue');
    const keys = directory['token-keys'];
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key).toEqual({
        'token-type': 2,
        'token-key': expect.stringMatching(/^[A-Za-z0-9_-]+$/),
        'not-before': expect.any(Number),
      });
    }
  });

  test('GET /api/tokens/keys: current and next general keys with the contract fields', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/tokens/keys',
      headers: { host: 'greenroom.example.com' },
    });
    expect(response.statusCode).toBe(200);
    const keys: PublishedKey[] = response.json().keys;
    const generalKeys = keys.filter((key) => key.scope === 'general');
    expect(generalKeys).toHaveLength(2);
    const [current, next] = generalKeys.sort((a, b) => a.notBefore.localeCompare(b.notBefore));
    expect(Date.parse(current!.notBefore)).toBeLessThanOrEqual(Date.now());
    expect(next!.notBefore).toBe(current!.notAfter);
    for (const key of generalKeys) {
      expect(key).toEqual({
        tokenKey: expect.any(String),
        tokenKeyId: expect.stringMatching(/^[0-9a-f]{64}$/),
        scope: 'general',
        budget: 30,
        notBefore: expect.any(String),
        notAfter: expect.any(String),
        issuerName: 'greenroom.example.com',
        originInfo: 'greenroom.example.com',
      });
      // tokenKeyId is SHA-256 of the SPKI, and the SPKI parses in privacypass-ts (RSASSA-PSS OID).
      const spki = new Uint8Array(Buffer.from(key.tokenKey, 'base64url'));
      const digest = Buffer.from(await crypto.subtle.digest('SHA-256', spki)).toString('hex');
      expect(digest).toBe(key.tokenKeyId);
      expect(() => publicVerif.convertRSASSAPSSToEnc(spki)).not.toThrow();
    }
    const directory = JSON.parse(
      (await t.app.inject({ method: 'GET', url: '/.well-known/private-token-issuer-directory' })).body,
    );
    expect(directory['token-keys'].map((k: { 'token-key': string }) => k['token-key'])).toEqual(
      expect.arrayContaining(generalKeys.map((key) => key.tokenKey)),
    );
  });

  test('the general budget follows the admin setting', async () => {
    await updateSettings(t.app.db, { generalBudget: 12 });
    expect((await keyFor(t.app, 'general')).budget).toBe(12);
    await updateSettings(t.app.db, { generalBudget: 30 });
  });
});

describe('issuance', () => {
  test('one TokenRequest in, one blind signature out; not cacheable; only a count is stored', async () => {
    const fresh = await enrolMember(t.app);
    const { requests } = await blindTokens(general, 1);
    const response = await issue(t.app, fresh.credential, requests);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/private-token-response');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.length).toBe(256);
    const rows = (await issuanceRows()).filter((row) => row.key_id === general.tokenKeyId);
    expect(rows.some((row) => row.issued === 1)).toBe(true);
  });

  test('the batch form signs a whole week of tokens in one round trip', async () => {
    const fresh = await enrolMember(t.app);
    const { requests } = await blindTokens(general, 30);
    const response = await issue(t.app, fresh.credential, requests);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/private-token-generic-batch-response');
    expect(blindSignatures(response.rawPayload, true)).toHaveLength(30);
    const headers = await fresh.tokens('general', 1).catch((error: Error) => error.message);
    expect(headers).toMatch(/429/);
  });

  test("next epoch's key can be filled ahead, with its own budget", async () => {
    const fresh = await enrolMember(t.app);
    const keys: PublishedKey[] = (
      await t.app.inject({ method: 'GET', url: '/api/tokens/keys?scope=general' })
    ).json().keys;
    const next = keys.find((key) => Date.parse(key.notBefore) > Date.now())!;
    const { requests } = await blindTokens(next, 30);
    expect((await issue(t.app, fresh.credential, requests)).statusCode).toBe(200);
    const { requests: current } = await blindTokens(general, 30);
    expect((await issue(t.app, fresh.credential, current)).statusCode).toBe(200);
  });

  test('over budget: 429 budget_exhausted, all or nothing for a batch, nothing more counted', async () => {
    const fresh = await enrolMember(t.app);
    const first = await blindTokens(general, 25);
    expect((await issue(t.app, fresh.credential, first.requests)).statusCode).toBe(200);
    const second = await blindTokens(general, 6);
    const refused = await issue(t.app, fresh.credential, second.requests);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: 'budget_exhausted', message: expect.any(String) });
    const budget = await t.app.inject({
      method: 'GET',
      url: '/api/tokens/budget',
      headers: { authorization: `Bearer ${fresh.credential}` },
    });
    expect(
      budget.json().keys.find((key: { tokenKeyId: string }) => key.tokenKeyId === general.tokenKeyId),
    ).toEqual({
      tokenKeyId: general.tokenKeyId,
      scope: 'general',
      budget: 30,
      issued: 25,
      remaining: 5,
    });
    expect((await issue(t.app, fresh.credential, second.requests.slice(0, 5))).statusCode).toBe(200);
  });

  test('50 concurrent requests against a budget of 30 sign exactly 30', async () => {
    const fresh = await enrolMember(t.app);
    const { requests } = await blindTokens(general, 50);
    const responses = await Promise.all(requests.map((request) => issue(t.app, fresh.credential, [request])));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    const memberId = (await t.app.db.selectFrom('member').select('id').execute()).map((row) => row.id);
    const rows = (await issuanceRows()).filter(
      (row) => row.key_id === general.tokenKeyId && memberId.includes(row.member_id),
    );
    expect(rows.some((row) => row.issued === 30)).toBe(true);
  });

  test('a bad or missing credential: 401 invalid_credential', async () => {
    const { requests } = await blindTokens(general, 1);
    const body = Buffer.from(requests[0]!.serialize());
    for (const authorization of [
      undefined,
      'Bearer nonsense',
      `Bearer ${'A'.repeat(43)}`,
      `Basic ${member.credential}`,
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/tokens/issue',
        headers: {
          'content-type': 'application/private-token-request',
          ...(authorization ? { authorization } : {}),
        },
        payload: body,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toBe('invalid_credential');
    }
  });

  test('malformed TokenRequests: 422 invalid_token_request, nothing counted', async () => {
    const fresh = await enrolMember(t.app);
    const { requests } = await blindTokens(general, 1);
    const good = Buffer.from(requests[0]!.serialize());
    const wrongType = Buffer.from(good);
    wrongType[1] = 1;
    const unknownKey = Buffer.from(good);
    unknownKey[2] = (unknownKey[2]! + 1) % 256;
    const tooBig = Buffer.from(good);
    tooBig.fill(0xff, 3);
    const cases: [string, Buffer][] = [
      ['application/private-token-request', good.subarray(0, 100)],
      ['application/private-token-request', Buffer.concat([good, Buffer.from([0])])],
      ['application/private-token-request', wrongType],
      ['application/private-token-request', unknownKey],
      ['application/private-token-request', tooBig],
      ['application/private-token-generic-batch-request', good],
      ['application/private-token-generic-batch-request', Buffer.from([0])],
      [
        'application/private-token-generic-batch-request',
        encodeBatchRequest(
          Array.from({ length: 129 }, () => ({
            truncatedTokenKeyId: good[2]!,
            blindedMsg: good.subarray(3),
          })),
        ),
      ],
    ];
    for (const [contentType, payload] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/tokens/issue',
        headers: bearer(fresh.credential, contentType),
        payload,
      });
      expect([422, 413], `${contentType} ${payload.length}`).toContain(response.statusCode);
      expect(response.json()).toEqual({ error: expect.any(String), message: expect.any(String) });
    }
    const counted = await t.app.db
      .selectFrom('token_issuance')
      .innerJoin('member', 'member.id', 'token_issuance.member_id')
      .select('issued')
      .where('member.credential_hash', '=', t.app.secrets.hmac('member-credential', fresh.credential))
      .execute();
    expect(counted).toEqual([]);
    expect(TOKEN_REQUEST_LENGTH).toBe(259);
    expect(encodeTokenRequest({ truncatedTokenKeyId: 1, blindedMsg: Buffer.alloc(256) }).length).toBe(259);
  });

  test('JSON or another media type: 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/tokens/issue',
      headers: { authorization: `Bearer ${member.credential}`, 'content-type': 'application/json' },
      payload: { blindedMsg: 'x' },
    });
    expect(response.statusCode).toBe(415);
  });

  test('a scope key (budget 1) issues exactly one token per member', async () => {
    const { createScopeKey, keyDeps } = await import('../../server/tokens/keys.ts');
    const scope = 'pulse:00000000-0000-4000-8000-000000000001';
    await createScopeKey(keyDeps(t.app), {
      scope,
      budget: 1,
      notBefore: new Date(Date.now() - 1000),
      notAfter: new Date(Date.now() + 86_400_000),
    });
    const [authorization] = await member.tokens(scope, 1);
    expect(authorization).toMatch(/^PrivateToken token="/);
    await expect(member.tokens(scope, 1)).rejects.toThrow(/429/);
  });

  test('the database holds counts only: no blinded message, signature or time per member', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and table_name in ('member', 'token_issuance', 'spent_token') order by 1, 2`.execute(
      t.app.db,
    );
    expect(columns.rows.map((c) => `${c.table_name}.${c.column_name}:${c.data_type}`)).toEqual([
      'member.credential_hash:text',
      // From the code's batch, so a department label can be proven: never a code, name or time.
      'member.department_id:uuid',
      'member.id:uuid',
      'spent_token.key_id:text',
      'spent_token.nullifier:bytea',
      'token_issuance.issued:integer',
      'token_issuance.key_id:text',
      'token_issuance.member_id:uuid',
    ]);
  });
});
