// RFC 9474 and RFC 9578 (type 0x0002) test vectors against the project's own OpenSSL-based code.
import { createPrivateKey, createPublicKey, verify, constants } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  authorizationFor,
  blindSign,
  decodeTokenChallenge,
  decodeToken,
  decodeTokenKey,
  decodeTokenRequest,
  encodeTokenChallenge,
  encodeTokenKey,
  encodeTokenRequest,
  nullifierOf,
  parseAuthorization,
  sha256,
  tokenKeyIdOf,
  truncatedKeyId,
  verifyAuthenticator,
} from '../../server/tokens/crypto.ts';
import rfc9474 from './vectors/rfc9474.json' with { type: 'json' };
import rfc9578 from './vectors/rfc9578-type2.json' with { type: 'json' };

const hex = (value: string) => Buffer.from(value.replace(/^0x/, ''), 'hex');
const big = (value: string) => BigInt(value.startsWith('0x') ? value : `0x${value}`);
const b64 = (value: bigint) => {
  let text = value.toString(16);
  if (text.length % 2) text = `0${text}`;
  return Buffer.from(text, 'hex').toString('base64url');
};
const modInverse = (a: bigint, m: bigint) => {
  let [oldR, r, oldS, s] = [a % m, m, 1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
};

/** An OpenSSL key pair from the vector's p, q, e, d (CRT parameters derived). */
function keyPairFromNumbers(v: { p: string; q: string; n: string; e: string; d: string }) {
  const [p, q, n, e, d] = [big(v.p), big(v.q), big(v.n), big(v.e), big(v.d)];
  const jwk = {
    kty: 'RSA',
    n: b64(n),
    e: b64(e),
    d: b64(d),
    p: b64(p),
    q: b64(q),
    dp: b64(d % (p - 1n)),
    dq: b64(d % (q - 1n)),
    qi: b64(modInverse(q, p)),
  };
  const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

describe('RFC 9474 (RSABSSA-SHA384) vectors', () => {
  test.each(rfc9474.map((v) => [v.name, v] as const))(
    '%s: OpenSSL BlindSign gives the blind signature',
    (_name, v) => {
      const keyPair = keyPairFromNumbers(v);
      expect(blindSign(keyPair, hex(v.blinded_msg)).toString('hex')).toBe(v.blind_sig);
    },
  );

  test.each(rfc9474.filter((v) => v.sLen === '0x30').map((v) => [v.name, v] as const))(
    '%s: the final signature verifies as RSASSA-PSS (SHA-384, 48-byte salt)',
    (_name, v) => {
      const { publicKey } = keyPairFromNumbers(v);
      expect(verifyAuthenticator(publicKey, hex(v.input_msg), hex(v.sig))).toBe(true);
      const tampered = hex(v.input_msg);
      tampered[0]! ^= 1;
      expect(verifyAuthenticator(publicKey, tampered, hex(v.sig))).toBe(false);
    },
  );

  test.each(rfc9474.filter((v) => v.sLen === '0x00').map((v) => [v.name, v] as const))(
    '%s: the final signature verifies with a zero salt (OpenSSL sanity check of the vector)',
    (_name, v) => {
      const { publicKey } = keyPairFromNumbers(v);
      const ok = verify(
        'sha384',
        hex(v.input_msg),
        { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 0 },
        hex(v.sig),
      );
      expect(ok).toBe(true);
    },
  );

  test('a blinded message not below the modulus is refused', () => {
    const keyPair = keyPairFromNumbers(rfc9474[0]!);
    expect(() => blindSign(keyPair, Buffer.alloc(512, 0xff))).toThrow(/out of range/);
    expect(() => blindSign(keyPair, Buffer.alloc(255, 1))).toThrow(/length/);
  });
});

describe('RFC 9578 issuance protocol 2 (Blind RSA, type 0x0002) vectors', () => {
  test.each(rfc9578.map((v, i) => [i + 1, v] as const))('vector %i', (_index, v) => {
    const privateKey = createPrivateKey(hex(v.skS).toString('utf8'));
    const publicKey = createPublicKey(privateKey);

    // Token key: SPKI with the RSASSA-PSS OID, byte for byte.
    expect(encodeTokenKey(publicKey).toString('hex')).toBe(v.pkS);
    const parsedKey = decodeTokenKey(hex(v.pkS));
    expect(parsedKey.export({ format: 'jwk' }).n).toBe(publicKey.export({ format: 'jwk' }).n);
    const tokenKeyId = tokenKeyIdOf(hex(v.pkS));

    // TokenChallenge round trip.
    const challenge = decodeTokenChallenge(hex(v.token_challenge));
    expect(encodeTokenChallenge(challenge).toString('hex')).toBe(v.token_challenge);

    // TokenRequest → our BlindSign → TokenResponse.
    const request = decodeTokenRequest(hex(v.token_request));
    expect(request.truncatedTokenKeyId).toBe(truncatedKeyId(tokenKeyId));
    expect(encodeTokenRequest(request).toString('hex')).toBe(v.token_request);
    expect(blindSign({ privateKey, publicKey }, request.blindedMsg).toString('hex')).toBe(v.token_response);

    // Token → our verification.
    const token = decodeToken(hex(v.token));
    expect(token.nonce.toString('hex')).toBe(v.nonce);
    expect(token.challengeDigest.equals(sha256(hex(v.token_challenge)))).toBe(true);
    expect(token.tokenKeyId.equals(tokenKeyId)).toBe(true);
    expect(verifyAuthenticator(publicKey, token.tokenInput, token.authenticator)).toBe(true);
    expect(verifyAuthenticator(parsedKey, token.tokenInput, token.authenticator)).toBe(true);

    // The Authorization header carries it intact, and the nullifier is SHA-256 of the token input.
    const parsed = parseAuthorization(authorizationFor(hex(v.token)));
    expect(parsed?.tokenInput.equals(token.tokenInput)).toBe(true);
    expect(nullifierOf(token).equals(sha256(hex(v.token).subarray(0, 98)))).toBe(true);
  });
});

describe('Authorization header parsing', () => {
  const token = hex(rfc9578[0]!.token);
  const value = token.toString('base64url');

  test.each([
    [`PrivateToken token="${value}"`],
    [`PrivateToken token=${value}`],
    [`privatetoken  token = "${value}"`],
    [`PrivateToken token="${token.toString('base64')}"`.replace(/\+/g, '-').replace(/\//g, '_')],
  ])('accepts %s', (header) => {
    expect(parseAuthorization(header)).not.toBeNull();
  });

  test.each([
    [undefined],
    [''],
    ['PrivateToken'],
    ['PrivateToken token='],
    ['PrivateToken token=""'],
    ['PrivateToken token="AAAA"'],
    ['PrivateToken token="!!!not-base64!!!"'],
    [`PrivateToken token="${value}", token="${value}"`],
    [`PrivateToken token="${value.slice(0, -4)}"`],
    [`PrivateToken token="${value}AAAA"`],
    [`Bearer ${value}`],
    [`PrivateToken token="${'A'.repeat(10_000)}"`],
    // Token type 1 (VOPRF) is not ours.
    [`PrivateToken token="${Buffer.concat([Buffer.from([0, 1]), token.subarray(2)]).toString('base64url')}"`],
  ])('refuses %s', (header) => {
    expect(parseAuthorization(header as string | undefined)).toBeNull();
  });
});
