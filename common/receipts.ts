// Receipts, the same in the browser and on the server: 128 random bits in Crockford base32 (no I, L,
// O, U: easy to read back and type), grouped for humans. The browser makes the receipt itself, so
// the author holds it before anything leaves the browser; the server stores only its keyed hash.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECEIPT_LENGTH = 26; // ceil(128 / 5)

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** `XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`: 26 symbols carrying 128 random bits from the platform's CSPRNG. */
export function newReceipt(): string {
  const symbols = encode(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  return [0, 5, 10, 15, 20]
    .map((start, i) => symbols.slice(start, i === 4 ? undefined : start + 5))
    .join('-');
}

/**
 * The canonical form that is hashed: upper case, separators dropped, and the look-alikes people
 * type by mistake mapped as Crockford decoding does (O→0, I/L→1). null when it cannot be a receipt.
 */
export function normaliseReceipt(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== RECEIPT_LENGTH) return null;
  for (const symbol of symbols) if (!ALPHABET.includes(symbol)) return null;
  // The 26th symbol carries 3 bits and two zero bits of padding: anything else was not made by newReceipt.
  if ((ALPHABET.indexOf(symbols[25]!) & 3) !== 0) return null;
  return symbols;
}

/** The receipt as newReceipt writes it (grouped, upper case), whatever way it was typed; null if not one. */
export function formatReceipt(input: string): string | null {
  const symbols = normaliseReceipt(input);
  if (symbols === null) return null;
  return [0, 5, 10, 15, 20]
    .map((start, i) => symbols.slice(start, i === 4 ? undefined : start + 5))
    .join('-');
}
