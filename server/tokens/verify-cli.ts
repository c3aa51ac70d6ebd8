// npm run keys:verify -- <portal url> [--head <seq>:<hash>]
// An auditor's check of a portal from outside, with nothing but its public answers: the key log's
// chain, each key's fingerprint against the RFC 9578 issuer directory, every published key in the
// log with its window, one key per scope per window, and (with --head) that the log extends a head
// seen before. Prints the head label and each problem; exits 1 on any problem, 2 on bad usage.
import { createHash } from 'node:crypto';
import {
  checkPublishedKeys,
  headLabel,
  verifyKeyLog,
  type KeyLogEntry,
  type KeyLogHead,
  type PublishedKeyWindow,
} from '../../common/key-log.ts';

const USAGE = 'usage: npm run keys:verify -- <portal url> [--head <seq>:<hash>]';

interface DirectoryKey {
  'token-type': number;
  'token-key': string;
  'not-before'?: number;
}
interface PublishedKey extends PublishedKeyWindow {
  tokenKey: string;
}

export interface PortalVerdict {
  head: KeyLogHead | null;
  problems: string[];
}

export function parseHead(text: string): KeyLogHead | null {
  const match = /^(\d+):([0-9a-fA-F]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2]!.toLowerCase() } : null;
}

async function getJson(base: URL, path: string): Promise<unknown> {
  const response = await fetch(new URL(path, base), { headers: { accept: 'application/json, */*' } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

const fingerprintOf = (tokenKey: string) =>
  createHash('sha256').update(Buffer.from(tokenKey, 'base64url')).digest('hex');

/** Everything keys:verify checks, as data (the command line prints it). */
export async function verifyPortal(portalUrl: string, previous?: KeyLogHead): Promise<PortalVerdict> {
  const base = new URL(portalUrl);
  const problems: string[] = [];
  let directory: { 'token-keys': DirectoryKey[] };
  let published: { keys: PublishedKey[] };
  let log: { entries: KeyLogEntry[]; head: KeyLogHead };
  try {
    directory = (await getJson(base, '/.well-known/private-token-issuer-directory')) as typeof directory;
    published = (await getJson(base, '/api/tokens/keys')) as typeof published;
    log = (await getJson(base, '/api/tokens/key-log')) as typeof log;
  } catch (error) {
    return { head: null, problems: [`cannot read the portal: ${(error as Error).message}`] };
  }

  const chain = await verifyKeyLog(log.entries, previous);
  let head: KeyLogHead | null = null;
  if (!chain.ok) problems.push(chain.problem);
  else {
    head = chain.head;
    if (log.head.seq !== head.seq || log.head.hash !== head.hash)
      problems.push(`the server names head ${headLabel(log.head)} but its entries end at ${headLabel(head)}`);
  }

  for (const key of published.keys) {
    const fingerprint = fingerprintOf(key.tokenKey);
    if (fingerprint !== key.tokenKeyId)
      problems.push(
        `key ${key.tokenKeyId.slice(0, 12)} (scope "${key.scope}") is not the SHA-256 of its token key`,
      );
  }
  const byTokenKey = new Map(published.keys.map((key) => [key.tokenKey, key]));
  for (const entry of directory['token-keys']) {
    const fingerprint = fingerprintOf(entry['token-key']);
    const key = byTokenKey.get(entry['token-key']);
    if (!key) problems.push(`directory key ${fingerprint.slice(0, 12)} is missing from /api/tokens/keys`);
    else if (
      entry['not-before'] !== undefined &&
      entry['not-before'] !== Math.floor(Date.parse(key.notBefore) / 1000)
    )
      problems.push(
        `directory key ${fingerprint.slice(0, 12)} starts at a different time than /api/tokens/keys says`,
      );
    if (!log.entries.some((logged) => logged.tokenKeyId === fingerprint))
      problems.push(`directory key ${fingerprint.slice(0, 12)} is missing from the key log`);
  }
  const inDirectory = new Set(directory['token-keys'].map((entry) => entry['token-key']));
  for (const key of published.keys) {
    if (!inDirectory.has(key.tokenKey))
      problems.push(
        `key ${key.tokenKeyId.slice(0, 12)} (scope "${key.scope}") is not in the issuer directory`,
      );
  }
  problems.push(...checkPublishedKeys(published.keys, log.entries));
  return { head, problems: [...new Set(problems)] };
}

async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  const headIndex = args.indexOf('--head');
  let previous: KeyLogHead | undefined;
  if (headIndex >= 0) {
    const parsed = parseHead(args.splice(headIndex, 2)[1] ?? '');
    if (!parsed) {
      process.stderr.write(`--head needs <seq>:<64 hex digits>\n${USAGE}\n`);
      return 2;
    }
    previous = parsed;
  }
  const [portal] = args;
  if (!portal || !URL.canParse(portal)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { head, problems } = await verifyPortal(portal, previous);
  if (head) process.stdout.write(`Key log head: ${headLabel(head)}  (${head.seq}:${head.hash})\n`);
  for (const problem of problems) process.stdout.write(`PROBLEM: ${problem}\n`);
  if (problems.length === 0) {
    process.stdout.write(
      previous
        ? `OK: the key log is consistent and extends ${headLabel(previous)}.\n`
        : 'OK: the key log is consistent with every key this portal publishes.\n',
    );
  }
  return problems.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`keys:verify failed: ${(error as Error).message}\n`);
      process.exit(2);
    },
  );
}
