// The issuer's signing threads (server/tokens/signer.ts): the same checked signatures as blindSign on
// the event loop, a failed self-check never yields a signature, and the speculation guard.
import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { blindSign, generateIssuerKey, modulusOf, type IssuerKeyPair } from '../../server/tokens/crypto.ts';
import type { IssuerKey } from '../../server/tokens/keys.ts';
import { BlindSigner, SpeculationGuard } from '../../server/tokens/signer.ts';

const pairs = await Promise.all([generateIssuerKey(), generateIssuerKey(), generateIssuerKey()]);
/** Only what the signer reads of an issuer key. */
const issuerKey = (id: string, keyPair: IssuerKeyPair) =>
  ({ id, keyPair, modulus: modulusOf(keyPair.publicKey) }) as IssuerKey;
const keys = pairs.map((pair, index) => issuerKey(`key-${index}`, pair));
/** A random message below every modulus (its top byte is zero). */
const message = () => Buffer.concat([Buffer.from([0]), randomBytes(255)]);

const signers: BlindSigner[] = [];
const signer = (threads: number, options?: { maxKeysPerThread?: number }) => {
  const made = new BlindSigner(threads, options);
  signers.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(signers.splice(0).map((made) => made.close()));
});

describe.each([0, 1, 2])('BlindSigner with %i threads', (threads) => {
  test('gives exactly the signature blindSign gives, s^e mod n = m, for many requests at once', async () => {
    const made = signer(threads);
    const jobs = Array.from({ length: 40 }, (_, i) => ({
      key: keys[i % keys.length]!,
      blindedMsg: message(),
    }));
    const signatures = await Promise.all(jobs.map((job) => made.sign(job.key, job.blindedMsg)));
    for (const [index, job] of jobs.entries()) {
      expect(signatures[index]!.equals(blindSign(job.key.keyPair, job.blindedMsg))).toBe(true);
      const check = publicEncrypt(
        { key: job.key.keyPair.publicKey, padding: constants.RSA_NO_PADDING },
        signatures[index]!,
      );
      expect(check.equals(job.blindedMsg)).toBe(true);
    }
  });

  test('a signature that fails its self-check is never returned; the other jobs of the batch are', async () => {
    const made = signer(threads);
    // The private key of one pair with the public key of another: s^e mod n cannot give m back.
    const broken = issuerKey('broken', { privateKey: pairs[0]!.privateKey, publicKey: pairs[1]!.publicKey });
    const blindedMsg = message();
    const [bad, good] = await Promise.allSettled([
      made.sign(broken, blindedMsg),
      made.sign(keys[2]!, blindedMsg),
    ]);
    expect(bad.status).toBe('rejected');
    expect((bad as PromiseRejectedResult).reason.message).toMatch(/failed its own verification/);
    expect(good.status).toBe('fulfilled');
  });

  test('refuses a message of the wrong length or not below n before it reaches a thread', async () => {
    const made = signer(threads);
    await expect(made.sign(keys[0]!, Buffer.alloc(255, 1))).rejects.toThrow(/length/);
    await expect(made.sign(keys[0]!, Buffer.alloc(256, 0xff))).rejects.toThrow(/out of range/);
  });

  test('after close, signing is refused', async () => {
    const made = signer(threads);
    await made.sign(keys[0]!, message());
    await made.close();
    await expect(made.sign(keys[0]!, message())).rejects.toThrow(/closed/);
  });
});

test('a thread holding its limit of keys forgets them and is sent the ones it needs again', async () => {
  const made = signer(1, { maxKeysPerThread: 2 });
  for (let round = 0; round < 3; round++) {
    for (const key of keys) {
      const blindedMsg = message();
      expect((await made.sign(key, blindedMsg)).equals(blindSign(key.keyPair, blindedMsg))).toBe(true);
    }
  }
});

describe('SpeculationGuard', () => {
  test('signs ahead only for members whose last take here went through, and not after a refusal', () => {
    const guard = new SpeculationGuard();
    expect(guard.allows('member', 'general')).toBe(false); // unknown credential: never
    guard.record('member', 'general', false);
    expect(guard.allows('member', 'general')).toBe(false); // a refusal does not make it known
    guard.record('member', 'general', true);
    expect(guard.allows('member', 'general')).toBe(true);
    guard.record('member', 'general', false);
    expect(guard.allows('member', 'general')).toBe(false); // spent for this key
    expect(guard.allows('member', 'pulse:1')).toBe(true); // still known for others
    guard.record('member', 'pulse:1', true);
    expect(guard.allows('member', 'general')).toBe(true);
  });

  test('stays bounded', () => {
    const guard = new SpeculationGuard(3);
    for (const member of ['a', 'b', 'c', 'd']) guard.record(member, 'general', true);
    expect(guard.allows('d', 'general')).toBe(true);
    expect(['a', 'b', 'c'].filter((member) => guard.allows(member, 'general'))).toHaveLength(0);
  });
});
