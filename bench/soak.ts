// Soak benchmark (issue 19): the mixed load of a busy morning, held for SOAK_MINUTES (default 15), while the
// corpus grows and the themes job recomputes behind it. 5 focus-group rooms × 40 people at 2 messages/s per
// room, 20 anonymous suggestions/s and 20 votes/s (each spending a real Privacy Pass token), and a moderator
// reading the queue and publishing every 2 s.
//
//   npm run bench:soak            (SOAK_MINUTES, ROOMS, PER_ROOM, RATE, SUBMITS, VOTES override;
//                                  SOAK_PROFILE=dir writes the server's CPU profiles there;
//                                  SOAK_HEAP=dir writes heap snapshots of its main thread at 2.5 min and
//                                  at the end, to compare what it holds — it pauses the server ~1 s;
//                                  SOAK_LOG_LEVEL=info prints the server's log, each themes run with it;
//                                  SOAK_SPACES=1 prints the server thread's V8 spaces once a minute;
//                                  SOAK_PUBLIC_EVERY_MINUTES, default 5: the employees' snapshot's schedule)
//
// Prints one line per minute — room delivery p50/p99, submit p99, vote p99, the moderator queue's p50, the
// server's RSS and the V8 heaps (used, committed, external buffers) of its thread and the themes engine's, the corpus size, CPU used by the server (all its threads), by Postgres and by this load
// generator, and the themes runs saved (full ones in brackets) with their summed duration — then the checks the issue asks for: delivery p99 in the last minute
// within 25% of the first, delivery p99 within a second after a themes snapshot save ≤ 30 ms (and the same
// figure away from saves, measured in the same run), RSS growth over the last two thirds of the run ≤ 10%,
// and every message delivered exactly once to every socket of its room.
//
// The server runs in a child process on its own Postgres database; this process is the load generator. All
// tokens are made before the clock starts (issuance is measured by bench:issuance, not here).
import { fork, type ChildProcess } from 'node:child_process';
import { constants, randomBytes, sign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 15);
const ROOMS = Number(process.env.ROOMS ?? 5);
const PER_ROOM = Number(process.env.PER_ROOM ?? 40);
const RATE = Number(process.env.RATE ?? 2); // messages per second per room
const SUBMITS = Number(process.env.SUBMITS ?? 20); // suggestions per second
const VOTES = Number(process.env.VOTES ?? 20); // votes per second
const PUBLISH_EVERY_MS = 2000;

interface Ready {
  port: number;
  databaseUrl: string;
  rooms: Array<{ id: string; seats: string[] }>;
  tokens: string[];
  moderatorCookie: string;
  departmentIds: string[];
}

// ---------------------------------------------------------------- server (child process)

