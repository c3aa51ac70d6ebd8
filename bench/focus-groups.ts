// Focus-group fan-out benchmark: 50 rooms × 40 participants (2,000 sockets), 2 messages/s per room,
// every message persisted before it is broadcast — next to a bare `ws` broadcast server that persists
// nothing, measured the same way in the same run. Each server runs in its own child process; this
// process is the load generator (all latencies use its one clock).
//
//   npx tsx bench/focus-groups.ts            (ROOMS, PER_ROOM, RATE, STEADY_S, SATURATION_S override)
//
// Prints delivery latency p50/p99 and deliveries/s at the target load, then each server's deliveries/s
// at saturation (closed loop: every room keeps several messages in flight) and the ratio between them.
// Uses Postgres at TEST_DATABASE_URL / postgres://postgres@127.0.0.1:5432 when reachable, else PGlite.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';

const ROOMS = Number(process.env.ROOMS ?? 50);
const PER_ROOM = Number(process.env.PER_ROOM ?? 40);
const RATE = Number(process.env.RATE ?? 2); // messages per second per room
const STEADY_S = Number(process.env.STEADY_S ?? 20);
const SATURATION_S = Number(process.env.SATURATION_S ?? 10);
const WINDOWS = [4, 16]; // messages in flight per room during the saturation runs
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const WINDOWS_OVERRIDE = process.env.WINDOWS?.split(',').map(Number);

type Kind = 'bare' | 'greenroom';
interface Ready {
  port: number;
  database: string;
  rooms: Array<{ id: string; seats: string[] }>;
}

// ---------------------------------------------------------------- servers (child processes)

async function serveBare(): Promise<Ready> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 4096, perMessageDeflate: false });
  await new Promise((resolve) => wss.once('listening', resolve));
  const rooms = new Map<string, { seq: number; sockets: Set<WebSocket> }>();
  wss.on('connection', (socket) => {
    let room: { seq: number; sockets: Set<WebSocket> } | null = null;
    let author = '';
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'hello') {
        const [roomId, seat] = String(frame.seat).split(':');
        room = rooms.get(roomId!) ?? { seq: 0, sockets: new Set() };
        rooms.set(roomId!, room);
        room.sockets.add(socket);
        author = `Seat ${seat}`;
        socket.send(JSON.stringify({ type: 'welcome', v: 1, seq: room.seq, backlog: [] }));
      } else if (frame.type === 'say' && room) {
        const text = JSON.stringify({
          type: 'message',
          seq: ++room.seq,
          id: randomBytes(16).toString('hex'),
          author,
          authorKind: 'participant',
          text: frame.text,
          status: 'visible',
          minute: 0,
        });
        for (const peer of room.sockets) if (peer.readyState === WebSocket.OPEN) peer.send(text);
      }
    });
    socket.on('close', () => room?.sockets.delete(socket));
  });
  const address = wss.address() as { port: number };
  return {
    port: address.port,
    database: 'none',
    rooms: Array.from({ length: ROOMS }, (_, r) => ({
      id: `room${r}`,
      seats: Array.from({ length: PER_ROOM }, (_, s) => `room${r}:${s}`.padEnd(20, '.')),
    })),
  };
}

