import { createPrivateKey } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import {
  createScopeKey,
  ensureGeneralKeys,
  keyDeps,
  retireKeys,
  RETIREMENT_GRACE_MS,
  KEY_MAINTENANCE_JOB,
} from '../../server/tokens/keys.ts';
import { build } from '../helpers/build.ts';

// The hourly key upkeep job stays out of the way: these tests call it themselves, and a tick landing
// between creating an ended key and using it would retire it underneath the test.
const t = build({ JOB_TICK_MS: '600000' });
const DAY = 24 * 60 * 60 * 1000;

const generalKeys = () =>
  t.app.db
    .selectFrom('token_key')
    .select(['id', 'not_before', 'not_after', 'budget'])
    .where('scope', '=', 'general')
    .orderBy('not_before')
    .execute();

describe('issuer keys', () => {
  test('at start the general scope has a key for this epoch and the next, back to back', async () => {
    const keys = await generalKeys();
    expect(keys).toHaveLength(2);
    const [current, next] = keys;
    const now = Date.now();
    expect(new Date(current!.not_before).getTime()).toBeLessThanOrEqual(now);
    expect(new Date(current!.not_after).getTime()).toBeGreaterThan(now);
    expect(new Date(next!.not_before).getTime()).toBe(new Date(current!.not_after).getTime());
    // Epochs start at midnight UTC and last the configured number of days (7 by default).
    expect(new Date(current!.not_before).getUTCHours()).toBe(0);
    expect(new Date(current!.not_after).getTime() - new Date(current!.not_before).getTime()).toBe(7 * DAY);
  });

  test('ensuring again changes nothing; when an epoch passes, the next key is already there and one more is made', async () => {
    await ensureGeneralKeys(keyDeps(t.app));
    expect(await generalKeys()).toHaveLength(2);
    const [, next] = await generalKeys();
    const inNextEpoch = new Date(new Date(next!.not_before).getTime() + 1000);
    await updateSettings(t.app.db, { epochDays: 3 });
    await ensureGeneralKeys(keyDeps(t.app), inNextEpoch);
    const keys = await generalKeys();
    expect(keys).toHaveLength(3);
    expect(keys[1]!.id).toBe(next!.id);
    expect(new Date(keys[2]!.not_before).getTime()).toBe(new Date(next!.not_after).getTime());
    expect(new Date(keys[2]!.not_after).getTime() - new Date(keys[2]!.not_before).getTime()).toBe(3 * DAY);
    await updateSettings(t.app.db, { epochDays: 7 });
  });

  test('private keys are sealed at rest with the master secret', async () => {
    const row = await t.app.db
      .selectFrom('token_key')
      .select(['id', 'private_key', 'token_key'])
      .executeTakeFirstOrThrow();
    const sealed = Buffer.from(row.private_key);
    // Not a DER PKCS#8 (which starts 30 82) and not parseable as a key.
    expect(() => createPrivateKey({ key: sealed, format: 'der', type: 'pkcs8' })).toThrow();
    const opened = t.app.secrets.decrypt('token-key', sealed);
    expect(() => createPrivateKey({ key: opened, format: 'der', type: 'pkcs8' })).not.toThrow();
  });

  test('createScopeKey is idempotent per scope and start, and every stored key has its own last byte', async () => {
    const input = {
      scope: 'pulse:00000000-0000-4000-8000-000000000777',
      budget: 1,
      notBefore: new Date('2030-01-01T00:00:00Z'),
      notAfter: new Date('2030-01-08T00:00:00Z'),
    };
    const [a, b] = await Promise.all([
      createScopeKey(keyDeps(t.app), input),
      createScopeKey(keyDeps(t.app), input),
    ]);
    expect(a.tokenKeyId).toBe(b.tokenKeyId);
    const rows = await t.app.db.selectFrom('token_key').select(['truncated_id', 'id']).execute();
    expect(new Set(rows.map((row) => row.truncated_id)).size).toBe(rows.length);
    for (const row of rows) expect(row.truncated_id).toBe(Buffer.from(row.id, 'hex').at(-1));
    await expect(createScopeKey(keyDeps(t.app), { ...input, notAfter: input.notBefore })).rejects.toThrow();
    await expect(createScopeKey(keyDeps(t.app), { ...input, budget: 0 })).rejects.toThrow();
  });

  test('retireKeys destroys only keys that ended more than the grace period ago', async () => {
    const now = Date.now();
    const ended = await createScopeKey(keyDeps(t.app), {
      scope: 'focus-group:00000000-0000-4000-8000-000000000888',
      budget: 1,
      notBefore: new Date(now - 10 * DAY),
      notAfter: new Date(now - RETIREMENT_GRACE_MS - 60_000),
    });
    const inGrace = await createScopeKey(keyDeps(t.app), {
      scope: 'focus-group:00000000-0000-4000-8000-000000000999',
      budget: 1,
      notBefore: new Date(now - 10 * DAY),
      notAfter: new Date(now - 60_000),
    });
    await t.app.db
      .insertInto('spent_token')
      .values({ nullifier: Buffer.alloc(32, 7), key_id: ended.tokenKeyId })
      .execute();
    await t.app.db
      .insertInto('spent_token')
      .values({ nullifier: Buffer.alloc(32, 8), key_id: inGrace.tokenKeyId })
      .execute();

    const result = await retireKeys(keyDeps(t.app));
    expect(result).toEqual({ keys: 1, spentTokens: 1 });
    const ids = (await t.app.db.selectFrom('token_key').select('id').execute()).map((row) => row.id);
    expect(ids).not.toContain(ended.tokenKeyId);
    expect(ids).toContain(inGrace.tokenKeyId);
    const spent = await t.app.db.selectFrom('spent_token').select('key_id').execute();
    expect(spent.map((row) => row.key_id)).toEqual([inGrace.tokenKeyId]);
    expect((await generalKeys()).length).toBeGreaterThanOrEqual(2);
    // Ended keys are no longer published.
    const published = (await t.app.inject({ method: 'GET', url: '/api/tokens/keys' }))
      .json()
      .keys.map((key: { tokenKeyId: string }) => key.tokenKeyId);
    expect(published).not.toContain(inGrace.tokenKeyId);
  });

  test('key maintenance is a leased job: it runs on one node at a time and records its run', async () => {
    await t.app.jobs.runNow(KEY_MAINTENANCE_JOB);
    const lease = await t.app.db
      .selectFrom('job_lease')
      .select(['holder', 'finished_at'])
      .where('name', '=', KEY_MAINTENANCE_JOB)
      .executeTakeFirstOrThrow();
    expect(lease.holder).toBeNull();
    expect(lease.finished_at).not.toBeNull();
  });
});
