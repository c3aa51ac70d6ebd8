// The public key log: every issuer key ever published, in a hash chain anyone can check.
// Pure code that the browser wallet, the server and the keys:verify command line all run: only
// WebCrypto (`crypto.subtle`) and the language itself, no Node or DOM-only API.
//
// Hash of an entry (version 1), lowercase hex:
//   SHA-256( UTF-8( JSON.stringify(["greenroom-key-log/1", seq, scope, tokenKeyId, notBefore, notAfter, prevHash]) ) )
// seq is a JSON number; every other field a JSON string. Dates are ISO 8601 in UTC exactly as
// `Date.prototype.toISOString()` writes them ("2026-01-05T00:00:00.000Z"). A JSON array of strings
// and integers has one encoding, so the hash needs no other canonicalisation. The first entry's
// prevHash is 64 zeros.

export interface KeyLogEntry {
  seq: number;
  scope: string;
  tokenKeyId: string;
  notBefore: string;
  notAfter: string;
  prevHash: string;
  hash: string;
}
export interface KeyLogHead {
  seq: number;
  hash: string;
}
export interface PublishedKeyWindow {
  scope: string;
  tokenKeyId: string;
  notBefore: string;
  notAfter: string;
}

export const KEY_LOG_VERSION = 'greenroom-key-log/1';
/** prevHash of the first entry, and the hash of the head of an empty log. */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const toHex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** SHA-256 hex over prevHash and a canonical encoding of the entry's fields (see the top of this file). */
export async function entryHash(entry: Omit<KeyLogEntry, 'hash'>): Promise<string> {
  const encoded = JSON.stringify([
    KEY_LOG_VERSION,
    entry.seq,
    entry.scope,
    entry.tokenKeyId,
    entry.notBefore,
    entry.notAfter,
    entry.prevHash,
  ]);
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(encoded)));
}

interface Window {
  scope: string;
  tokenKeyId: string;
  notBefore: string;
  notAfter: string;
}

/** [a, b) and [c, d) share an instant. */
const overlaps = (a: Window, b: Window) =>
  Date.parse(a.notBefore) < Date.parse(b.notAfter) && Date.parse(b.notBefore) < Date.parse(a.notAfter);

const short = (id: string) => id.slice(0, 12);

/** The first pair of windows of one scope that overlap, in plain words; null when none do. */
function firstOverlap(windows: Window[], describe: (window: Window) => string): string | null {
  const byScope = new Map<string, Window[]>();
  for (const window of windows) byScope.set(window.scope, [...(byScope.get(window.scope) ?? []), window]);
  for (const [scope, list] of byScope) {
    const sorted = [...list].sort((a, b) => Date.parse(a.notBefore) - Date.parse(b.notBefore));
    for (let i = 1; i < sorted.length; i++) {
      // Sorted by start: a window overlapping any earlier one overlaps the one that ends last.
      const latest = sorted
        .slice(0, i)
        .reduce((a, b) => (Date.parse(b.notAfter) > Date.parse(a.notAfter) ? b : a));
      const window = sorted[i]!;
      if (overlaps(latest, window)) {
        return `two keys of scope "${scope}" are valid at the same time: ${describe(latest)} and ${describe(window)}`;
      }
    }
  }
  return null;
}

const windowText = (window: Window) => `${window.notBefore} – ${window.notAfter}`;

/**
 * Checks seq runs 1..n, every prevHash links, every hash recomputes, and no two entries of one scope
 * have overlapping windows [notBefore, notAfter); when `previous` is given, that the log extends it
 * (entry previous.seq has hash previous.hash). Returns the head or the first problem in plain words.
 */
export async function verifyKeyLog(
  entries: KeyLogEntry[],
  previous?: KeyLogHead,
): Promise<{ ok: true; head: KeyLogHead } | { ok: false; problem: string }> {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    if (entry.seq !== seq)
      return {
        ok: false,
        problem: `entry ${seq} is numbered ${entry.seq}: the log has a gap or is out of order`,
      };
    if (!HEX_64.test(entry.tokenKeyId))
      return { ok: false, problem: `entry ${seq} has a malformed key fingerprint` };
    if (!ISO_DATE.test(entry.notBefore) || !ISO_DATE.test(entry.notAfter))
      return { ok: false, problem: `entry ${seq} has a malformed date` };
    if (!(Date.parse(entry.notAfter) > Date.parse(entry.notBefore)))
      return { ok: false, problem: `entry ${seq} ends before it starts` };
    if (entry.prevHash !== prevHash)
      return { ok: false, problem: `entry ${seq} does not link to entry ${seq - 1}: the chain was altered` };
    const { hash, ...fields } = entry;
    if ((await entryHash(fields)) !== hash)
      return {
        ok: false,
        problem: `entry ${seq} does not match its hash: it was altered after it was written`,
      };
    prevHash = hash;
  }
  const overlap = firstOverlap(
    entries,
    (entry) => `entry ${(entry as KeyLogEntry).seq} (${windowText(entry)})`,
  );
  if (overlap) return { ok: false, problem: `the log lists ${overlap}` };
  const head = { seq: entries.length, hash: prevHash };
  if (previous) {
    if (previous.seq > entries.length) {
      return {
        ok: false,
        problem: `the log has ${entries.length} entries but you saw entry ${previous.seq} before: entries were removed`,
      };
    }
    const seen = previous.seq === 0 ? GENESIS_HASH : entries[previous.seq - 1]!.hash;
    if (seen !== previous.hash.toLowerCase()) {
      return {
        ok: false,
        problem: `entry ${previous.seq} differs from the one you saw before (${headLabel(previous)}): the log was rewritten`,
      };
    }
  }
  return { ok: true, head };
}

/**
 * Problems (plain words, empty when fine) with keys a server publishes: a key missing from the log,
 * a window differing from its log entry, or two keys of one scope with overlapping windows.
 */
export function checkPublishedKeys(keys: PublishedKeyWindow[], log: KeyLogEntry[]): string[] {
  const problems: string[] = [];
  const logged = new Map(log.map((entry) => [entry.tokenKeyId, entry]));
  for (const key of keys) {
    const entry = logged.get(key.tokenKeyId);
    const name = `key ${short(key.tokenKeyId)} (scope "${key.scope}")`;
    if (!entry) {
      problems.push(`${name} is published but missing from the key log`);
      continue;
    }
    if (
      entry.scope !== key.scope ||
      Date.parse(entry.notBefore) !== Date.parse(key.notBefore) ||
      Date.parse(entry.notAfter) !== Date.parse(key.notAfter)
    ) {
      problems.push(
        `${name} is published for "${key.scope}" ${windowText(key)} but logged for "${entry.scope}" ${windowText(entry)}`,
      );
    }
  }
  const overlap = firstOverlap(keys, (key) => `key ${short(key.tokenKeyId)} (${windowText(key)})`);
  if (overlap) problems.push(`the server publishes ${overlap}`);
  return problems;
}

/** Short form of a head for people to compare aloud, e.g. "#12 3fa9·c2d1·8b07·e611". */
export function headLabel(head: KeyLogHead): string {
  const hash = head.hash.toLowerCase();
  return `#${head.seq} ${[0, 4, 8, 12].map((at) => hash.slice(at, at + 4)).join('·')}`;
}