async function serve(): Promise<void> {
  const { buildApp } = await import('../server/app.ts');
  const { loadConfig } = await import('../server/config.ts');
  const { createFocusGroup, takeSeat } = await import('../server/focus-groups/queries.ts');
  const { given } = await import('../test/helpers/given.ts');
  const { challengeDigestFor, encodeToken, NONCE_LENGTH, SALT_LENGTH, TOKEN_TYPE } =
    await import('../server/tokens/crypto.ts');
  const { databaseUrl, postgresReachable, withAdminClient } = await import('../test/helpers/postgres.ts');
  if (!(await postgresReachable()))
    throw new Error(
      'This benchmark needs Postgres (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432).',
    );

  const name = `greenroom_soak_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const url = databaseUrl(name);
  // The demo seed is the starting corpus (a realistic mix of suggestions, kudos, pulses and feedback).
  const app = await buildApp(
    loadConfig({
      DATABASE_URL: url,
      DATA_DIR: 'memory://',
      LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? 'warn',
      SEED_DEMO: 'true',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      GREENROOM_SECRET: randomBytes(32).toString('hex'),
      // The employees' snapshot runs hourly; here every 5 minutes, so each soak has its runs in the
      // window instead of one by chance (it fell inside one 15-minute soak of two, and failed it).
      THEMES_PUBLIC_EVERY_MINUTES: process.env.SOAK_PUBLIC_EVERY_MINUTES ?? '5',
    }),
  );
  // SEED_DEMO only applies to the embedded database (server/main.ts): seed it here, as `npm start` would.
  const { seedDemo } = await import('../server/seed/index.ts');
  await seedDemo(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const moderator = await given(app).staff('moderator');
  const departmentIds = (await app.db.selectFrom('department').select('id').execute()).map((d) => d.id);

  const rooms: Ready['rooms'] = [];
  for (let r = 0; r < ROOMS; r++) {
    const id = await createFocusGroup(app.db, {
      title: `Soak room ${r}`,
      description: '',
      prompts: ['What gets in the way?'],
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + (MINUTES + 60) * 60_000),
      capacity: Math.min(200, Math.max(PER_ROOM, 3)),
      moderation: 'post',
      createdBy: moderator.id,
    });
    const seats: string[] = [];
    for (let s = 0; s < PER_ROOM; s++) {
      const seat = randomBytes(32).toString('base64url');
      await app.db.transaction().execute((trx) => takeSeat(trx, id, app.secrets.hmac('seat', seat)));
      seats.push(seat);
    }
    rooms.push({ id, seats });
  }

  // Every token the run will spend, made before the clock starts. Blinding and finalizing in JavaScript
  // (privacypass-ts) ran at ~35 tokens/s here, 18 minutes for a 15-minute run, so the bench signs token
  // inputs with the issuer's key directly: the same RSASSA-PSS authenticator a finalized blind signature
  // is (RFC 9474), redeemed through the same routes. Issuance speed is bench:issuance's job, not this one's.
  const needed = Math.ceil((SUBMITS + VOTES) * MINUTES * 60 * 1.05) + 200;
  const published = (
    (await (await fetch(`${base}/api/tokens/keys?scope=general`)).json()) as {
      keys: import('../test/helpers/members.ts').PublishedKey[];
    }
  ).keys[0]!;
  const issuerKey = (await app.tokenKeys.byId(published.tokenKeyId))!;
  const digest = challengeDigestFor(published.issuerName, published.originInfo, published.scope);
  const tokens: string[] = [];
  const started = performance.now();
  for (let n = 0; n < needed; n++) {
    const tokenInput = Buffer.concat([
      Buffer.from([TOKEN_TYPE >> 8, TOKEN_TYPE & 0xff]),
      randomBytes(NONCE_LENGTH),
      digest,
      issuerKey.idBytes,
    ]);
    const authenticator = sign('sha384', tokenInput, {
      key: issuerKey.keyPair.privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: SALT_LENGTH,
    });
    tokens.push(`PrivateToken token="${encodeToken({ tokenInput, authenticator }).toString('base64url')}"`);
  }
  console.error(
    `[soak] ${tokens.length} tokens minted in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );

  process.send!({
    port,
    databaseUrl: url,
    rooms,
    tokens,
    moderatorCookie: moderator.cookie,
    departmentIds,
  } satisfies Ready);
  // Where the memory is: the server thread's V8 heap and the engine thread's (as of its last run).
  const { themesJob } = await import('../server/themes/job.ts');
  setInterval(() => {
    const engine = themesJob(app).engineHeap;
    const main = process.memoryUsage();
    process.send!({
      heap: {
        main: { used: main.heapUsed, committed: main.heapTotal, external: main.external },
        engine: { used: engine?.used ?? 0, committed: engine?.total ?? 0, external: engine?.external ?? 0 },
      },
    } satisfies Heap);
  }, 5000).unref();
  // SOAK_SPACES=1: the server thread's V8 spaces (committed MB) once a minute, to see which one grows.
  if (process.env.SOAK_SPACES) {
    const { getHeapSpaceStatistics } = await import('node:v8');
    setInterval(() => {
      const spaces = getHeapSpaceStatistics()
        .filter((space) => space.space_size > 0)
        .map(
          (space) => `${space.space_name.replace('_space', '')} ${(space.space_size / 2 ** 20).toFixed(0)}`,
        );
      console.log('[soak] server spaces MB committed:', spaces.join(', '));
    }, 60_000).unref();
  }
  // The server thread's collections of 10 ms or more (when they ended, how long): the bench lines them
  // up with the saves, to tell a collection from a slow save in the second after one.
  const { PerformanceObserver } = await import('node:perf_hooks');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.duration >= 10)
        process.send!({
          gc: { endedAt: performance.timeOrigin + entry.startTime + entry.duration, ms: entry.duration },
        } satisfies Gc);
  }).observe({ entryTypes: ['gc'] });
  const snap = async (label: string) => {
    if (!process.env.SOAK_HEAP) return;
    const { writeHeapSnapshot } = await import('node:v8');
    console.log('[soak] heap snapshot', writeHeapSnapshot(`${process.env.SOAK_HEAP}/${label}.heapsnapshot`));
  };
  setTimeout(() => void snap('early'), 150_000).unref();
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    await snap('end');
    await app.close();
    await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    process.exit(0);
  });
  process.on('disconnect', () => process.exit(1));
}

