// Privacy Pass token type 0x0002 (Blind RSA 2048, RFC 9578 §6) on Node's OpenSSL.
// Pure functions: wire formats in and out, no database and no app state.
import { constants, createHash, createPublicKey, generateKeyPair, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { signAndCheck } from './rsa-blind-sign.mjs';

export const TOKEN_TYPE = 0x0002;
/** Modulus length in bytes (Nk). */
export const NK = 256;
/** Token key id length (Nid): SHA-256 of the token key. */
export const NID = 32;
export const NONCE_LENGTH = 32;
/** token_type + nonce + challenge_digest + token_key_id: the message the issuer signs blindly. */
export const TOKEN_INPUT_LENGTH = 2 + NONCE_LENGTH + 32 + NID;
export const TOKEN_LENGTH = TOKEN_INPUT_LENGTH + NK;
export const TOKEN_REQUEST_LENGTH = 2 + 1 + NK;
/** PSS salt length for RSABSSA-SHA384-PSS-Deterministic (RFC 9474 §5). */
export const SALT_LENGTH = 48;

export const MEDIA_TYPES = {
  request: 'application/private-token-request',
  response: 'application/private-token-response',
  // draft-ietf-privacypass-batched-tokens-06 §5 (generic batched issuance), as privacypass-ts names them.
  batchRequest: 'application/private-token-generic-batch-request',
  batchResponse: 'application/private-token-generic-batch-response',
  directory: 'application/private-token-issuer-directory',
} as const;

/** A wire structure that does not parse. */
export class FormatError extends Error {}

// ---- keys ----

const generateRsa = promisify(generateKeyPair);

export interface IssuerKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export async function generateIssuerKey(): Promise<IssuerKeyPair> {
  return generateRsa('rsa', { modulusLength: NK * 8, publicExponent: 0x10001 });
}

// AlgorithmIdentifier for id-RSASSA-PSS with SHA-384, MGF1-SHA-384 and a 48-byte salt, DER-encoded
// exactly as RFC 9578 §6.5 and privacypass-ts (rsa_util.ts) write it: hash AlgorithmIdentifiers
// without NULL parameters. Clients hash these bytes into the token key id, so they must match.
const RSASSA_PSS_ALGORITHM = Buffer.from(
  '303d06092a864886f70d01010a3030a00d300b0609608648016503040202' +
    'a11a301806092a864886f70d010108300b0609608648016503040202a203020130',
  'hex',
);
const RSA_ENCRYPTION_ALGORITHM = Buffer.from('300d06092a864886f70d0101010500', 'hex');

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const derSequence = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
};

/** Reads one DER element at `offset`; returns where its contents start and where it ends. */
function derElement(der: Buffer, offset: number): { tag: number; start: number; end: number } {
  if (offset + 2 > der.length) throw new FormatError('truncated DER');
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || start + count > der.length) throw new FormatError('bad DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | der[start + i]!;
    start += count;
  }
  if (start + length > der.length) throw new FormatError('truncated DER');
  return { tag, start, end: start + length };
}

/** The SubjectPublicKeyInfo's BIT STRING element (whole, with tag and length). */
function spkiBitString(spki: Buffer): Buffer {
  const outer = derElement(spki, 0);
  if (outer.tag !== 0x30 || outer.end !== spki.length) throw new FormatError('SPKI is not one SEQUENCE');
  const algorithm = derElement(spki, outer.start);
  if (algorithm.tag !== 0x30) throw new FormatError('SPKI has no AlgorithmIdentifier');
  const bits = derElement(spki, algorithm.end);
  if (bits.tag !== 0x03 || bits.end !== outer.end) throw new FormatError('SPKI has no BIT STRING');
  return spki.subarray(algorithm.end, bits.end);
}

/** The token key as published (RFC 9578 §6.5): SPKI with the RSASSA-PSS OID and parameters. */
export function encodeTokenKey(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return derSequence(RSASSA_PSS_ALGORITHM, spkiBitString(spki));
}

/** Parses a published token key back into an OpenSSL public key (rsaEncryption form). */
export function decodeTokenKey(tokenKey: Uint8Array): KeyObject {
  const bytes = Buffer.from(tokenKey);
  const outer = derElement(bytes, 0);
  const algorithm = derElement(bytes, outer.start);
  if (!bytes.subarray(outer.start, algorithm.end).equals(RSASSA_PSS_ALGORITHM)) {
    throw new FormatError('token key is not RSASSA-PSS with SHA-384 and a 48-byte salt');
  }
  const spki = derSequence(RSA_ENCRYPTION_ALGORITHM, spkiBitString(bytes));
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  if (key.asymmetricKeyDetails?.modulusLength !== NK * 8) throw new FormatError('token key is not RSA-2048');
  return key;
}

