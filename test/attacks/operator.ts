// The adversary the anonymity model is designed against: the operator. It holds the whole database as
// superuser (system columns, every tuple version still on a page, the WAL), every log line, and the
// arrival time of every request at a proxy in front of the app (including the credential a request
// carries, which the operator can hash into a member id with the server's own secret).
//
// Each strategy ranks the enrolled members as authors of one anonymous item; the test scores top-1.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';

/** One request as the operator's proxy saw it. */
export interface SeenRequest {
  at: number;
  method: string;
  path: string;
  authorization: string | null;
  requestBody: Buffer;
  status: number;
  responseBody: Buffer;
}

/** A recording reverse proxy: forwards everything unchanged (Host included) and remembers it. */
export async function recordingProxy(
  upstreamPort: number,
): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((request, response) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: upstreamPort,
          method: request.method,
          path: request.url,
          headers: request.headers,
        },
        (answer) => {
          const out: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => out.push(chunk));
          answer.on('end', () => {
            const responseBody = Buffer.concat(out);
            seen.push({
              at,
              method: request.method ?? 'GET',
              path: request.url ?? '/',
              authorization: request.headers.authorization ?? null,
              requestBody,
              status: answer.statusCode ?? 0,
              responseBody,
            });
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            response.end(responseBody);
          });
        },
      );
      upstream.on('error', () => {
        response.writeHead(502);
        response.end();
      });
      upstream.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An anonymous item as the operator finds it, with the truth the scorer (not the attacker) knows. */
export interface Item {
  table: 'suggestion' | 'kudos' | 'pulse_response';
  id: string;
  xid: bigint;
  /** Block and line of the live tuple (ctid). */
  block: number;
  line: number;
  /** Commit order position in the WAL (LSN of the record that inserted it), as a number. */
  lsn: bigint;
  /** When its request reached the proxy. */
  arrivedAt: number;
  /** Ground truth: the member who wrote it (from a per-person marker in the text; never used by attacks). */
  author: string;
}

/** An identified write or request: something the operator can tie to a member. */
export interface IdentifiedEvent {
  member: string;
  xid?: bigint;
  lsn?: bigint;
  block?: number;
  line?: number;
  at?: number;
  /** The request's method and path (requests only). */
  path?: string;
}

export interface OperatorView {
  items: Item[];
  /** Identified writes from the tables (every tuple version still on a page) and the WAL. */
  writes: IdentifiedEvent[];
  /** Identified requests from the proxy (enrolment answers, anything carrying a credential). */
  requests: IdentifiedEvent[];
  /** When each member first became a candidate (xid of its member row). */
  enrolledAt: Map<string, bigint>;
}

const uuidFromBytes = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/**
 * Everything the operator can read about identified activity. `memberOfCredential` maps a bearer
 * credential to a member id (the operator holds the server's secret).
 */
