// The RSA step of RFC 9474 §4.3 BlindSign, in plain JavaScript so that the signing threads
// (sign-worker.mjs) start without a TypeScript loader and run the very code the main thread runs.
import { constants, privateDecrypt, publicEncrypt } from 'node:crypto';

/**
 * s = m^d mod n through OpenSSL's raw RSA (CRT, blinded against timing); then m' = s^e mod n must
 * equal m, so a fault can never leak the key. The caller has checked that m has n's length and is below n.
 */
export function signAndCheck(privateKey, publicKey, blindedMsg) {
  const signature = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, blindedMsg);
  let check;
  try {
    check = publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    // s not below the public n (a key pair that does not match) is a failed check too, and the
    // caller learns only that, never OpenSSL's words about the numbers.
    check = undefined;
  }
  if (!check?.equals(blindedMsg)) throw new Error('blind signature failed its own verification');
  return signature;
}
