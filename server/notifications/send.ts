// One HTTP POST to a webhook, bounded in time, refusing private and loopback addresses unless allowed.
// The address check runs inside the connection's own DNS lookup, so a name that resolves to a public
// address when the URL is saved and to 127.0.0.1 later (DNS rebinding) is still refused.
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** Loopback, private, link-local, carrier-grade NAT, multicast, unspecified (IPv4-mapped IPv6 too). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

/** A receiver answered 3xx: the redirect was not followed. */
export const REDIRECT_REFUSED = 'redirect_refused';

export class BlockedAddressError extends Error {
  readonly code = 'blocked_address';
}

export interface SendResult {
  ok: boolean;
  status: number | null;
  /** A short reason when not ok: 'timeout', 'blocked_address', 'redirect_refused', 'http 500', a socket error code. */
  error: string | null;
}

export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs: number;
}

/** The generic webhook's signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signature(secret: string, body: string, at = Date.now()): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export function post(url: string, body: string, headers: Record<string, string>, options: SendOptions) {
  return new Promise<SendResult>((resolve) => {
    const target = new URL(url);
    const lookup = (
      hostname: string,
      lookupOptions: object,
      callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
    ) =>
      dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
        if (error) return callback(error, []);
        const list = addresses as LookupAddress[];
        if (!options.allowPrivate && list.some((entry) => isPrivateAddress(entry.address)))
          return callback(new BlockedAddressError('private address'), []);
        const wantsAll = (lookupOptions as { all?: boolean }).all;
        if (wantsAll) return callback(null, list);
        callback(null, list[0]!.address, list[0]!.family);
      });
    // An address literal is connected to without a lookup: check it here.
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(literal) && isPrivateAddress(literal))
      return resolve({ ok: false, status: null, error: 'blocked_address' });
    const transport = target.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = transport.request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        lookup: lookup as never,
        agent: false,
      },
      (response) => {
        response.resume(); // the body is not read: a receiver cannot make us hold it
        const status = response.statusCode ?? 0;
        // A redirect is never followed: the receiver could point the POST at a private address (SSRF)
        // past the checks above. It fails with a reason of its own, and is not retried.
        const error =
          status >= 300 && status < 400 ? REDIRECT_REFUSED : status >= 300 ? `http ${status}` : null;
        finish({ ok: status >= 200 && status < 300, status, error });
        response.destroy();
      },
    );
    // The whole exchange, not just the connection: a receiver that accepts and never answers is cut off.
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, error: 'timeout' });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error instanceof BlockedAddressError ? 'blocked_address' : (error.code ?? 'network error');
      finish({ ok: false, status: null, error: code });
    });
    request.end(body);
  });
}

/** Checks a URL as it is saved: http(s), no credentials in it, and (unless allowed) no private address. */
export async function checkWebhookUrl(url: string, allowPrivate: boolean): Promise<string | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'That is not a URL.';
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return 'Use an https:// URL.';
  if (target.username || target.password) return 'Put no user name or password in the URL.';
  if (allowPrivate) return null;
  if (target.protocol !== 'https:') return 'Use an https:// URL.';
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host))
    return isPrivateAddress(host) ? 'Private, loopback and link-local addresses are blocked.' : null;
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(host, { all: true }, (error, found) => resolve(error ? [] : found)),
  );
  if (addresses.length === 0) return 'That host name does not resolve.';
  if (addresses.some((entry) => isPrivateAddress(entry.address)))
    return 'That host resolves to a private, loopback or link-local address, which is blocked.';
  return null;
}