export async function collectOperatorView(
  db: Kysely<any>,
  walStart: string,
  seen: SeenRequest[],
  memberOfCredential: (credential: string) => Promise<string | null>,
  truth: (table: Item['table'], text: string) => string | null,
): Promise<OperatorView> {
  await sql`create extension if not exists pageinspect`.execute(db);
  await sql`create extension if not exists pg_walinspect`.execute(db);

  // Every tuple version on the pages of the identified tables: live and dead, with their xmin.
  const versions = async (table: string, memberColumn: number) => {
    const blocks = await sql<{ n: number }>`select pg_relation_size(${table}::regclass) / 8192 as n`.execute(
      db,
    );
    const out: { member: string; xid: bigint; block: number; line: number }[] = [];
    for (let block = 0; block < Number(blocks.rows[0]!.n); block++) {
      const tuples = await sql<{ lp: number; t_xmin: string; attr: string | null }>`
        select lp, t_xmin::text, encode(t_attrs[${memberColumn}], 'hex') as attr
        from heap_page_item_attrs(get_raw_page(${table}, ${block}), ${table}::regclass)
        where t_xmin is not null`.execute(db);
      for (const tuple of tuples.rows)
        if (tuple.attr)
          out.push({ member: uuidFromBytes(tuple.attr), xid: BigInt(tuple.t_xmin), block, line: tuple.lp });
    }
    return out;
  };
  const memberRows = await versions('member', 1);
  const issuanceRows = await versions('token_issuance', 1);
  const enrolledAt = new Map<string, bigint>();
  for (const row of memberRows) {
    const before = enrolledAt.get(row.member);
    if (before === undefined || row.xid < before) enrolledAt.set(row.member, row.xid);
  }

  // The WAL since the simulation began: commit records give every transaction's place in commit order.
  const wal = await sql<{ xid: string; lsn: string }>`
    select record.xid::text as xid, (record.start_lsn - '0/0'::pg_lsn)::text as lsn
    from pg_get_wal_records_info(${walStart}::pg_lsn, pg_current_wal_flush_lsn()) as record
    where record.resource_manager = 'Transaction' and record.record_type like 'COMMIT%'`.execute(db);
  const commitLsn = new Map(wal.rows.map((row) => [BigInt(row.xid), BigInt(row.lsn)]));

  const writes: IdentifiedEvent[] = [...memberRows, ...issuanceRows].map((row) => ({
    ...row,
    lsn: commitLsn.get(row.xid),
  }));

  // Requests: the enrolment answer names the new credential; issuance and budget requests carry one.
  const requests: IdentifiedEvent[] = [];
  for (const request of seen) {
    let credential: string | null = null;
    const bearer = /^Bearer (\S+)$/.exec(request.authorization ?? '');
    if (bearer) credential = bearer[1]!;
    else if (request.path.startsWith('/api/enrol') && request.status === 201)
      credential = JSON.parse(request.responseBody.toString('utf8')).credential;
    if (!credential) continue;
    const member = await memberOfCredential(credential);
    if (member) requests.push({ member, at: request.at, path: `${request.method} ${request.path}` });
  }

  // Anonymous items: their rows (xmin, ctid, commit LSN) and the arrival of the request that wrote them.
  const items: Item[] = [];
  const anonymousPosts = seen.filter(
    (request) =>
      request.method === 'POST' &&
      /^PrivateToken /.test(request.authorization ?? '') &&
      request.status === 201,
  );
  for (const table of ['suggestion', 'kudos', 'pulse_response'] as const) {
    const textColumn = table === 'suggestion' ? 'text' : table === 'kudos' ? 'story' : 'comment';
    const rows = await sql<{ id: string; xid: string; ctid: string; text: string | null }>`
      select id::text, xmin::text as xid, ctid::text, ${sql.ref(textColumn)} as text from ${sql.table(table)}`.execute(
      db,
    );
    for (const row of rows.rows) {
      const author = row.text ? truth(table, row.text) : null;
      if (!author) continue; // rows written before the simulation (seeded content)
      const [block, line] = row.ctid.slice(1, -1).split(',').map(Number) as [number, number];
      const post = anonymousPosts.find((request) => request.requestBody.toString('utf8').includes(row.text!));
      items.push({
        table,
        id: row.id,
        xid: BigInt(row.xid),
        block,
        line,
        lsn: commitLsn.get(BigInt(row.xid)) ?? 0n,
        arrivedAt: post?.at ?? Number.NaN,
        author,
      });
    }
  }
  return { items, writes, requests, enrolledAt };
}

/** The run as a timeline (LINKABILITY_DUMP=1): who did what when, next to the items' physical order. */
export function timeline(view: OperatorView): string {
  const label = new Map(
    [...view.enrolledAt].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([m], i) => [m, `P${i}`]),
  );
  const start = Math.min(...view.requests.map((r) => r.at!));
  const lines = [
    ...view.requests.map((r) => ({ at: r.at!, text: `${label.get(r.member)} ${r.path}` })),
    ...view.items.map((i) => ({
      at: i.arrivedAt,
      text: `        ${i.table} by ${label.get(i.author)} at (${i.block},${i.line})`,
    })),
  ].sort((a, b) => a.at - b.at);
  const latest = new Map<string, IdentifiedEvent>();
  for (const w of view.writes)
    if (w.block !== undefined) {
      const seen = latest.get(w.member);
      if (!seen || w.block > seen.block! || (w.block === seen.block && w.line! > seen.line!))
        latest.set(w.member, w);
    }
  const order = [...latest.values()]
    .sort((a, b) => a.block! - b.block! || a.line! - b.line!)
    .map((w) => `${label.get(w.member)}@(${w.block},${w.line})`);
  return [
    ...lines.map((l) => `${((l.at - start) / 1000).toFixed(1).padStart(7)}s ${l.text}`),
    `latest identified tuple order: ${order.join(' ')}`,
  ].join('\n');
}

export type Strategy = (item: Item, view: OperatorView) => string | null;

/** The member whose identified write has the greatest xid below the item's. */
export const latestByXid: Strategy = (item, view) => {
  let best: IdentifiedEvent | null = null;
  for (const write of view.writes)
    if (write.xid! < item.xid && (!best || write.xid! > best.xid!)) best = write;
  return best?.member ?? null;
};

/** The member whose identified transaction committed last before the item's, in WAL order. */
export const latestByWal: Strategy = (item, view) => {
  let best: IdentifiedEvent | null = null;
  for (const write of view.writes)
    if (write.lsn !== undefined && write.lsn < item.lsn && (!best || write.lsn > best.lsn!)) best = write;
  return best?.member ?? null;
};

/** The member with an identified request nearest in time to the item's request (either side). */
export const nearestInTime: Strategy = (item, view) => {
  let best: IdentifiedEvent | null = null;
  for (const request of view.requests)
    if (!best || Math.abs(request.at! - item.arrivedAt) < Math.abs(best.at! - item.arrivedAt)) best = request;
  return best?.member ?? null;
};

/**
 * Physical order without any clock: items of a table in ctid order are matched to members in the
 * physical order of their latest token_issuance tuple version (the n-th item to the member whose
 * last issuance sits at the same relative position).
 */