export const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

/** token_key_id = SHA-256(token key) (RFC 9578 §6.5). */
export const tokenKeyIdOf = (tokenKey: Uint8Array): Buffer => sha256(tokenKey);

/** truncated_token_key_id: the last byte of the token key id. */
export const truncatedKeyId = (tokenKeyId: Uint8Array): number => tokenKeyId[tokenKeyId.length - 1]!;

// ---- RFC 9474 BlindSign ----

const moduli = new WeakMap<KeyObject, Buffer>();
/** Big-endian modulus n of an RSA key (cached per key object). */
export function modulusOf(key: KeyObject): Buffer {
  let modulus = moduli.get(key);
  if (!modulus) {
    modulus = Buffer.from(key.export({ format: 'jwk' }).n!, 'base64url');
    moduli.set(key, modulus);
  }
  return modulus;
}

/** RFC 9474 §4.3: the blinded message must have n's length and be below n. */
export function checkBlindedMessage(key: IssuerKeyPair, blindedMsg: Uint8Array): void {
  const modulus = modulusOf(key.publicKey);
  if (blindedMsg.length !== modulus.length) throw new FormatError('blinded message has the wrong length');
  if (Buffer.compare(blindedMsg, modulus) >= 0) throw new FormatError('blinded message out of range');
}

/**
 * RFC 9474 §4.3 BlindSign: m must be below n; s = m^d mod n through OpenSSL's raw RSA (CRT, blinded
 * against timing); then m' = s^e mod n must equal m, so a fault can never leak the key. The issuer
 * runs the same steps on its signing threads (signer.ts).
 */
export function blindSign(key: IssuerKeyPair, blindedMsg: Uint8Array): Buffer {
  checkBlindedMessage(key, blindedMsg);
  return signAndCheck(key.privateKey, key.publicKey, blindedMsg);
}

/** RSASSA-PSS-VERIFY with SHA-384, MGF1-SHA-384 and a 48-byte salt (RFC 9474 §4.5). */
export function verifyAuthenticator(
  publicKey: KeyObject,
  tokenInput: Uint8Array,
  authenticator: Uint8Array,
): boolean {
  if (authenticator.length !== modulusOf(publicKey).length) return false;
  try {
    return verify(
      'sha384',
      tokenInput,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: SALT_LENGTH },
      authenticator,
    );
  } catch {
    return false;
  }
}

// ---- TokenChallenge (RFC 9577 §2.1) ----

export interface TokenChallenge {
  issuerName: string;
  /** 0 or 32 bytes. */
  redemptionContext: Uint8Array;
  /** Origin names, joined with ',' on the wire. */
  originInfo: string[];
}

export function encodeTokenChallenge(challenge: TokenChallenge): Buffer {
  const issuer = Buffer.from(challenge.issuerName, 'utf8');
  const origins = Buffer.from(challenge.originInfo.join(','), 'utf8');
  const context = challenge.redemptionContext;
  if (issuer.length < 1 || issuer.length > 0xffff) throw new FormatError('issuer name length');
  if (context.length !== 0 && context.length !== 32) throw new FormatError('redemption context length');
  if (origins.length > 0xffff) throw new FormatError('origin info length');
  const out = Buffer.alloc(2 + 2 + issuer.length + 1 + context.length + 2 + origins.length);
  let offset = out.writeUInt16BE(TOKEN_TYPE, 0);
  offset = out.writeUInt16BE(issuer.length, offset);
  offset += issuer.copy(out, offset);
  offset = out.writeUInt8(context.length, offset);
  offset += Buffer.from(context).copy(out, offset);
  offset = out.writeUInt16BE(origins.length, offset);
  origins.copy(out, offset);
  return out;
}

