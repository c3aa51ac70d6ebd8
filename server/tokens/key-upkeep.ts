import fp from 'fastify-plugin';
import {
  KEY_MAINTENANCE_JOB,
  KeyOverlapError,
  createScopeKey,
  ensureGeneralKeys,
  keyDeps,
  maintainKeys,
  retireKeys,
} from './keys.ts';

// The issuer-key upkeep service: keys for this epoch and the next exist before the first request, ended
// ones are destroyed (at start and hourly, on one node at a time), and other features' scope keys (pulses,
// focus groups, handoff ratings) are made through the scope-key port (server/shared/scope-keys.ts).
export default fp(
  async (app) => {
    const deps = keyDeps(app);
    app.addHook('onReady', async () => {
      await ensureGeneralKeys(deps);
      await retireKeys(deps);
    });
    app.jobs.define({
      name: KEY_MAINTENANCE_JOB,
      everyMs: 60 * 60 * 1000,
      run: () => maintainKeys(deps),
    });
    app.scopeKeys.provide(async (request) => {
      try {
        return await createScopeKey(deps, request);
      } catch (error) {
        if (error instanceof KeyOverlapError) return null;
        throw error;
      }
    });
  },
  { name: 'token-key-upkeep', dependencies: ['db', 'secrets', 'jobs', 'ports', 'private-token'] },
);