// ---------------------------------------------------------------- load generator

const now = () => performance.now();
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
};
const ms = (value: number) => (Number.isNaN(value) ? '   –' : value.toFixed(0).padStart(4));

const TOPICS = [
  'The expense tool logs everyone out after five minutes of reading a receipt',
  'Printers on the third floor run out of toner every Monday',
  'Onboarding packs still point new joiners at the old intranet address',
  'Underwriting turnaround doubled since the new checklist came in',
  'The VPN drops every time a laptop goes to sleep',
  'Please thank the facilities team for fixing the lifts so quickly',
  'Legal review of small contracts takes three weeks and customers ask why',
  'Payroll answered my question the same day, brilliant service',
];

/** A V8 heap in bytes: in use, committed (held from the system), and outside it (typed arrays' buffers…). */
interface HeapFigures {
  used: number;
  committed: number;
  external: number;
}

interface Heap {
  heap: { main: HeapFigures; engine: HeapFigures };
}

/** A collection on the server thread: when it ended (epoch ms) and how long it paused. */
interface Gc {
  gc: { endedAt: number; ms: number };
}

interface Minute {
  deliveries: number[];
  submits: number[];
  votes: number[];
  queue: number[];
  errors: number;
  /** Server RSS sampled every 5 s (MB); the minute's level is their median, its peak their maximum. */
  rssSamples: number[];
  rss: number;
  rssPeak: number;
  /** V8 heaps, sampled every 5 s (MB): the server thread's, and the engine thread's after its last run. */
  heapSamples: Array<{ main: HeapFigures; engine: HeapFigures }>;
  /** The minute's medians of heapSamples (MB). */
  heap: { main: HeapFigures; engine: HeapFigures };
  corpus: number;
  /** Themes runs saved this minute (both scopes), how many were full, and their summed duration. */
  runs: number;
  fullRuns: number;
  runMs: number;
}

