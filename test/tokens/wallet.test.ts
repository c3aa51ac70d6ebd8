// The browser wallet's Privacy Pass code (client/src/lib/wallet/privacy-pass.ts), run here against
// the real server over HTTP: its tokens verify with privacypass-ts' Origin and redeem exactly once.
import { AuthorizationHeader, publicVerif, TOKEN_TYPES } from '@cloudflare/privacypass-ts';
import { describe, expect, test } from 'vitest';
import {
  isRedeemableAt,
  keyIsForHost,
  obtainTokens,
  tokenKeyIdOf,
  type IssuerKey,
} from '../../client/src/lib/wallet/privacy-pass.ts';
import { enrolMember } from '../helpers/members.ts';
import { buildWithSpendRoutes } from './app.ts';

const t = buildWithSpendRoutes();
const HOST = 'greenroom.example.com';

async function walletKeys(): Promise<IssuerKey[]> {
  return (
    await t.app.inject({ method: 'GET', url: '/api/tokens/keys?scope=general', headers: { host: HOST } })
  ).json().keys;
}

const issueWith = (credential: string) => async (bytes: Uint8Array, batched: boolean) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/tokens/issue',
    headers: {
      host: HOST,
      authorization: `Bearer ${credential}`,
      'content-type': batched
        ? 'application/private-token-generic-batch-request'
        : 'application/private-token-request',
    },
    payload: Buffer.from(bytes),
  });
  if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
  return new Uint8Array(response.rawPayload);
};

describe('the wallet talks Privacy Pass', () => {
  test("the wallet's tokens verify with privacypass-ts Origin and redeem once each", async () => {
    const member = await enrolMember(t.app);
    const key = (await walletKeys()).find((candidate) => isRedeemableAt(candidate, Date.now()))!;
    expect(keyIsForHost(key, HOST)).toBe(true);
    const headers = await obtainTokens(key, 5, issueWith(member.credential));
    expect(headers).toHaveLength(5);
    expect(new Set(headers).size).toBe(5);

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
    for (const header of headers) {
      expect(tokenKeyIdOf(header)).toBe(key.tokenKeyId);
      const [parsed] = AuthorizationHeader.parse(TOKEN_TYPES.BLIND_RSA, header);
      expect(await origin.verify(parsed!.token, publicKey)).toBe(true);
      const first = await t.app.inject({
        method: 'POST',
        url: '/test/spend/general',
        headers: { host: HOST, authorization: header },
      });
      expect(first.statusCode).toBe(200);
    }
    const again = await t.app.inject({
      method: 'POST',
      url: '/test/spend/general',
      headers: { host: HOST, authorization: headers[0]! },
    });
    expect(again.json().error).toBe('token_spent');
  });

  test('a single token uses the plain (non-batched) form', async () => {
    const member = await enrolMember(t.app);
    const key = (await walletKeys()).find((candidate) => isRedeemableAt(candidate, Date.now()))!;
    let sawBatch: boolean | null = null;
    const headers = await obtainTokens(key, 1, async (bytes, batched) => {
      sawBatch = batched;
      return issueWith(member.credential)(bytes, batched);
    });
    expect(sawBatch).toBe(false);
    expect(headers).toHaveLength(1);
  });

  test('keys that do not name the address-bar host are refused by the wallet', async () => {
    const [key] = await walletKeys();
    expect(keyIsForHost(key!, HOST)).toBe(true);
    expect(keyIsForHost(key!, 'GreenRoom.Example.com')).toBe(true);
    expect(keyIsForHost({ ...key!, issuerName: 'tracker.example.com' }, HOST)).toBe(false);
    expect(keyIsForHost({ ...key!, originInfo: 'someone-specific' }, HOST)).toBe(false);
  });
});
