import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireSharedSecret } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      poolSize: 10,
      dataDir: './data',
      seedDemo: true,
    });
  });

  it('never seeds demo data on real Postgres', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/greenroom', SEED_DEMO: 'true' }).seedDemo).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://nope' }, 'DATABASE_URL'],
    [{ GREENROOM_ADMIN_USERNAME: 'root' }, 'GREENROOM_ADMIN_PASSWORD'],
    [{ GREENROOM_ADMIN_PASSWORD: 'long-enough-password' }, 'GREENROOM_ADMIN_USERNAME'],
    [{ GREENROOM_ADMIN_USERNAME: 'root', GREENROOM_ADMIN_PASSWORD: 'short' }, 'GREENROOM_ADMIN_PASSWORD'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ GREENROOM_SECRET: 'tiny' }, 'GREENROOM_SECRET'],
    [{ ALLOWED_ORIGINS: 'not a url' }, 'ALLOWED_ORIGINS'],
    [{ DATABASE_POOL_SIZE: '2' }, 'DATABASE_POOL_SIZE'],
    [{ DATABASE_POOL_SIZE: 'lots' }, 'DATABASE_POOL_SIZE'],
  ])('names the bad variable in %o', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).toContain(variable);
    }
  });
});

describe('requireSharedSecret', () => {
  it('refuses a node on a shared database without GREENROOM_SECRET, and says why', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@db/greenroom' });
    expect(() => requireSharedSecret(config)).toThrow(ConfigError);
    expect(() => requireSharedSecret(config)).toThrow(
      /GREENROOM_SECRET: must be set when DATABASE_URL is set/,
    );
  });

  it('accepts the embedded database without a secret, and Postgres with one', () => {
    expect(() => requireSharedSecret(loadConfig({}))).not.toThrow();
    const shared = loadConfig({
      DATABASE_URL: 'postgres://x@db/greenroom',
      GREENROOM_SECRET: 'x'.repeat(32),
    });
    expect(() => requireSharedSecret(shared)).not.toThrow();
  });
});