async function serveGreenroom(): Promise<Ready> {
  const { buildApp } = await import('../server/app.ts');
  const { loadConfig } = await import('../server/config.ts');
  const { createFocusGroup, takeSeat } = await import('../server/focus-groups/queries.ts');
  const { postgresReachable, withAdminClient, databaseUrl } = await import('../test/helpers/postgres.ts');
  let url: string | null = null;
  let drop = async () => {};
  if (process.env.BENCH_DB !== 'pglite' && (await postgresReachable())) {
    const name = `greenroom_bench_${randomBytes(5).toString('hex')}`;
    await withAdminClient((client) => client.query(`create database ${name}`));
    url = databaseUrl(name);
    drop = () =>
      withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => {},
      );
  }
  const app = await buildApp(
    loadConfig({
      DATA_DIR: 'memory://',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      GREENROOM_SECRET: randomBytes(32).toString('hex'),
      ...(url ? { DATABASE_URL: url } : {}),
    }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  if (process.env.BENCH_NO_THEMES) {
    // Diagnostic: without the themes recompute that every visible message schedules (at most every 10 s).
    app.contentEvents.changed = () => {};
  }
  const staff = await app.db
    .insertInto('staff')
    .values({ username: 'bench', display_name: 'Bench', role: 'moderator', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rooms: Ready['rooms'] = [];
  for (let r = 0; r < ROOMS; r++) {
    const id = await createFocusGroup(app.db, {
      title: `Bench room ${r}`,
      description: '',
      prompts: ['Go'],
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 3600_000),
      capacity: Math.min(200, Math.max(PER_ROOM, 3)),
      moderation: 'post',
      createdBy: staff.id,
    });
    const seats: string[] = [];
    for (let s = 0; s < PER_ROOM; s++) {
      const seat = randomBytes(32).toString('base64url');
      await app.db.transaction().execute((trx) => takeSeat(trx, id, app.secrets.hmac('seat', seat)));
      seats.push(seat);
    }
    rooms.push({ id, seats });
  }
  process.on('message', (message) => {
    // The per-seat rate limit is an abuse guard, not a throughput limit: lift it for saturation runs.
    if (message === 'unlimit') {
      app.focusGroups.configure({
        saysPerWindow: 1e9,
        framesPerWindow: 1e9,
        strikesPerWindow: 1e9,
        maxQueuedFrames: 1e9,
      });
      process.send!('unlimited');
    }
  });
  process.on('disconnect', async () => {
    await app.close();
    await drop();
    process.exit(0);
  });
  const { port } = app.server.address() as { port: number };
  return { port, database: url ? 'postgres' : 'pglite', rooms };
}

// ---------------------------------------------------------------- load generator

interface Participant {
  ws: WebSocket;
  room: number;
  index: number;
}

class Stats {
  latencies: number[] = [];
  deliveries = 0;
  recording = false;
  /** Worst latency per second of the run (TIMELINE=1 prints it: stalls show up as spikes). */
  worst = new Map<number, number>();
}

const now = () => performance.now();

function startServer(kind: Kind): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(new URL(import.meta.url).pathname, ['serve', kind], {
    // BENCH_PROFILE=<dir> writes a CPU profile of each server process there.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as Ready }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

async function connectAll(
  ready: Ready,
  path: (roomId: string) => string,
  stats: Stats,
  onOwn: (room: number) => void,
) {
  const participants: Participant[][] = ready.rooms.map(() => []);
  const jobs = ready.rooms.flatMap((room, r) => room.seats.map((seat, index) => ({ room, r, seat, index })));
  const marker = '"text":"bench ';
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const { room, r, seat, index } = jobs[next++]!;
      const ws = new WebSocket(`ws://127.0.0.1:${ready.port}${path(room.id)}`, { perMessageDeflate: false });
      const participant = { ws, room: r, index };
      const own = ` ${r}:${participant.index}"`;
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', seat, lastSeq: 0 })));
        ws.once('error', reject);
        ws.on('message', (data) => {
          const text = data.toString();
          if (text.startsWith('{"type":"welcome"')) return resolve();
          const at = text.indexOf(marker);
          if (at < 0) return;
          // "bench <sentAt> <room>:<sender>": parsing by hand keeps the load generator from being the bottleneck.
          const end = text.indexOf(' ', at + marker.length);
          const sentAt = Number(text.slice(at + marker.length, end));
          if (stats.recording) {
            stats.deliveries++;
            const latency = now() - sentAt;
            stats.latencies.push(latency);
            const second = Math.floor(now() / 1000);
            stats.worst.set(second, Math.max(latency, stats.worst.get(second) ?? 0));
          }
          if (text.includes(own)) onOwn(r);
        });
      });
      participants[r]![index] = participant;
    }
  }
  await Promise.all(Array.from({ length: 50 }, worker));
  return participants;
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
  kind: Kind;
  child: ChildProcess;
  database: string;
  stats: Stats;
  participants: Participant[][];
  say(room: number): void;
  /** Messages each room keeps in flight (0 = paced by timers). */
  closedLoop: number;
  inFlight: number[];
}

async function prepare(kind: Kind): Promise<Target> {
  const { child, ready } = await startServer(kind);
  const cursor = ready.rooms.map(() => 0);
  const target: Target = {
    kind,
    child,
    database: ready.database,
    stats: new Stats(),
    participants: [],
    closedLoop: 0,
    inFlight: ready.rooms.map(() => 0),
    say(r) {
      const room = target.participants[r]!;
      const turn = (cursor[r] = (cursor[r] ?? 0) + 1);
      const sender = room[turn % room.length]!;
      sender.ws.send(
        JSON.stringify({
          type: 'say',
          text: `bench ${now().toFixed(3)} ${r}:${sender.index}`,
          clientId: `c${turn}`,
        }),
      );
      target.inFlight[r]!++;
    },
  };
  const onOwn = (r: number) => {
    target.inFlight[r] = Math.max(0, target.inFlight[r]! - 1);
    if (target.closedLoop && target.inFlight[r]! < target.closedLoop) target.say(r);
  };
  const path = kind === 'bare' ? () => '/' : (id: string) => `/api/focus-groups/${id}/socket`;
  const started = now();
  target.participants = await connectAll(ready, path, target.stats, onOwn);
  console.error(
    `[${kind}] ${ROOMS * PER_ROOM} sockets joined in ${((now() - started) / 1000).toFixed(1)} s (database: ${ready.database})`,
  );
  if (kind === 'greenroom') {
    // The per-seat rate limit (5 per 10 s) is an abuse guard, not a throughput limit: lifted for saturation.
    child.send('unlimit');
    await new Promise((resolve) => child.once('message', resolve));
  }
  return target;
}

