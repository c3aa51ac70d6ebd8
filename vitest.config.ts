import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { postgresReachable } from './test/helpers/postgres.ts';

// Integration tests run twice: on embedded PGlite and on the real Postgres (when one is reachable).
// Pure unit tests (*.unit.test.ts) and browser journeys (test/e2e) run once.
const integration = ['test/**/*.test.ts'];
const notIntegration = [
  'test/**/*.unit.test.ts',
  'test/e2e/**',
  'test/faults/**',
  'test/attacks/**',
  'test/proxy/**',
  'node_modules/**',
];
// Slow fault tests (a Postgres killed mid-load, a server killed under live sockets) run on their own: npm run test:faults.
const faults = process.env.GREENROOM_FAULTS === '1';
// The operator's linkability attack (40 browsers: ten runs of four people, real Postgres) runs on its own too: npm run test:attacks.
const attacks = process.env.GREENROOM_ATTACKS === '1';
// The multi-node simulation behind a real proxy runs on its own too: npm run test:nodes.
const nodes = process.env.GREENROOM_NODES === '1';

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const withPostgres = await postgresReachable();
  if (!withPostgres) {
    console.warn(
      '\n' +
        '#'.repeat(78) +
        '\n#  POSTGRES IS NOT REACHABLE (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432).\n' +
        '#  The integration suite runs on PGlite ONLY. Start Postgres to run it on both.\n' +
        '#'.repeat(78) +
        '\n',
    );
  }
  const integrationProject = (name: 'pglite' | 'postgres') => ({
    test: {
      name,
      include: integration,
      // *.postgres.test.ts need what one embedded PGlite cannot give (two server nodes on one database).
      exclude: name === 'pglite' ? [...notIntegration, 'test/**/*.postgres.test.ts'] : notIntegration,
      env: { GREENROOM_TEST_DB: name },
      // Each run migrates one template database (Postgres) or one dumped data folder (PGlite) that every
      // test file starts from.
      globalSetup: [name === 'postgres' ? 'test/helpers/postgres-setup.ts' : 'test/helpers/pglite-setup.ts'],
      testTimeout: 60_000,
      // The files of a worker share its modules instead of importing the server afresh each (import took
      // 318 s of a 1,316 s run; without isolation 28 s of 650 s, session 29). Nothing here mocks modules or
      // changes the environment, and every file closes the app it builds (build() does, in afterAll).
      isolate: false,
      // Closing an app with live sockets can wait out ws's 30 s close handshake per node under CI load.
      hookTimeout: 120_000,
    },
  });
  return {
    test: {
      // Vitest's default on a 2-core machine is one worker; most files wait on Postgres or sockets, so
      // two keep both cores busy (the e2e, fault, node and attack runs take their files one at a time).
      maxWorkers: 2,
      reporters: [
        'default',
        [
          'json',
          {
            outputFile: faults
              ? 'test-results-faults.json'
              : attacks
                ? 'test-results-attacks.json'
                : nodes
                  ? 'test-results-nodes.json'
                  : 'test-results.json',
          },
        ],
      ],
      projects: attacks
        ? [
            {
              test: {
                name: 'attacks',
                include: ['test/attacks/**/*.test.ts'],
                env: { GREENROOM_TEST_DB: 'postgres' },
                globalSetup: ['test/helpers/postgres-setup.ts'],
                testTimeout: 1_500_000,
                hookTimeout: 300_000,
                fileParallelism: false,
              },
            },
          ]
        : nodes
          ? [
              {
                test: {
                  name: 'nodes',
                  include: ['test/proxy/**/*.test.ts'],
                  testTimeout: 300_000,
                  hookTimeout: 300_000,
                  fileParallelism: false,
                },
              },
            ]
          : faults
            ? [
                {
                  test: {
                    name: 'faults',
                    include: ['test/faults/**/*.test.ts'],
                    testTimeout: 300_000,
                    hookTimeout: 300_000,
                    fileParallelism: false,
                  },
                },
              ]
            : [
                { test: { name: 'unit', include: ['test/**/*.unit.test.ts'], testTimeout: 60_000 } },
                integrationProject('pglite'),
                ...(withPostgres ? [integrationProject('postgres')] : []),
                {
                  test: {
                    name: 'e2e',
                    include: ['test/e2e/**/*.test.ts'],
                    globalSetup: ['test/helpers/pglite-setup.ts'],
                    testTimeout: 180_000,
                    hookTimeout: 180_000,
                    // One at a time, after the rest: run two at once beside the integration files (session 28),
                    // the 25 journeys took 16 minutes instead of 17 and the rest waited for them — this machine's
                    // two cores are the limit, not idle time.
                    fileParallelism: false,
                    // Shared modules here too: 511 s for the 25 journeys instead of 610 s (session 29).
                    isolate: false,
                    // After the rest, in a group of its own (without isolation Vitest no longer puts a one-file-
                    // at-a-time project in one by itself, and refuses to start).
                    sequence: { groupOrder: 1 },
                    env: { GREENROOM_TEST_DB: 'pglite' },
                    // On a busy 2-core machine server work behind a poll (a recompute) can take seconds.
                    expect: { poll: { timeout: 30_000 } },
                  },
                },
              ],
    },
  };
});
