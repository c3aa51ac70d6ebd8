// The wallet's key consistency rules (client/src/lib/wallet/key-checks.ts): one key per scope per period,
// learned only from the public directory.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { acceptKeys, unknownBudgetKeys } from '../../client/src/lib/wallet/key-checks.ts';
import type { IssuerKey } from '../../client/src/lib/wallet/keys.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-03T12:00:00Z');
const key = (id: string, scope: string, fromDay: number, toDay: number): IssuerKey => ({
  tokenKey: `spki-${id}`,
  tokenKeyId: id.padEnd(64, '0'),
  scope,
  budget: 30,
  notBefore: new Date(NOW + fromDay * DAY).toISOString(),
  notAfter: new Date(NOW + toDay * DAY).toISOString(),
  issuerName: 'portal.example',
  originInfo: 'portal.example',
});

describe('accepting keys from the directory', () => {
  test('this week, next week and one key per pulse are all accepted', () => {
    const directory = [key('a1', 'general', -2, 5), key('b2', 'general', 5, 12), key('c3', 'pulse:1', -1, 6)];
    const result = acceptKeys(directory, [], NOW);
    expect(result.problems).toEqual([]);
    expect(result.trusted.map((k) => k.tokenKeyId)).toEqual(directory.map((k) => k.tokenKeyId));
  });

  test('a second key overlapping an accepted one is refused with a warning; the first stays trusted', () => {
    const honest = key('a1', 'general', -2, 5);
    const first = acceptKeys([honest], [], NOW);
    const tagged = key('ff', 'general', -2 + 1 / 86_400, 5);
    const second = acceptKeys([honest, tagged], first.accepted, NOW);
    expect(second.trusted.map((k) => k.tokenKeyId)).toEqual([honest.tokenKeyId]);
    expect(second.problems.join(' ')).toContain('second key for “general”');
    expect(second.accepted.map((k) => k.tokenKeyId)).not.toContain(tagged.tokenKeyId);
  });

  test('two new overlapping keys of one scope are both refused', () => {
    const result = acceptKeys([key('a1', 'pulse:9', 0, 7), key('b2', 'pulse:9', 1, 8)], [], NOW);
    expect(result.trusted).toEqual([]);
    expect(result.problems).toHaveLength(2);
  });

  test('an accepted key that comes back with another window is a problem', () => {
    const first = acceptKeys([key('a1', 'general', -2, 5)], [], NOW);
    const moved = acceptKeys([key('a1', 'general', -2, 9)], first.accepted, NOW);
    expect(moved.trusted).toEqual([]);
    expect(moved.problems.join(' ')).toContain('different scope or window');
  });

  test('property: whatever the directory, no two trusted keys of one scope overlap', () => {
    const arbitraryKey = fc
      .record({
        id: fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16).padStart(4, '0')),
        scope: fc.constantFrom('general', 'pulse:1'),
        from: fc.integer({ min: -10, max: 10 }),
        length: fc.integer({ min: 1, max: 10 }),
      })
      .map(({ id, scope, from, length }) => key(id, scope, from, from + length));
    fc.assert(
      fc.property(
        fc.array(arbitraryKey, { maxLength: 8 }),
        fc.array(arbitraryKey, { maxLength: 8 }),
        (before, after) => {
          const first = acceptKeys(before, [], NOW);
          const second = acceptKeys(after, first.accepted, NOW);
          for (const held of [first.accepted, second.accepted]) {
            for (const a of held)
              for (const b of held)
                if (a !== b && a.scope === b.scope)
                  expect(
                    Date.parse(a.notBefore) < Date.parse(b.notAfter) &&
                      Date.parse(b.notBefore) < Date.parse(a.notAfter),
                  ).toBe(false);
          }
        },
      ),
    );
  });
});

test('budget entries naming a key the public directory does not show are reported', () => {
  const directory = [key('a1', 'general', -2, 5)];
  expect(unknownBudgetKeys([{ tokenKeyId: 'a1'.padEnd(64, '0') }], directory)).toEqual([]);
  expect(unknownBudgetKeys([{ tokenKeyId: 'ee'.padEnd(64, '0') }], directory)).toEqual([
    'ee'.padEnd(64, '0'),
  ]);
});
