import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { databaseUrl } from '../helpers/postgres.ts';

// A real node process, started the way production starts one: with DATABASE_URL and no shared secret
// it must stop at once with a clear message, before touching the database or writing a key file.
test('a node started on a shared database without GREENROOM_SECRET stops with a clear message', async () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl('greenroom_never_created'),
    PORT: '0',
  };
  delete env.GREENROOM_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(output).toContain('Greenroom cannot start: GREENROOM_SECRET: must be set when DATABASE_URL is set');
  expect(output).toContain('same master secret');
  expect(output).not.toContain('Greenroom is running');
});
