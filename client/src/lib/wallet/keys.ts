// Small helpers about issuer keys and tokens, without the Privacy Pass library (kept out of the
// first page load: privacy-pass.ts is imported only when tokens are fetched).

export interface IssuerKey {
  tokenKey: string;
  tokenKeyId: string;
  scope: string;
  budget: number;
  notBefore: string;
  notAfter: string;
  issuerName: string;
  originInfo: string;
}

/** The most TokenRequests the server signs in one batch. */
export const MAX_BATCH = 128;

export const base64url = {
  decode(text: string): Uint8Array {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  },
};

/**
 * The key is only trusted if it names this very server: a server handing one person a key or
 * challenge of their own could recognise them later. `host` is what the browser's address bar says.
 */
export function keyIsForHost(key: IssuerKey, host: string): boolean {
  const expected = host.toLowerCase();
  return key.issuerName === expected && key.originInfo === expected;
}

/** Whether a key's tokens can be spent at `now` (issuance is allowed earlier, from publication). */
export const isRedeemableAt = (key: Pick<IssuerKey, 'notBefore' | 'notAfter'>, now: number) =>
  Date.parse(key.notBefore) <= now && now < Date.parse(key.notAfter);

/** The token_key_id (hex) inside a `PrivateToken token="…"` header value, or null. */
export function tokenKeyIdOf(header: string): string | null {
  const match = /token="([A-Za-z0-9_-]+)=*"/.exec(header);
  if (!match) return null;
  const bytes = base64url.decode(match[1]!);
  if (bytes.length !== 2 + 32 + 32 + 32 + 256) return null;
  return Array.from(bytes.subarray(66, 98), (b) => b.toString(16).padStart(2, '0')).join('');
}