export function decodeTokenChallenge(bytes: Uint8Array): TokenChallenge {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (buffer.readUInt16BE(0) !== TOKEN_TYPE) throw new FormatError('TokenChallenge is not token type 2');
    let offset = 2;
    const issuerLength = buffer.readUInt16BE(offset);
    offset += 2;
    const issuerName = buffer.subarray(offset, (offset += issuerLength)).toString('utf8');
    const contextLength = buffer.readUInt8(offset);
    offset += 1;
    const redemptionContext = buffer.subarray(offset, (offset += contextLength));
    const originLength = buffer.readUInt16BE(offset);
    offset += 2;
    const origins = buffer.subarray(offset, (offset += originLength)).toString('utf8');
    if (offset !== buffer.length || issuerName.length === 0) throw new FormatError('bad TokenChallenge');
    if (contextLength !== 0 && contextLength !== 32) throw new FormatError('redemption context length');
    return { issuerName, redemptionContext, originInfo: origins ? origins.split(',') : [] };
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError('truncated TokenChallenge');
  }
}

/** redemption_context for a scope: SHA-256(utf8(scope)), a public constant (DESIGN §6). */
export const redemptionContextFor = (scope: string): Buffer => sha256(scope);

/** SHA-256 of the TokenChallenge a client builds for this issuer, origin and scope. */
export const challengeDigestFor = (issuerName: string, originInfo: string, scope: string): Buffer =>
  sha256(
    encodeTokenChallenge({
      issuerName,
      redemptionContext: redemptionContextFor(scope),
      originInfo: originInfo ? [originInfo] : [],
    }),
  );

// ---- TokenRequest / TokenResponse (RFC 9578 §6.1, §6.2) ----

export interface TokenRequest {
  truncatedTokenKeyId: number;
  blindedMsg: Buffer;
}

export function decodeTokenRequest(bytes: Uint8Array): TokenRequest {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length !== TOKEN_REQUEST_LENGTH) throw new FormatError('TokenRequest has the wrong length');
  if (buffer.readUInt16BE(0) !== TOKEN_TYPE) throw new FormatError('TokenRequest is not token type 2');
  return { truncatedTokenKeyId: buffer[2]!, blindedMsg: buffer.subarray(3) };
}

export function encodeTokenRequest(request: TokenRequest): Buffer {
  const out = Buffer.alloc(TOKEN_REQUEST_LENGTH);
  out.writeUInt16BE(TOKEN_TYPE, 0);
  out[2] = request.truncatedTokenKeyId;
  Buffer.from(request.blindedMsg).copy(out, 3);
  return out;
}

// ---- generic batched issuance (draft-ietf-privacypass-batched-tokens-06 §5) ----

/** QUIC variable-length integer (RFC 9000 §16). */
function readVarint(buffer: Buffer, offset: number): { value: number; size: number } {
  if (offset >= buffer.length) throw new FormatError('truncated length');
  const size = 1 << (buffer[offset]! >> 6);
  if (offset + size > buffer.length) throw new FormatError('truncated length');
  let value = buffer[offset]! & 0x3f;
  for (let i = 1; i < size; i++) value = value * 256 + buffer[offset + i]!;
  return { value, size };
}

export function encodeVarint(value: number): Buffer {
  if (value < 0x40) return Buffer.from([value]);
  if (value < 0x4000) return Buffer.from([0x40 | (value >> 8), value & 0xff]);
  if (value < 0x40000000) {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(value, 0);
    out[0]! |= 0x80;
    return out;
  }
  throw new FormatError('length too large');
}

/** GenericBatchTokenRequest: varint total length, then TokenRequests back to back. Only type 2 here. */
export function decodeBatchRequest(bytes: Uint8Array): TokenRequest[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { value: length, size } = readVarint(buffer, 0);
  if (size + length !== buffer.length) throw new FormatError('batch length does not match the body');
  if (length % TOKEN_REQUEST_LENGTH !== 0) throw new FormatError('batch holds a partial TokenRequest');
  const requests: TokenRequest[] = [];
  for (let offset = size; offset < buffer.length; offset += TOKEN_REQUEST_LENGTH) {
    requests.push(decodeTokenRequest(buffer.subarray(offset, offset + TOKEN_REQUEST_LENGTH)));
  }
  return requests;
}

export function encodeBatchRequest(requests: TokenRequest[]): Buffer {
  const body = Buffer.concat(requests.map(encodeTokenRequest));
  return Buffer.concat([encodeVarint(body.length), body]);
}

