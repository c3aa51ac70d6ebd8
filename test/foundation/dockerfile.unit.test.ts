import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

// Docker cannot run here, so the image's start is checked without it: the final stage's own RUN line
// prepares a stand-in for /data, and the image's own CMD and ENV start the server as the image's
// unprivileged user (uid 1000, `node` in node:*-bookworm-slim) on the embedded database.
const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const finalStage = dockerfile.split(/^FROM /m).at(-1)!;
const lines = finalStage.replace(/\\\n/g, ' ').split('\n');
const NODE_UID = 1000;
const asRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(path.join(tmpdir(), 'greenroom-image-'));
// Like an image's /: everyone may traverse it.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const env = Object.fromEntries(
  lines
    .filter((line) => line.startsWith('ENV '))
    .flatMap((line) => [...line.slice(4).matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])),
);
const cmd = JSON.parse(lines.find((line) => line.startsWith('CMD '))!.slice(4)) as string[];

/** Starts the image's CMD as uid 1000 with the image's ENV, DATA_DIR moved to `dataDir` (no demo seed: it takes minutes here). */
function startAsNodeUser(dataDir: string): Promise<{ code: number | null; output: string; url?: string }> {
  return new Promise((resolve) => {
    const [program, ...args] = cmd;
    const child = spawn(
      'setpriv',
      [
        `--reuid=${NODE_UID}`,
        `--regid=${NODE_UID}`,
        '--clear-groups',
        program === 'node' ? process.execPath : program!,
        ...args,
      ],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: scratch,
          ...env,
          DATA_DIR: dataDir,
          HOST: '127.0.0.1',
          PORT: '0',
        },
      },
    );
    let output = '';
    let asked = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /Greenroom is running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url && !asked) {
        asked = true;
        void fetch(`${url}/api/health`)
          .then((response) => response.json())
          .then((health) => (output += `\nHEALTH ${JSON.stringify(health)}`))
          .catch((error: unknown) => (output += `\nHEALTH FAILED ${String(error)}`))
          .finally(() => child.kill('SIGTERM'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the Docker image', () => {
  test('declares DATA_DIR=/data, creates it and gives it to the node user before switching to it', () => {
    expect(env.DATA_DIR).toBe('/data');
    const prepare = lines.findIndex((line) => /^RUN .*mkdir -p \/data.*chown node:node \/data/.test(line));
    const user = lines.findIndex((line) => line.trim() === 'USER node');
    expect(prepare).toBeGreaterThan(-1);
    expect(user).toBeGreaterThan(prepare);
    expect(lines.some((line) => line.startsWith('VOLUME'))).toBe(false);
  });

  test.skipIf(!asRoot)(
    'starts on its embedded database as the node user with no volume (the RUN line replayed)',
    async () => {
      const rootfs = path.join(scratch, 'rootfs');
      mkdirSync(rootfs);
      const run = lines.find((line) => /^RUN .*mkdir -p \/data/.test(line))!.slice(4);
      execFileSync('sh', [
        '-c',
        run.replaceAll('/data', `${rootfs}/data`).replaceAll('node:node', `${NODE_UID}:${NODE_UID}`),
      ]);
      const started = await startAsNodeUser(`${rootfs}/data`);
      expect(started.output).toContain('HEALTH {"status":"ok"}');
      expect(started.output).toContain(`embedded PGlite in ${rootfs}/data`);
      const key = statSync(path.join(rootfs, 'data', 'greenroom.key'));
      expect(key.uid).toBe(NODE_UID);
      expect(key.mode & 0o777).toBe(0o600);
    },
    180_000,
  );

  test.skipIf(!asRoot)(
    'control: without that RUN line (a root-owned /data) the same start fails',
    async () => {
      const dataDir = path.join(scratch, 'root-owned-data');
      mkdirSync(dataDir, { mode: 0o700 });
      const started = await startAsNodeUser(dataDir);
      expect(started.code).not.toBe(0);
      expect(started.output).not.toContain('HEALTH');
      expect(started.output).toMatch(/EACCES|permission denied|ErrnoError/i);
    },
    180_000,
  );
});
