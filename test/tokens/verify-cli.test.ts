import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { entryHash, headLabel, type KeyLogEntry } from '../../common/key-log.ts';
import {
  encodeTokenKey,
  generateIssuerKey,
  tokenKeyIdOf,
  truncatedKeyId,
} from '../../server/tokens/crypto.ts';
import { build } from '../helpers/build.ts';

// npm run keys:verify against a real listening portal, honest and then tampered with by its operator.
const t = build();
const root = path.resolve(import.meta.dirname, '../..');
let portal = '';

beforeAll(async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  portal = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});

async function keysVerify(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/tokens/verify-cli.ts', ...args],
      { cwd: root },
    );
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const keyLog = async (): Promise<{ entries: KeyLogEntry[]; head: { seq: number; hash: string } }> =>
  (await t.app.inject({ method: 'GET', url: '/api/tokens/key-log' })).json();

/** What an operator with the database and the master secret can do: a second `general` key for this week. */
async function operatorInsertsTaggingKey(): Promise<{ id: string; notBefore: Date; notAfter: Date }> {
  const current = (await keyLog()).entries.find(
    (entry) =>
      entry.scope === 'general' &&
      Date.parse(entry.notBefore) <= Date.now() &&
      Date.now() < Date.parse(entry.notAfter),
  )!;
  const taken = new Set(
    (await t.app.db.selectFrom('token_key').select('truncated_id').execute()).map((row) => row.truncated_id),
  );
  for (;;) {
    const keyPair = await generateIssuerKey();
    const tokenKey = encodeTokenKey(keyPair.publicKey);
    const idBytes = tokenKeyIdOf(tokenKey);
    if (taken.has(truncatedKeyId(idBytes))) continue;
    const row = {
      id: idBytes.toString('hex'),
      notBefore: new Date(Date.parse(current.notBefore) + 60_000),
      notAfter: new Date(current.notAfter),
    };
    await t.app.db
      .insertInto('token_key')
      .values({
        id: row.id,
        truncated_id: truncatedKeyId(idBytes),
        scope: 'general',
        token_key: tokenKey,
        private_key: t.app.secrets.encrypt(
          'token-key',
          keyPair.privateKey.export({ format: 'der', type: 'pkcs8' }),
        ),
        budget: 30,
        not_before: row.notBefore,
        not_after: row.notAfter,
      })
      .execute();
    await t.app.tokenKeys.reload();
    return row;
  }
}

describe('npm run keys:verify', () => {
  let seenHead = { seq: 0, hash: '' };

  test('an honest portal passes and the head label is printed', async () => {
    const { head } = await keyLog();
    seenHead = head;
    const result = await keysVerify(portal);
    expect(result.out).toContain(`Key log head: ${headLabel(head)}`);
    expect(result.out).toMatch(/^OK: /m);
    expect(result.code).toBe(0);
    expect((await keysVerify(portal, '--head', `${head.seq}:${head.hash}`)).code).toBe(0);
  });

  test('a head the portal does not extend fails; bad usage exits 2', async () => {
    const forged = await keysVerify(portal, '--head', `${seenHead.seq}:${'ab'.repeat(32)}`);
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/PROBLEM: entry \d+ differs from the one you saw before/);
    const ahead = await keysVerify(portal, '--head', `${seenHead.seq + 5}:${seenHead.hash}`);
    expect(ahead.out).toMatch(/entries were removed/);
    expect(ahead.code).toBe(1);
    expect((await keysVerify()).code).toBe(2);
    expect((await keysVerify(portal, '--head', 'nonsense')).code).toBe(2);
  });

  test('an operator key inserted without a log entry is caught: missing from the log, and overlapping', async () => {
    const tagging = await operatorInsertsTaggingKey();
    try {
      const result = await keysVerify(portal);
      expect(result.code).toBe(1);
      expect(result.out).toContain(
        `PROBLEM: key ${tagging.id.slice(0, 12)} (scope "general") is published but missing from the key log`,
      );
      expect(result.out).toMatch(/PROBLEM: directory key [0-9a-f]{12} is missing from the key log/);
      expect(result.out).toMatch(
        /PROBLEM: the server publishes two keys of scope "general" are valid at the same time/,
      );
    } finally {
      await t.app.db.deleteFrom('token_key').where('id', '=', tagging.id).execute();
      await t.app.tokenKeys.reload();
    }
    expect((await keysVerify(portal)).code).toBe(0);
  });

  test('an operator key inserted with a well-formed log entry is caught: the log itself shows the overlap', async () => {
    const tagging = await operatorInsertsTaggingKey();
    const { head } = await keyLog();
    const fields = {
      seq: head.seq + 1,
      scope: 'general',
      tokenKeyId: tagging.id,
      notBefore: tagging.notBefore.toISOString(),
      notAfter: tagging.notAfter.toISOString(),
      prevHash: head.hash,
    };
    await sql`insert into key_log (seq, scope, token_key_id, not_before, not_after, prev_hash, hash)
      values (${fields.seq}, ${fields.scope}, ${fields.tokenKeyId}, ${fields.notBefore}, ${fields.notAfter},
              ${fields.prevHash}, ${await entryHash(fields)})`.execute(t.app.db);
    const result = await keysVerify(portal, '--head', `${seenHead.seq}:${seenHead.hash}`);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /PROBLEM: the log lists two keys of scope "general" are valid at the same time/,
    );
    expect(result.out).toMatch(/PROBLEM: the server publishes two keys of scope "general"/);
  });
});