export const ctidOrder: Strategy = (item, view) => {
  const sameTable = view.items
    .filter((other) => other.table === item.table)
    .sort((a, b) => a.block - b.block || a.line - b.line);
  const latest = new Map<string, IdentifiedEvent>();
  for (const write of view.writes) {
    if (write.block === undefined) continue;
    const seenBefore = latest.get(write.member);
    if (
      !seenBefore ||
      write.block > seenBefore.block! ||
      (write.block === seenBefore.block && write.line! > seenBefore.line!)
    )
      latest.set(write.member, write);
  }
  const members = [...latest.values()].sort((a, b) => a.block! - b.block! || a.line! - b.line!);
  if (members.length === 0) return null;
  const rank = sameTable.indexOf(item) / Math.max(1, sameTable.length - 1);
  return members[Math.round(rank * (members.length - 1))]!.member;
};

/**
 * The item's relative place among its table's items in arrival order, mapped onto `members`' order —
 * only the members who had enrolled (made their first identified request) before it arrived: an item
 * cannot be theirs before that, and chance counts only them too.
 */
function atSameRank(item: Item, view: OperatorView, members: string[]): string | null {
  const sameTable = view.items
    .filter((other) => other.table === item.table)
    .sort((a, b) => a.arrivedAt - b.arrivedAt);
  const first = requestTimes(view, Math.min);
  const candidates = members.filter((member) => first.get(member)! < item.arrivedAt);
  if (candidates.length === 0) return null;
  const rank = sameTable.indexOf(item) / Math.max(1, sameTable.length - 1);
  return candidates[Math.round(rank * (candidates.length - 1))]!;
}

/** Members ordered by one of their identified request times (`pick` folds them: latest or first). */
function requestTimes(view: OperatorView, pick: (a: number, b: number) => number): Map<string, number> {
  const at = new Map<string, number>();
  for (const request of view.requests) {
    const seen = at.get(request.member);
    at.set(request.member, seen === undefined ? request.at! : pick(seen, request.at!));
  }
  return at;
}

function membersBy(view: OperatorView, pick: (a: number, b: number) => number): string[] {
  return [...requestTimes(view, pick)].sort((a, b) => a[1] - b[1]).map(([member]) => member);
}

/**
 * Rank order in time: items of a table in arrival order are matched to members in the order of their
 * latest identified request (who fetched tokens last writes last).
 */
export const timeRankOrder: Strategy = (item, view) => atSameRank(item, view, membersBy(view, Math.max));

/**
 * Rank order of enrolment: the same, with members in the order they enrolled (their first identified
 * request). The wallet's first hold counts from the enrolment, so this is the anchor it must hide.
 */
export const enrolmentRankOrder: Strategy = (item, view) => atSameRank(item, view, membersBy(view, Math.min));

export const STRATEGIES: Record<string, Strategy> = {
  'latest identified write before it (xid)': latestByXid,
  'latest identified commit before it (WAL order)': latestByWal,
  'nearest identified request in time': nearestInTime,
  'physical order (ctid)': ctidOrder,
  'rank order in time': timeRankOrder,
  'rank order of enrolment': enrolmentRankOrder,
};

/** Top-1 hits and the chance of a uniform guess among the members enrolled before each item. */
export function score(
  view: OperatorView,
  strategy: Strategy,
): { hits: number; chance: number; items: number } {
  let hits = 0;
  let chance = 0;
  for (const item of view.items) {
    const candidates = [...view.enrolledAt.values()].filter((xid) => xid < item.xid).length;
    chance += 1 / Math.max(1, candidates);
    if (strategy(item, view) === item.author) hits++;
  }
  return { hits, chance, items: view.items.length };
}

/**
 * What a strategy would score if each member's items waited no differently from anyone else's: each
 * morning's measured delays (an item's arrival after its author's first identified request) are shuffled
 * among its items, `rounds` times. Real hits above this spread mean the delays themselves follow who
 * enrolled when (a diagnostic for the printout, not an assertion).
 */
export function shuffledDelays(
  views: OperatorView[],
  strategy: Strategy,
  rounds = 200,
): { mean: number; p95: number } {
  const mornings = views.map((view) => {
    const enrolled = requestTimes(view, Math.min);
    return { view, enrolled, delays: view.items.map((item) => item.arrivedAt - enrolled.get(item.author)!) };
  });
  const totals: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let hits = 0;
    for (const { view, enrolled, delays } of mornings) {
      const shuffled = shuffle(delays, Math.random);
      const items = view.items.map((item, i) => ({
        ...item,
        arrivedAt: enrolled.get(item.author)! + shuffled[i]!,
      }));
      hits += score({ ...view, items }, strategy).hits;
    }
    totals.push(hits);
  }
  totals.sort((a, b) => a - b);
  return {
    mean: totals.reduce((sum, hits) => sum + hits, 0) / rounds,
    p95: totals[Math.floor(rounds * 0.95)]!,
  };
}

/** A uniform random order (Fisher–Yates) drawn from `random`. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
