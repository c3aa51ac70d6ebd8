import fc from 'fast-check';
import type { RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TestApp } from '../helpers/build.ts';
import { buildWithIdp } from '../helpers/idp.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { brokenAuthorization, deepNesting, mutantFor, valueFor } from './arbitraries.ts';

// Every HTTP route gets ≥ 200 generated requests from its own schema: valid, boundary and malformed
// bodies, query strings and headers. Never a 5xx, always {error, message} on refusal, and a refused
// request writes no row. The routes are split over several test files (fuzz-*.test.ts), each with its
// own app and database, so the suite's two workers share the load.
const CASES_PER_ROUTE = 200;

const skip = (route: RouteOptions) =>
  route.method === 'HEAD' ||
  (route as { websocket?: boolean }).websocket === true ||
  route.url.startsWith('/api/docs') ||
  !(route.url.startsWith('/api') || route.url.startsWith('/.well-known')) ||
  route.url === '/api/staff/logout';

// Written by background jobs (the debounced themes recompute, key rotation, job leases), not by
// requests — and `throttle`, whose whole point is to count refused attempts too.
const BACKGROUND_TABLES = [
  'theme',
  'theme_item',
  'theme_run',
  'token_key',
  'job_lease',
  'throttle',
  'key_log',
];
let countQuery: string | null = null;

/** Every table's row count in one statement (a refused request must leave all of them unchanged). */
async function rowCounts(t: TestApp): Promise<string> {
  if (!countQuery) {
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
        and table_name not in (${sql.join(BACKGROUND_TABLES)}) order by 1`.execute(t.app.db);
    countQuery = `select concat_ws(' ', ${tables.rows.map(({ name }) => `'${name}=' || (select count(*) from "${name}")`).join(', ')}) as counts`;
  }
  const result = await sql<{ counts: string }>`${sql.raw(countQuery)}`.execute(t.app.db);
  return result.rows[0]!.counts;
}

/**
 * What the database's next statement would see: the snapshot's bounds and the transactions in progress.
 * Every committed write changes it (a write takes a transaction id, which is in progress until it ends),
 * so while it stays the same no row was written anywhere and the counts need not be taken again.
 */
async function snapshot(t: TestApp): Promise<string> {
  const result = await sql<{ now: string }>`select pg_current_snapshot()::text as now`.execute(t.app.db);
  return result.rows[0]!.now;
}

function fillPath(url: string, params: Record<string, unknown>): string {
  return url.replace(/:(\w+)\??/g, (_match, name: string) => encodeURIComponent(String(params[name] ?? 'x')));
}

interface Case {
  params: unknown;
  query: unknown;
  body: unknown;
  rawBody: string | null;
  contentType: string;
  authorization: string | null;
  asAdmin: boolean;
}

function casesFor(route: RouteOptions): fc.Arbitrary<Case> {
  const schema = (route.schema ?? {}) as Record<string, any>;
  const body = fc.oneof(
    { weight: 3, arbitrary: valueFor(schema.body) },
    { weight: 3, arbitrary: mutantFor(schema.body) },
  );
  const rawBody = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '{"a":',
        'null',
        '"',
        deepNesting(5000),
        '[' + '1,'.repeat(20000) + '1]',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
  return fc.record({
    params: fc.oneof(valueFor(schema.params), mutantFor(schema.params)),
    query: fc.oneof(
      valueFor(schema.querystring),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 30 })),
    ),
    body,
    rawBody,
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'application/json',
      'text/plain',
      'application/private-token-request',
      'application/x-www-form-urlencoded',
    ),
    authorization: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: brokenAuthorization },
    ),
    asAdmin: fc.boolean(),
  });
}

/** Registers the fuzz tests for the given methods' routes whose URL `where` accepts. */
export function fuzzRoutes(methods: string[], where: (url: string) => boolean = () => true): void {
  // The company provider on (OIDC enrolment and staff sign-in): its routes are fuzzed working.
  const t = buildWithIdp();
  let admin: SignedInStaff;
  const selected = (method: string) =>
    t.routes.filter(
      (route) => !skip(route) && where(route.url) && [route.method].flat().includes(method as never),
    );

  beforeAll(async () => {
    admin = await given(t.app).staff('admin');
  });

  describe('every route survives generated hostile input', () => {
    test('the selection is not empty', () => {
      expect(methods.flatMap(selected).length).toBeGreaterThan(0);
    });

    /** Sends one generated request and checks its answer: never a 5xx, a refusal says what. */
    async function send(method: string, route: RouteOptions, sample: Case) {
      const params = (sample.params && typeof sample.params === 'object' ? sample.params : {}) as Record<
        string,
        unknown
      >;
      const query = (sample.query && typeof sample.query === 'object' ? sample.query : {}) as Record<
        string,
        string
      >;
      const headers: Record<string, string> = {};
      if (sample.asAdmin) Object.assign(headers, admin.headers);
      if (sample.authorization !== null) headers.authorization = sample.authorization;
      const withBody = method !== 'GET' && method !== 'DELETE';
      if (withBody) headers['content-type'] = sample.contentType;
      const payload = withBody ? (sample.rawBody ?? JSON.stringify(sample.body ?? null)) : undefined;
      const response = await t.app.inject({
        method: method as 'GET',
        url: fillPath(route.url, params),
        query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      const at = `${method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`;
      expect(response.statusCode, at).toBeLessThan(500);
      const refused = response.statusCode >= 400;
      if (refused)
        expect(response.json(), at).toEqual({ error: expect.any(String), message: expect.any(String) });
      return { at, refused };
    }

    test.each(methods)('%s routes', { timeout: 900_000 }, async (method) => {
      for (const route of selected(method)) {
        const samples = fc.sample(casesFor(route), { numRuns: CASES_PER_ROUTE, seed: 4242 });
        expect(samples.length).toBeGreaterThanOrEqual(CASES_PER_ROUTE);
        // A read that wrote no row at all, whatever it answered, needs no count after each request (on
        // PGlite a count took 6 ms against 0.4 ms for a refused request: most of the reads' fuzzing). A
        // read that wrote something is sent again, counted request by request like every write; if then
        // no request writes (a row written once and never again), the first pass's write is unexplained.
        const read = method === 'GET';
        if (read) {
          const untouched = await rowCounts(t);
          for (const sample of samples) await send(method, route, sample);
          if ((await rowCounts(t)) === untouched) continue;
        }
        // Counting every table is what costs (above): counts are taken again only when the snapshot moved. The snapshot is read before the counts it stands for,
        // so a write landing in between (a job the app started after answering) moves it again.
        let seen = await snapshot(t);
        let before = await rowCounts(t);
        let wrote = false;
        for (const sample of samples) {
          const { at, refused } = await send(method, route, sample);
          const now = await snapshot(t);
          const after = now === seen ? before : await rowCounts(t);
          seen = now;
          if (refused)
            expect(
              after.split(' ').filter((c) => !before.split(' ').includes(c)),
              `${at}: a refused request wrote rows`,
            ).toEqual([]);
          if (after !== before) wrote = true;
          before = after;
        }
        if (read)
          expect(
            wrote,
            `GET ${route.url}: rows were written by requests sent once, none when sent again`,
          ).toBe(true);
      }
    });
  });
}
