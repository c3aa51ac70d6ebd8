import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseUrl, withAdminClient } from '../helpers/postgres.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

// Production in miniature: N node processes (server/main.ts) on one fresh Postgres database, behind
// Debian's HAProxy running deploy/haproxy.cfg — the same file docker-compose.yml uses, with only its
// `server` lines pointed at the local nodes. Nodes listen on 127.0.0.5, .6, …; the proxy on 127.0.0.1,
// so any "127.0.0.1" in the proxy's log could only be the browser's address.

const root = path.resolve(import.meta.dirname, '../..');
export const HAPROXY = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';

export interface Node {
  name: string;
  host: string;
  port: number;
  process: ServerProcess | null;
}

export interface Cluster {
  url: string;
  nodes: Node[];
  adminPassword: string;
  proxyLog(): string;
  /** Every node's output so far (stdout and stderr, including the ones that were killed). */
  nodeLogs(): string;
  kill(node: Node): Promise<void>;
  close(): Promise<void>;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(count = 3): Promise<Cluster> {
  if (!existsSync(HAPROXY))
    throw new Error(`No HAProxy at ${HAPROXY}: apt-get install -y haproxy (Debian's package).`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'greenroom-cluster-'));
  const database = `greenroom_cluster_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${database}`));
  const adminPassword = `admin-${randomBytes(9).toString('base64url')}`;
  const env = {
    DATABASE_URL: databaseUrl(database),
    GREENROOM_SECRET: randomBytes(32).toString('hex'),
    GREENROOM_ADMIN_USERNAME: 'admin',
    GREENROOM_ADMIN_PASSWORD: adminPassword,
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'info',
    JOB_TICK_MS: '1000',
    JOB_LEASE_MS: '5000',
    // This 2-core machine runs other suites alongside: do not shed load on event-loop lag here.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    // The wallet's outbox and refill timing compressed to fractions of a second (production: minutes).
    WALLET_HOLD_SECONDS: '0-0.3',
    WALLET_QUIET_SECONDS: '0-0.3',
    WALLET_JITTER_SECONDS: '0-0.2',
  };
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) {
    const host = `127.0.0.${5 + i}`;
    nodes.push({ name: `app${i + 1}`, host, port: await freePort(host), process: null });
  }
  const logs: string[] = [];
  const start = async (node: Node) => {
    node.process = await startServer({ ...env, HOST: node.host, PORT: String(node.port) }, 120_000);
    logs.push(`--- ${node.name}`);
  };
  // The first node migrates the database; the others start on the migrated schema together.
  await start(nodes[0]!);
  await Promise.all(nodes.slice(1).map(start));

  // The production proxy config, with its server lines pointed at these nodes.
  const production = readFileSync(path.join(root, 'deploy/haproxy.cfg'), 'utf8');
  const servers = nodes.map((node) => `    server ${node.name} ${node.host}:${node.port} check`).join('\n');
  const config = production
    .replace(/^\s*server-template .*$/m, servers)
    .replace(/^resolvers docker[\s\S]*$/m, '');
  if (config === production) throw new Error('deploy/haproxy.cfg changed shape: no server-template line');
  const configFile = path.join(scratch, 'haproxy.cfg');
  writeFileSync(configFile, config);
  const pem = path.join(scratch, 'tls.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      path.join(scratch, 'key.pem'),
      '-out',
      path.join(scratch, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(
    pem,
    readFileSync(path.join(scratch, 'cert.pem'), 'utf8') +
      readFileSync(path.join(scratch, 'key.pem'), 'utf8'),
  );
  const httpsPort = await freePort('127.0.0.1');
  const httpPort = await freePort('127.0.0.1');
  let proxyLog = '';
  const proxy: ChildProcess = spawn(HAPROXY, ['-db', '-f', configFile], {
    env: {
      PATH: process.env.PATH,
      GREENROOM_HTTPS_BIND: `127.0.0.1:${httpsPort}`,
      GREENROOM_HTTP_BIND: `127.0.0.1:${httpPort}`,
      GREENROOM_TLS_PEM: pem,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proxy.stdout!.on('data', (chunk: Buffer) => (proxyLog += chunk));
  proxy.stderr!.on('data', (chunk: Buffer) => (proxyLog += chunk));
  const proxyExited = new Promise<void>((resolve) => proxy.once('exit', () => resolve()));
  const url = `https://127.0.0.1:${httpsPort}`;
  // Ready when every node passed its health check through the proxy's eyes: poll the proxy itself.
  for (let attempt = 0; ; attempt++) {
    const ok = await new Promise<boolean>((resolve) => {
      const curl = spawn('curl', ['-ksf', '-o', '/dev/null', `${url}/api/health`]);
      curl.once('exit', (code) => resolve(code === 0));
    });
    if (ok) break;
    if (attempt > 200) throw new Error(`the proxy never answered:\n${proxyLog}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    nodes,
    adminPassword,
    proxyLog: () => proxyLog,
    nodeLogs: () =>
      nodes.map((node) => `--- ${node.name}\n${node.process?.output() ?? ''}`).join('\n') + logs.join('\n'),
    async kill(node) {
      await node.process?.stop('SIGKILL');
    },
    async close() {
      proxy.kill('SIGTERM');
      await proxyExited;
      await Promise.all(nodes.map((node) => node.process?.stop('SIGTERM')));
      await withAdminClient((client) => client.query(`drop database if exists ${database} with (force)`));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