/** A process's /proc stat fields after its name (field 3, the state, first), or null once it exited. */
function statOf(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds a process has used (all its threads): utime + stime, in clock ticks. */
const cpuOf = (pid: number) => {
  const fields = statOf(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : 0;
};

/** CPU seconds a process's reaped children used (cutime + cstime): backends that have exited. */
const childrenCpuOf = (pid: number) => {
  const fields = statOf(pid);
  return fields ? (Number(fields[13]) + Number(fields[14])) / 100 : 0;
};

/**
 * CPU seconds used so far by Postgres on this machine (the bench's database is the busy one): every live
 * postgres process, plus what exited backends used (the postmaster's reaped children).
 */
function postgresCpu(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const pid = Number(entry);
      total += cpuOf(pid);
      // The postmaster is the postgres process whose parent is not postgres.
      const parent = statOf(pid)?.[1];
      if (readFileSync(`/proc/${parent}/comm`, 'utf8').trim() !== 'postgres') total += childrenCpuOf(pid);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Medians of the minute's heap samples, server thread and engine thread (MB). */
function heapMedians(samples: Minute['heapSamples']): Minute['heap'] {
  const median = (values: number[]) =>
    values.length === 0
      ? 0
      : percentile(
          [...values].sort((a, b) => a - b),
          50,
        );
  const of = (thread: 'main' | 'engine'): HeapFigures => ({
    used: median(samples.map((sample) => sample[thread].used)),
    committed: median(samples.map((sample) => sample[thread].committed)),
    external: median(samples.map((sample) => sample[thread].external)),
  });
  return { main: of('main'), engine: of('engine') };
}

const mb = (value: number) => value.toFixed(0).padStart(4);
const heapLine = ({ main, engine }: Minute['heap']) =>
  `${mb(main.used)}/${mb(main.committed)}/${mb(main.external)} · ${mb(engine.used)}/${mb(engine.committed)}/${mb(engine.external)}`;

function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  const child = fork(import.meta.filename, ['--serve'], {
    // SOAK_PROFILE=dir: the server writes V8 CPU profiles there (its main thread and the engine thread).
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.SOAK_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SOAK_PROFILE}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${ready.port}`;
  const db = new pg.Client({ connectionString: ready.databaseUrl });
  await db.connect();

  const minutes: Minute[] = [];
  const fresh = (): Minute => ({
    deliveries: [],
    submits: [],
    votes: [],
    queue: [],
    errors: 0,
    rssSamples: [],
    rss: 0,
    rssPeak: 0,
    heapSamples: [],
    heap: { main: { used: 0, committed: 0, external: 0 }, engine: { used: 0, committed: 0, external: 0 } },
    corpus: 0,
    runs: 0,
    fullRuns: 0,
    runMs: 0,
  });
  let current = fresh();
  /** Every delivery: when it arrived (performance clock) and how long it took. */
  const arrivals: Array<[number, number]> = [];

  // Sockets: every seat joins its room; every delivery is checked for duplicates and timed.
  const received: Array<Array<Set<number>>> = ready.rooms.map(() => []);
  const sockets: WebSocket[][] = ready.rooms.map(() => []);
  let duplicates = 0;
  const marker = '"text":"soak ';
  for (const [r, room] of ready.rooms.entries()) {
    for (const [index, seat] of room.seats.entries()) {
      const ws = new WebSocket(`ws://127.0.0.1:${ready.port}/api/focus-groups/${room.id}/socket`, {
        perMessageDeflate: false,
      });
      const seen = new Set<number>();
      received[r]![index] = seen;
      sockets[r]![index] = ws;
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', seat, lastSeq: 0 })));
        ws.once('error', reject);
        ws.on('message', (data) => {
          const text = data.toString();
          if (text.startsWith('{"type":"welcome"')) return resolve();
          const at = text.indexOf(marker);
          if (at < 0) return;
          const seq = Number(/"seq":(\d+)/.exec(text)?.[1]);
          if (seen.has(seq)) duplicates++;
          seen.add(seq);
          const sentAt = Number(text.slice(at + marker.length, text.indexOf(' ', at + marker.length)));
          const latency = now() - sentAt;
          current.deliveries.push(latency);
          arrivals.push([now(), latency]);
        });
      });
    }
  }
  console.error(`[soak] ${ROOMS * PER_ROOM} sockets joined; ${ready.tokens.length} tokens in hand`);

  const timers: NodeJS.Timeout[] = [];
  const every = (intervalMs: number, action: () => void) =>
    timers.push(setTimeout(() => timers.push(setInterval(action, intervalMs)), Math.random() * intervalMs));

  // Rooms: RATE messages per second each, spoken in turn by the seats.
  const said = ready.rooms.map(() => 0);
  for (const r of ready.rooms.keys())
    every(1000 / RATE, () => {
      const turn = ++said[r]!;
      const ws = sockets[r]![turn % PER_ROOM]!;
      ws.send(JSON.stringify({ type: 'say', text: `soak ${now().toFixed(3)} ${r}`, clientId: `c${turn}` }));
    });

  let nextToken = 0;
  const token = () => ready.tokens[nextToken++];
  const timed = async (into: 'submits' | 'votes' | 'queue', request: () => Promise<Response>) => {
    const t0 = now();
    const bucket = current;
    try {
      const response = await request();
      const body = await response.text();
      if (response.status >= 400) bucket.errors++;
      else bucket[into].push(now() - t0);
      return { ok: response.ok, body };
    } catch {
      bucket.errors++;
      return null;
    }
  };

  // Suggestions and votes, each spending a token.
  let submitted = 0;
  every(1000 / SUBMITS, () => {
    const authorization = token();
    if (!authorization) return;
    const i = submitted++;
    void timed('submits', () =>
      fetch(`${base}/api/suggestions`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({
          text: `${TOPICS[i % TOPICS.length]} (soak ${i}, ${randomBytes(4).toString('hex')})`,
          concernsDepartmentId: ready.departmentIds[i % ready.departmentIds.length],
        }),
      }),
    );
  });
  let published: string[] = [];
  const refreshBoard = async () => {
    const response = await fetch(`${base}/api/suggestions?sort=new`);
    if (response.ok) {
      const body = (await response.json()) as { items: Array<{ id: string }> };
      if (body.items.length) published = body.items.map((item) => item.id);
    }
  };
  await refreshBoard();
  timers.push(setInterval(() => void refreshBoard(), 5000));
  every(1000 / VOTES, () => {
    const id = published[Math.floor(Math.random() * published.length)];
    const authorization = id && token();
    if (!authorization) return;
    void timed('votes', () =>
      fetch(`${base}/api/suggestions/${id}/votes`, { method: 'POST', headers: { authorization } }),
    );
  });

  // The moderator: read the queue, publish what is in it.
  const cookie = ready.moderatorCookie;
  let moderating = true;
  const moderate = async () => {
    while (moderating) {
      const response = await timed('queue', () => fetch(`${base}/api/mod/queue`, { headers: { cookie } }));
      if (response?.ok) {
        const { items } = JSON.parse(response.body) as { items: Array<{ id: string }> };
        for (const item of items) {
          if (!moderating) break;
          await fetch(`${base}/api/mod/suggestions/${item.id}/decision`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ action: 'publish' }),
          }).then((r) => r.arrayBuffer());
        }
      }
      await wait(PUBLISH_EVERY_MS);
    }
  };
  const moderator = moderate();

  // Themes snapshot saves, as the operator's database sees them (one theme_run row per scope).
  const saves: number[] = [];
  const saveRuns: Array<{ scope: string; incremental: boolean; duration: number }> = [];
  const lastSaved = new Map<string, string>();
  const offset = Date.now() - now();
  timers.push(
    setInterval(async () => {
      const { rows } = await db.query<{ scope: string; at: Date; duration: number; incremental: boolean }>(
        `select scope, computed_at as at, duration_ms as duration, incremental from theme_run`,
      );
      for (const row of rows) {
        const seen = lastSaved.get(row.scope);
        if (row.at.toISOString() === seen) continue;
        lastSaved.set(row.scope, row.at.toISOString());
        if (seen === undefined) continue;
        saves.push(row.at.getTime() - offset);
        saveRuns.push({ scope: row.scope, incremental: row.incremental, duration: row.duration });
        current.runs++;
        current.runMs += row.duration;
        if (!row.incremental) current.fullRuns++;
      }
    }, 250),
  );

  console.log(
    `Soak: ${MINUTES} min, ${ROOMS} rooms × ${PER_ROOM} at ${RATE} msg/s, ${SUBMITS} suggestions/s, ${VOTES} votes/s, moderator every ${PUBLISH_EVERY_MS / 1000} s (Postgres)`,
  );
  // RSS swings by hundreds of MB with the collector's timing (a full recompute allocates, a major GC returns
  // it): one reading a minute measured the collector, not growth. The level is the median of 12 readings.
  timers.push(setInterval(() => current.rssSamples.push(rssOf(child)), 5000));
  const inMb = (figures: HeapFigures): HeapFigures => ({
    used: figures.used / 2 ** 20,
    committed: figures.committed / 2 ** 20,
    external: figures.external / 2 ** 20,
  });
  /** The server thread's collections of 10 ms or more: [when it ended (this clock), ms]. */
  const collections: Array<[number, number]> = [];
  child.on('message', (message: Heap | Gc | Ready) => {
    if ('heap' in message)
      current.heapSamples.push({ main: inMb(message.heap.main), engine: inMb(message.heap.engine) });
    if ('gc' in message) collections.push([message.gc.endedAt - (Date.now() - now()), message.gc.ms]);
  });
  console.log(
    'min | deliveries  p50  p99 | submit p99 | vote p99 | queue p50 | errors | RSS MB median / peak | heap MB used/committed/external: server · engine | corpus | CPU % server / postgres / load | themes runs (full) s',
  );
  const cpu = () => ({ server: cpuOf(child.pid!), postgres: postgresCpu(), load: process.cpuUsage() });
  let lastCpu = cpu();
  for (let minute = 1; minute <= MINUTES; minute++) {
    await wait(60_000);
    const done = current;
    current = fresh();
    const samples = done.rssSamples.length > 0 ? done.rssSamples : [rssOf(child)];
    done.rss = percentile(
      [...samples].sort((a, b) => a - b),
      50,
    );
    done.rssPeak = Math.max(...samples);
    done.heap = heapMedians(done.heapSamples);
    const { rows } = await db.query<{ n: string }>(`select count(*) as n from suggestion`);
    done.corpus = Number(rows[0]!.n);
    minutes.push(done);
    const d = summary(done.deliveries);
    const nowCpu = cpu();
    const percent = (seconds: number) => `${((seconds / 60) * 100).toFixed(0)}`.padStart(3);
    const load = process.cpuUsage(lastCpu.load);
    const cpuLine = `${percent(nowCpu.server - lastCpu.server)} / ${percent(nowCpu.postgres - lastCpu.postgres)} / ${percent((load.user + load.system) / 1e6)}`;
    lastCpu = nowCpu;
    console.log(
      `${String(minute).padStart(3)} | ${String(d.n).padStart(10)} ${ms(d.p50)} ${ms(d.p99)} |       ${ms(summary(done.submits).p99)} |     ${ms(summary(done.votes).p99)} |      ${ms(summary(done.queue).p50)} | ${String(done.errors).padStart(6)} | ${done.rss.toFixed(0).padStart(6)} / ${done.rssPeak.toFixed(0).padStart(4)} | ${heapLine(done.heap)} | ${done.corpus} | ${cpuLine} | ${done.runs} (${done.fullRuns}) ${(done.runMs / 1000).toFixed(1)}`,
    );
  }
  for (const timer of timers) clearInterval(timer);
  moderating = false;
  await moderator;
  await wait(3000); // the last messages arrive

  // Exactly once: every socket of a room saw every message of the room, none twice.
  let missing = 0;
  for (const [r, seats] of received.entries()) {
    const all = new Set<number>();
    for (const seen of seats) for (const seq of seen) all.add(seq);
    for (const seen of seats) missing += all.size - seen.size;
    void r;
  }
  const near = arrivals
    .filter(([at]) => saves.some((save) => at >= save && at <= save + 1000))
    .map(([, l]) => l);
  const away = arrivals
    .filter(([at]) => !saves.some((save) => at >= save - 1000 && at <= save + 2000))
    .map(([, l]) => l);
  const first = summary(minutes[0]!.deliveries).p99;
  const last = summary(minutes.at(-1)!.deliveries).p99;
  const from = minutes[Math.floor(minutes.length / 3)]!.rss;
  const to = minutes.at(-1)!.rss;
  const nearP99 = summary(near).p99;
  const check = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`\nthemes snapshot saves seen: ${saves.length}`);
  // Each save, and the deliveries in the second after it: which runs are the slow ones.
  const loadBegan = arrivals[0]?.[0] ?? 0;
  for (const [n, save] of saves.entries()) {
    const after = arrivals.filter(([at]) => at >= save && at <= save + 1000).map(([, l]) => l);
    const { scope, incremental, duration } = saveRuns[n]!;
    const stats = summary(after);
    const paused = collections.filter(([at]) => at >= save && at <= save + 1000).map(([, ms]) => ms);
    console.log(
      `  save at ${((save - loadBegan) / 1000).toFixed(0).padStart(4)} s  ${scope.padEnd(6)} ${incremental ? 'update' : 'full  '} run ${String(duration).padStart(5)} ms | next 1 s: ${after.length} deliveries, p99 ${stats.p99.toFixed(0)} ms, max ${Math.max(0, ...after).toFixed(0)} ms; server collections ≥ 10 ms: ${paused.map((ms) => ms.toFixed(0)).join(', ') || 'none'}`,
    );
  }
  console.log(
    `delivery p99, last minute vs first: ${last.toFixed(0)} vs ${first.toFixed(0)} ms = ${(last / first).toFixed(2)}× (≤ 1.25×) ${check(last <= first * 1.25)}`,
  );
  console.log(
    `delivery p99 within 1 s after a save: ${nearP99.toFixed(0)} ms over ${near.length} deliveries (≤ 30 ms) ${check(!(nearP99 > 30))}; away from saves: ${summary(away).p99.toFixed(0)} ms`,
  );
  console.log(
    `server RSS (median of the minute; peak ${Math.max(...minutes.map((m) => m.rssPeak)).toFixed(0)} MB), minute ${Math.floor(minutes.length / 3) + 1} → ${minutes.length}: ${from.toFixed(0)} → ${to.toFixed(0)} MB = ${(((to - from) / from) * 100).toFixed(1)}% (≤ 10%) ${check(to <= from * 1.1)}`,
  );
  // Where the growth went: the heaps' committed memory and their buffers, and the rest of the process (code,
  // the allocator's own arenas, sockets, Postgres driver buffers…), which no heap figure covers.
  const parts = (minute: Minute) => {
    const { main, engine } = minute.heap;
    const heaps = main.committed + engine.committed;
    const external = main.external + engine.external;
    return { heaps, external, rest: minute.rss - heaps - external };
  };
  const [a, b] = [parts(minutes[Math.floor(minutes.length / 3)]!), parts(minutes.at(-1)!)];
  const delta = (key: keyof typeof a) =>
    `${a[key].toFixed(0)} → ${b[key].toFixed(0)} (${b[key] - a[key] >= 0 ? '+' : ''}${(b[key] - a[key]).toFixed(0)})`;
  console.log(
    `  of which: V8 heaps committed ${delta('heaps')} MB, external buffers ${delta('external')} MB, rest of the process ${delta('rest')} MB`,
  );
  console.log(
    `exactly once: ${missing} missed, ${duplicates} doubled ${check(missing === 0 && duplicates === 0)}`,
  );
  console.log(`tokens spent: ${nextToken} of ${ready.tokens.length}`);

  for (const room of sockets) for (const ws of room) ws.close();
  await db.end();
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
}

if (process.argv.includes('--serve')) await serve();
else await main();
