import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function run(env: Record<string, string>, until: RegExp) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (until.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('server/main', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'greenroom-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start on bad config and names the variable', async () => {
    const { code, output } = await run({ PORT: 'abc' }, /$^/);
    expect(code).toBe(2);
    expect(output).toContain('PORT');
  });

  it('starts on the embedded database, seeds a demo organisation and prints how to sign in', async () => {
    const { output } = await run({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, /Sign in at/);
    expect(output).toMatch(/Greenroom is running at http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/admin {6}admin \/ \S{12,}/);
    expect(output).toMatch(/moderator {2}moderator \/ \S{12,}/);
  }, 180_000); // the whole demo seed on PGlite; CI runs this next to the browser suites on 2 cores

  it('does not seed twice: the passwords are printed only once', async () => {
    const { output } = await run({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, /Staff sign in at/);
    expect(output).not.toContain('Demo organisation created');
  }, 60_000);
});