/** GenericBatchTokenResponse: each entry 0x01 + token_type + blind_sig, or 0x00 when not issued. */
export function encodeBatchResponse(signatures: (Uint8Array | null)[]): Buffer {
  const parts = signatures.map((signature) => {
    if (!signature) return Buffer.from([0x00]);
    const out = Buffer.alloc(3 + NK);
    out[0] = 0x01;
    out.writeUInt16BE(TOKEN_TYPE, 1);
    Buffer.from(signature).copy(out, 3);
    return out;
  });
  const body = Buffer.concat(parts);
  return Buffer.concat([encodeVarint(body.length), body]);
}

export function decodeBatchResponse(bytes: Uint8Array): (Buffer | null)[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { value: length, size } = readVarint(buffer, 0);
  if (size + length !== buffer.length) throw new FormatError('batch length does not match the body');
  const out: (Buffer | null)[] = [];
  let offset = size;
  while (offset < buffer.length) {
    if (buffer[offset] === 0x00) {
      out.push(null);
      offset += 1;
      continue;
    }
    if (buffer[offset] !== 0x01 || offset + 3 + NK > buffer.length) throw new FormatError('bad batch entry');
    if (buffer.readUInt16BE(offset + 1) !== TOKEN_TYPE) throw new FormatError('batch entry is not type 2');
    out.push(buffer.subarray(offset + 3, offset + 3 + NK));
    offset += 3 + NK;
  }
  return out;
}

// ---- Token (RFC 9577 §2.2) and the Authorization header ----

export interface Token {
  nonce: Buffer;
  challengeDigest: Buffer;
  tokenKeyId: Buffer;
  authenticator: Buffer;
  /** The signed bytes (AuthenticatorInput); its SHA-256 is the nullifier. */
  tokenInput: Buffer;
}

export function decodeToken(bytes: Uint8Array): Token {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length !== TOKEN_LENGTH) throw new FormatError('Token has the wrong length');
  if (buffer.readUInt16BE(0) !== TOKEN_TYPE) throw new FormatError('Token is not token type 2');
  return {
    nonce: buffer.subarray(2, 2 + NONCE_LENGTH),
    challengeDigest: buffer.subarray(2 + NONCE_LENGTH, 2 + NONCE_LENGTH + 32),
    tokenKeyId: buffer.subarray(2 + NONCE_LENGTH + 32, TOKEN_INPUT_LENGTH),
    authenticator: buffer.subarray(TOKEN_INPUT_LENGTH),
    tokenInput: buffer.subarray(0, TOKEN_INPUT_LENGTH),
  };
}

export function encodeToken(token: Pick<Token, 'tokenInput' | 'authenticator'>): Buffer {
  return Buffer.concat([token.tokenInput, token.authenticator]);
}

/** AuthenticatorInput (token_input) for a nonce, challenge digest and key. */
export function tokenInputFor(
  nonce: Uint8Array,
  challengeDigest: Uint8Array,
  tokenKeyId: Uint8Array,
): Buffer {
  const out = Buffer.alloc(TOKEN_INPUT_LENGTH);
  out.writeUInt16BE(TOKEN_TYPE, 0);
  Buffer.from(nonce).copy(out, 2);
  Buffer.from(challengeDigest).copy(out, 2 + NONCE_LENGTH);
  Buffer.from(tokenKeyId).copy(out, 2 + NONCE_LENGTH + 32);
  return out;
}

// One PrivateToken credential with exactly one `token` parameter, quoted or not (RFC 9577 §2.2.2).
const AUTHORIZATION =
  /^PrivateToken[ \t]+token[ \t]*=[ \t]*(?:"([A-Za-z0-9_-]+={0,2})"|([A-Za-z0-9_-]+={0,2}))[ \t]*$/i;
const MAX_HEADER = 1024;

/** Parses `Authorization: PrivateToken token="<base64url Token>"`; null when it is not exactly that. */
export function parseAuthorization(header: string | undefined): Token | null {
  if (!header || header.length > MAX_HEADER) return null;
  const match = AUTHORIZATION.exec(header.trim());
  if (!match) return null;
  const bytes = Buffer.from((match[1] ?? match[2])!.replace(/=+$/, ''), 'base64url');
  try {
    return decodeToken(bytes);
  } catch {
    return null;
  }
}

export const authorizationFor = (token: Uint8Array): string =>
  `PrivateToken token="${Buffer.from(token).toString('base64url')}"`;

/** nullifier = SHA-256(token_input): unique once spent. */
export const nullifierOf = (token: Pick<Token, 'tokenInput'>): Buffer => sha256(token.tokenInput);
