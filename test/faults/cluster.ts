import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A private Postgres cluster (initdb + pg_ctl) that a test may SIGKILL and restart — the shared
// server on :5432 is never touched.
const BIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, 'bin') : null;
})();

export const clusterAvailable = BIN !== null && existsSync(path.join(BIN, 'initdb'));

const asPostgres = (command: string, args: string[]) => {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
};

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export interface Cluster {
  url: string;
  port: number;
  /** SIGKILL the postmaster: no shutdown checkpoint, exactly like a crash. */
  kill(): void;
  start(): void;
  destroy(): void;
}

export async function createCluster(): Promise<Cluster> {
  if (!BIN) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  const dir = mkdtempSync(path.join(tmpdir(), 'greenroom-fault-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  asPostgres(path.join(BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const pgCtl = (action: string, extra: string[] = []) =>
    asPostgres(path.join(BIN, 'pg_ctl'), [action, '-D', data, '-w', '-t', '60', ...extra]);
  const start = () =>
    pgCtl('start', [
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
      '-l',
      path.join(dir, 'log'),
    ]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    kill() {
      const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      // Postmaster and every backend at once, like a power cut: no shutdown checkpoint anywhere.
      const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .map(Number);
      for (const victim of [pid, ...children]) {
        try {
          process.kill(victim, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      for (let i = 0; i < 100 && [pid, ...children].some(alive); i++) spawnSync('sleep', ['0.05']);
    },
    start,
    destroy() {
      try {
        pgCtl('stop', ['-m', 'immediate']);
      } catch {
        /* already down */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