function measure(target: Target, seconds: number) {
  target.stats.latencies = [];
  target.stats.deliveries = 0;
  target.stats.worst.clear();
  target.stats.recording = true;
  const t0 = now();
  return wait(seconds * 1000).then(() => {
    target.stats.recording = false;
    const elapsed = (now() - t0) / 1000;
    if (process.env.TIMELINE) {
      const line = [...target.stats.worst.values()].map((ms) => ms.toFixed(0)).join(' ');
      console.error(`[${target.kind}] worst latency per second (ms): ${line}`);
    }
    const sorted = target.stats.latencies.sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      perSecond: target.stats.deliveries / elapsed,
    };
  });
}

/** Target load: RATE messages per second per room, evenly paced, each room with a random phase. */
async function steady(target: Target) {
  const timers: NodeJS.Timeout[] = [];
  target.participants.forEach((_, r) => {
    timers.push(
      setTimeout(
        () => timers.push(setInterval(() => target.say(r), 1000 / RATE)),
        Math.random() * (1000 / RATE),
      ),
    );
  });
  await wait(2000);
  const result = await measure(target, STEADY_S);
  for (const timer of timers) clearInterval(timer);
  await wait(1000);
  console.error(
    `[${target.kind}] target load: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.perSecond.toFixed(0)} deliveries/s`,
  );
  return result;
}

/** Closed loop: every room keeps `window` messages in flight, a new one as soon as its sender sees its own. */
async function saturate(target: Target, window: number) {
  target.inFlight = target.participants.map(() => 0);
  target.closedLoop = window;
  for (let r = 0; r < target.participants.length; r++) for (let i = 0; i < window; i++) target.say(r);
  await wait(2000);
  const result = await measure(target, SATURATION_S);
  target.closedLoop = 0;
  await wait(1500); // the in-flight messages drain
  console.error(
    `[${target.kind}] saturation, ${window} in flight per room: ${result.perSecond.toFixed(0)} deliveries/s (p99 ${result.p99.toFixed(0)} ms)`,
  );
  return { window, ...result };
}

async function shutdown(target: Target) {
  for (const room of target.participants) for (const { ws } of room) ws.terminate();
  const exited = new Promise((resolve) => target.child.once('exit', resolve));
  target.child.disconnect();
  if (target.kind === 'bare') target.child.kill();
  await exited;
}

type Run = Awaited<ReturnType<typeof saturate>>;

async function main() {
  console.error(`focus-group bench: ${ROOMS} rooms × ${PER_ROOM} participants, ${RATE} msg/s per room`);
  const bare = await prepare('bare');
  const greenroom = await prepare('greenroom');
  const steadyBare = await steady(bare);
  const steadyGreen = await steady(greenroom);
  // Saturation runs alternate between the two servers (other work on the machine hits both alike).
  const runs: Record<Kind, Run[]> = { bare: [], greenroom: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const window of WINDOWS_OVERRIDE ?? WINDOWS) {
      runs.bare.push(await saturate(bare, window));
      runs.greenroom.push(await saturate(greenroom, window));
    }
  }
  await shutdown(bare);
  await shutdown(greenroom);

  const best = (kind: Kind) => runs[kind].reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const rows = [
    ['', 'bare ws (no persistence)', `greenroom (${greenroom.database}, persisted)`],
    ['p50 delivery latency', ms(steadyBare.p50), ms(steadyGreen.p50)],
    ['p99 delivery latency', ms(steadyBare.p99), ms(steadyGreen.p99)],
    ['max delivery latency', ms(steadyBare.max), ms(steadyGreen.max)],
    ['deliveries/s at target load', steadyBare.perSecond.toFixed(0), steadyGreen.perSecond.toFixed(0)],
    ...runs.bare.map((run, i) => [
      `saturation run ${i + 1}: ${run.window} in flight/room`,
      `${run.perSecond.toFixed(0)}/s (p99 ${ms(run.p99)})`,
      `${runs.greenroom[i]!.perSecond.toFixed(0)}/s (p99 ${ms(runs.greenroom[i]!.p99)})`,
    ]),
    [
      'saturation deliveries/s (best run)',
      best('bare').perSecond.toFixed(0),
      best('greenroom').perSecond.toFixed(0),
    ],
  ];
  const width = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  console.log(
    `\n${ROOMS} rooms × ${PER_ROOM} participants = ${ROOMS * PER_ROOM} sockets per server; ${RATE} msg/s per room (${ROOMS * RATE * PER_ROOM} deliveries/s expected)\n`,
  );
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(width[c]!)).join('  │  '));
  const ratio = best('greenroom').perSecond / best('bare').perSecond;
  console.log(`\nsaturation ratio greenroom / bare: ${(ratio * 100).toFixed(0)}%  (target ≥ 50%)`);
  console.log(`p99 delivery latency at target load: ${ms(steadyGreen.p99)}  (target ≤ 100 ms)`);
}

if (process.argv[2] === 'serve') {
  const ready = process.argv[3] === 'bare' ? await serveBare() : await serveGreenroom();
  if (process.argv[3] === 'bare')
    process.on('message', (message) => message === 'unlimit' && process.send!('unlimited'));
  process.send!(ready);
} else {
  await main();
}
