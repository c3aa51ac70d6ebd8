import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Kysely, Migrator, sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyKeyLog, type KeyLogEntry } from '../../common/key-log.ts';
import { migrations } from '../../db/migrations/index.ts';
import { updateSettings } from '../../server/shared/settings.ts';
import {
  createScopeKey,
  ensureGeneralKeys,
  keyDeps,
  KeyOverlapError,
  retireKeys,
} from '../../server/tokens/keys.ts';
import { build, testDatabase } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { secondNode } from '../helpers/nodes.ts';

const secret = randomBytes(32).toString('hex');
const t = build({ GREENROOM_SECRET: secret });
const DAY = 24 * 60 * 60 * 1000;
const today = () => new Date().toISOString().slice(0, 10);

async function keyLog(): Promise<{ entries: KeyLogEntry[]; head: { seq: number; hash: string } }> {
  const response = await t.app.inject({ method: 'GET', url: '/api/tokens/key-log' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('no-cache');
  return response.json();
}

async function expectValidLog() {
  const log = await keyLog();
  const verdict = await verifyKeyLog(log.entries);
  expect(verdict).toEqual({ ok: true, head: log.head });
  return log;
}

const storedKeyIds = async () =>
  (await t.app.db.selectFrom('token_key').select('id').execute()).map((row) => row.id);

describe('the public key log', () => {
  test('GET /api/tokens/key-log: every stored key is logged, the chain verifies, no login needed', async () => {
    const { entries, head } = await expectValidLog();
    expect(head.seq).toBe(entries.length);
    expect(entries.map((entry) => entry.tokenKeyId).sort()).toEqual((await storedKeyIds()).sort());
    const published = (await t.app.inject({ method: 'GET', url: '/api/tokens/keys' })).json().keys;
    for (const key of published) {
      expect(entries).toContainEqual(
        expect.objectContaining({
          scope: key.scope,
          tokenKeyId: key.tokenKeyId,
          notBefore: key.notBefore,
          notAfter: key.notAfter,
        }),
      );
    }
  });

  test('creating a pulse or a focus group appends its scope key in the same step', async () => {
    const moderator = await given(t.app).staff('moderator');
    const before = (await keyLog()).head.seq;
    const pulse = await t.app.inject({
      method: 'POST',
      url: '/api/mod/pulses',
      headers: moderator.headers,
      payload: { question: 'How was your week?', scale: '0-10', opensOn: today(), closesOn: today() },
    });
    expect(pulse.statusCode, pulse.body).toBe(201);
    const room = await t.app.inject({
      method: 'POST',
      url: '/api/mod/focus-groups',
      headers: moderator.headers,
      payload: {
        title: 'Key log room',
        prompts: ['What is broken?'],
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        capacity: 8,
        moderation: 'post',
      },
    });
    expect(room.statusCode, room.body).toBe(201);
    const { entries } = await expectValidLog();
    expect(entries.slice(before).map((entry) => entry.scope)).toEqual([
      pulse.json().scope,
      room.json().scope,
    ]);
  });

  test('entries stay after their key is retired', async () => {
    const now = Date.now();
    const scope = 'focus-group:00000000-0000-4000-8000-00000000a001';
    const { tokenKeyId } = await createScopeKey(keyDeps(t.app), {
      scope,
      budget: 1,
      notBefore: new Date(now - 10 * DAY),
      notAfter: new Date(now - 3 * DAY),
    });
    expect((await retireKeys(keyDeps(t.app))).keys).toBeGreaterThanOrEqual(1);
    expect(await storedKeyIds()).not.toContain(tokenKeyId);
    const { entries } = await expectValidLog();
    expect(entries.find((entry) => entry.tokenKeyId === tokenKeyId)).toMatchObject({ scope });
  });

  test('UPDATE, DELETE and TRUNCATE on key_log are refused', async () => {
    const before = await keyLog();
    await expect(sql`update key_log set scope = 'general' where seq = 1`.execute(t.app.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from key_log where seq = ${before.head.seq}`.execute(t.app.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate key_log`.execute(t.app.db)).rejects.toThrow(/append-only/);
    expect(await keyLog()).toEqual(before);
  });

  test('concurrent key creation never forks the chain', async () => {
    const scopes = Array.from({ length: 6 }, (_, i) => `pulse:00000000-0000-4000-8000-00000000b00${i}`);
    const start = new Date(Date.now() + 30 * DAY);
    const created = await Promise.all(
      scopes.map((scope) =>
        createScopeKey(keyDeps(t.app), {
          scope,
          budget: 1,
          notBefore: start,
          notAfter: new Date(start.getTime() + DAY),
        }),
      ),
    );
    const { entries } = await expectValidLog();
    for (const { tokenKeyId } of created)
      expect(entries.filter((e) => e.tokenKeyId === tokenKeyId)).toHaveLength(1);
  });
});

describe('one key per scope per validity window', () => {
  test('a key overlapping another key of its scope is refused, and nothing is written', async () => {
    const general = (await keyLog()).entries.filter((entry) => entry.scope === 'general');
    const current = general.find(
      (e) => Date.parse(e.notBefore) <= Date.now() && Date.now() < Date.parse(e.notAfter),
    )!;
    const keysBefore = await storedKeyIds();
    const logBefore = await keyLog();
    await expect(
      createScopeKey(keyDeps(t.app), {
        scope: 'general',
        budget: 30,
        notBefore: new Date(Date.parse(current.notBefore) + 60_000),
        notAfter: new Date(Date.parse(current.notAfter) - 60_000),
      }),
    ).rejects.toBeInstanceOf(KeyOverlapError);
    expect(await storedKeyIds()).toEqual(keysBefore);
    expect(await keyLog()).toEqual(logBefore);
    // Same start is the idempotent case: the existing key comes back.
    await expect(
      createScopeKey(keyDeps(t.app), {
        scope: 'general',
        budget: 30,
        notBefore: new Date(current.notBefore),
        notAfter: new Date(Date.parse(current.notAfter) + DAY),
      }),
    ).resolves.toEqual({ tokenKeyId: current.tokenKeyId });
    // Another scope may share the window.
    await expect(
      createScopeKey(keyDeps(t.app), {
        scope: 'pulse:00000000-0000-4000-8000-00000000c001',
        budget: 1,
        notBefore: new Date(current.notBefore),
        notAfter: new Date(current.notAfter),
      }),
    ).resolves.toBeTruthy();
  });

  test('epoch-length changes and gaps never make overlapping general keys', async () => {
    // Far ahead: a key published for a later epoch, then the server wakes up in a gap before it
    // with a longer epoch setting. The key filling the gap ends where the later one starts.
    const later = new Date(Math.floor(Date.now() / DAY) * DAY + 60 * DAY);
    await createScopeKey(keyDeps(t.app), {
      scope: 'general',
      budget: 30,
      notBefore: later,
      notAfter: new Date(later.getTime() + 7 * DAY),
    });
    await updateSettings(t.app.db, { epochDays: 14 });
    try {
      const wakeUp = new Date(later.getTime() - 3 * DAY + 5000);
      await ensureGeneralKeys(keyDeps(t.app), wakeUp);
      await ensureGeneralKeys(keyDeps(t.app), new Date(later.getTime() + DAY));
      await updateSettings(t.app.db, { epochDays: 2 });
      await ensureGeneralKeys(keyDeps(t.app), new Date(later.getTime() + 7 * DAY + 1000));
      await ensureGeneralKeys(keyDeps(t.app), new Date(later.getTime() + 40 * DAY));
    } finally {
      await updateSettings(t.app.db, { epochDays: 7 });
    }
    const { entries } = await expectValidLog(); // verifyKeyLog refuses overlapping windows
    const general = entries.filter((entry) => entry.scope === 'general');
    const gapFill = general.find((entry) => Date.parse(entry.notBefore) === later.getTime() - 3 * DAY)!;
    expect(gapFill.notAfter).toBe(later.toISOString());
    expect(general.length).toBeGreaterThanOrEqual(6);
  });
});

describe.runIf(testDatabase === 'postgres')('two nodes on one Postgres', () => {
  let nodeB: FastifyInstance;
  beforeAll(async () => {
    nodeB = await secondNode(t.config.databaseUrl!, secret);
  });
  afterAll(() => nodeB?.close());

  test('concurrent key creation on both nodes yields one chain, and one key for one window', async () => {
    const start = new Date(Date.now() + 90 * DAY);
    const window = { budget: 1, notBefore: start, notAfter: new Date(start.getTime() + DAY) };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        createScopeKey(keyDeps(i % 2 ? nodeB : t.app), {
          scope: `pulse:00000000-0000-4000-8000-00000000d00${i}`,
          ...window,
        }),
      ).concat(
        // Both nodes race for one scope and window with different ends: one key, the other refused or joined.
        [t.app, nodeB].map((node, i) =>
          createScopeKey(keyDeps(node), {
            scope: 'focus-group:00000000-0000-4000-8000-00000000d100',
            budget: 1,
            notBefore: new Date(start.getTime() + i * 60_000),
            notAfter: new Date(start.getTime() + DAY),
          }),
        ),
      ),
    );
    expect(results.slice(0, 8).every((result) => result.status === 'fulfilled')).toBe(true);
    const { entries } = await expectValidLog();
    expect(
      entries.filter((entry) => entry.scope === 'focus-group:00000000-0000-4000-8000-00000000d100'),
    ).toHaveLength(1);
  });
});

describe.runIf(testDatabase === 'pglite')('migration 0013', () => {
  test('backfills existing keys in (not_before, id) order into a valid chain', async () => {
    const pglite = await PGlite.create('memory://');
    const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
    try {
      const upTo = (last: string) =>
        new Migrator({
          db,
          provider: {
            getMigrations: async () =>
              Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last)),
          },
        }).migrateToLatest();
      expect((await upTo('0008_moderator_message_dedup')).error).toBeUndefined();
      const key = (id: string, scope: string, start: string, end: string, truncated: number) => ({
        id: id.repeat(64),
        truncated_id: truncated,
        scope,
        token_key: Buffer.from('spki'),
        private_key: Buffer.from('sealed'),
        budget: 1,
        not_before: new Date(start),
        not_after: new Date(end),
      });
      await db
        .insertInto('token_key')
        .values([
          key('c', 'general', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z', 1),
          key('b', 'pulse:x', '2026-01-05T00:00:00Z', '2026-01-08T00:00:00Z', 2),
          key('a', 'general', '2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', 3),
        ])
        .execute();
      expect((await upTo('9999')).error).toBeUndefined();
      const rows = await db
        .selectFrom('key_log')
        .select(['seq', 'scope', 'token_key_id', 'not_before', 'not_after', 'prev_hash', 'hash'])
        .orderBy('seq')
        .execute();
      const entries: KeyLogEntry[] = rows.map((row) => ({
        seq: row.seq,
        scope: row.scope,
        tokenKeyId: row.token_key_id,
        notBefore: new Date(row.not_before).toISOString(),
        notAfter: new Date(row.not_after).toISOString(),
        prevHash: row.prev_hash,
        hash: row.hash,
      }));
      expect(entries.map((entry) => entry.tokenKeyId[0])).toEqual(['a', 'b', 'c']);
      expect(await verifyKeyLog(entries)).toMatchObject({ ok: true, head: { seq: 3 } });
    } finally {
      await db.destroy();
    }
  });
});
