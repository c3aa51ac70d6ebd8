import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'greenroom-overload-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('under more load than it can serve, the server sheds it with 503 + Retry-After and recovers', async () => {
  server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false', MAX_EVENT_LOOP_DELAY_MS: '40' });
  // The OpenAPI document is the most CPU-heavy public answer; thousands at once saturate one event loop.
  const statuses = new Map<number, number>();
  let retryAfterMissing = 0;
  let unexpected = 0;
  for (let wave = 0; wave < 4; wave++) {
    const results = await Promise.all(
      Array.from({ length: 800 }, () =>
        fetch(`${server!.url}/api/openapi.json`).then(
          async (response) => {
            const body = await response.text();
            if (response.status === 503) {
              if (!response.headers.get('retry-after')) retryAfterMissing++;
              if (JSON.parse(body).error !== 'overloaded') unexpected++;
            }
            return response.status;
          },
          () => -1,
        ),
      ),
    );
    for (const status of results) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  const summary = Object.fromEntries(statuses);
  expect(statuses.get(503) ?? 0, JSON.stringify(summary)).toBeGreaterThan(0);
  expect(statuses.get(200) ?? 0, JSON.stringify(summary)).toBeGreaterThan(0);
  expect(
    [...statuses.keys()].filter((status) => ![200, 503].includes(status)),
    JSON.stringify(summary),
  ).toEqual([]);
  expect(retryAfterMissing).toBe(0);
  expect(unexpected).toBe(0);

  // Recovery: once the burst is over, health answers ok again without a restart.
  let healthy = false;
  for (let attempt = 0; attempt < 100 && !healthy; attempt++) {
    const response = await fetch(`${server.url}/api/health`);
    healthy = response.status === 200;
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(healthy).toBe(true);
});
