import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  checkPublishedKeys,
  entryHash,
  GENESIS_HASH,
  headLabel,
  verifyKeyLog,
  type KeyLogEntry,
} from '../../common/key-log.ts';

const fingerprint = (n: number) => createHash('sha256').update(`key ${n}`).digest('hex');

async function chain(
  windows: { scope: string; notBefore: string; notAfter: string }[],
): Promise<KeyLogEntry[]> {
  const entries: KeyLogEntry[] = [];
  for (const [index, window] of windows.entries()) {
    const fields = {
      seq: index + 1,
      tokenKeyId: fingerprint(index),
      prevHash: entries.at(-1)?.hash ?? GENESIS_HASH,
      ...window,
    };
    entries.push({ ...fields, hash: await entryHash(fields) });
  }
  return entries;
}

const week = (start: string, end: string, scope = 'general') => ({
  scope,
  notBefore: `${start}T00:00:00.000Z`,
  notAfter: `${end}T00:00:00.000Z`,
});

const honest = () =>
  chain([
    week('2026-01-05', '2026-01-12'),
    week('2026-01-12', '2026-01-19'),
    week('2026-01-06', '2026-01-10', 'pulse:00000000-0000-4000-8000-000000000001'),
    week('2026-01-19', '2026-01-26'),
  ]);

describe('key log', () => {
  test('the hash is SHA-256 over the documented JSON encoding', async () => {
    const fields = {
      seq: 1,
      prevHash: GENESIS_HASH,
      tokenKeyId: fingerprint(0),
      ...week('2026-01-05', '2026-01-12'),
    };
    const expected = createHash('sha256')
      .update(
        JSON.stringify([
          'greenroom-key-log/1',
          1,
          'general',
          fields.tokenKeyId,
          fields.notBefore,
          fields.notAfter,
          GENESIS_HASH,
        ]),
      )
      .digest('hex');
    expect(await entryHash(fields)).toBe(expected);
  });

  test('an honest log verifies and names its head; an empty log has head #0', async () => {
    const entries = await honest();
    expect(await verifyKeyLog(entries)).toEqual({ ok: true, head: { seq: 4, hash: entries[3]!.hash } });
    expect(await verifyKeyLog(entries, { seq: 2, hash: entries[1]!.hash })).toMatchObject({ ok: true });
    expect(await verifyKeyLog([])).toEqual({ ok: true, head: { seq: 0, hash: GENESIS_HASH } });
  });

  test('refuses an altered window, a broken link, a gap, a reordering and a forged hash', async () => {
    const entries = await honest();
    const altered = entries.map((entry, i) =>
      i === 1 ? { ...entry, notAfter: '2026-01-20T00:00:00.000Z' } : entry,
    );
    expect(await verifyKeyLog(altered)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/entry 2 does not match its hash/),
    });

    const gap = [entries[0]!, entries[2]!, entries[3]!];
    expect(await verifyKeyLog(gap)).toMatchObject({ ok: false, problem: expect.stringMatching(/gap/) });

    // Recomputed hash over a changed field still breaks the next link.
    const rehashed = { ...entries[1]!, notAfter: '2026-01-20T00:00:00.000Z' };
    rehashed.hash = await entryHash(rehashed);
    expect(await verifyKeyLog([entries[0]!, rehashed, entries[2]!, entries[3]!])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/entry 3 does not link to entry 2/),
    });
  });

  test('refuses two keys of one scope with overlapping windows, even in a well-formed chain', async () => {
    const tagged = await chain([week('2026-01-05', '2026-01-12'), week('2026-01-08', '2026-01-15')]);
    const result = await verifyKeyLog(tagged);
    expect(result).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/scope "general".*entry 1.*entry 2/),
    });
    // Back to back is not an overlap: [a, b) then [b, c).
    expect(
      await verifyKeyLog(await chain([week('2026-01-05', '2026-01-12'), week('2026-01-12', '2026-01-15')])),
    ).toMatchObject({ ok: true });
  });

  test('a head seen before must be extended: a rewritten or shortened log is refused', async () => {
    const entries = await honest();
    const seen = { seq: 3, hash: entries[2]!.hash };
    expect(await verifyKeyLog(entries.slice(0, 2), seen)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/removed/),
    });
    const fork = await chain([
      week('2026-01-05', '2026-01-12'),
      week('2026-01-12', '2026-01-19'),
      week('2026-02-01', '2026-02-08'),
    ]);
    expect(await verifyKeyLog(fork, seen)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/rewritten/),
    });
  });

  test('published keys must be in the log with the same window, and not overlap', async () => {
    const log = await honest();
    const published = log
      .slice(1, 3)
      .map(({ scope, tokenKeyId, notBefore, notAfter }) => ({ scope, tokenKeyId, notBefore, notAfter }));
    expect(checkPublishedKeys(published, log)).toEqual([]);

    const stranger = { ...week('2026-01-13', '2026-01-14'), tokenKeyId: fingerprint(99) };
    const problems = checkPublishedKeys([...published, stranger], log);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/missing from the key log/);
    expect(problems[1]).toMatch(/scope "general" are valid at the same time/);

    const stretched = { ...published[0]!, notAfter: '2026-01-20T00:00:00.000Z' };
    expect(checkPublishedKeys([stretched], log)).toEqual([
      expect.stringMatching(/published for "general" .* but logged/),
    ]);
  });

  test('the head label is short enough to read aloud', () => {
    expect(headLabel({ seq: 12, hash: '3fa9c2d18b07e611' + 'f'.repeat(48) })).toBe('#12 3fa9·c2d1·8b07·e611');
  });
});
