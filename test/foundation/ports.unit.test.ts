import { describe, expect, test } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { KudosStories } from '../../server/shared/kudos-stories.ts';
import { ScopeKeys } from '../../server/shared/scope-keys.ts';

// The ports features use instead of importing each other: a port answers through its provider, and says
// so loudly when no feature provides it (a wiring mistake, never a silent no-op).
const trx = {} as Kysely<Database>;
const window = { scope: 'pulse:x', budget: 1, notBefore: new Date(0), notAfter: new Date(1000) };

describe('scope keys', () => {
  test('create answers the provider’s key; a taken window is an error, not a missing key', async () => {
    const keys = new ScopeKeys();
    await expect(keys.create(window)).rejects.toThrow(/no token feature/);
    keys.provide(async (request) => (request.scope === 'pulse:x' ? { tokenKeyId: 'k1' } : null));
    await expect(keys.create(window)).resolves.toEqual({ tokenKeyId: 'k1' });
    await expect(keys.ensure({ ...window, scope: 'pulse:y' })).resolves.toBeNull();
    await expect(keys.create({ ...window, scope: 'pulse:y' })).rejects.toThrow(/already has a key/);
  });
});

describe('kudos stories', () => {
  test('a story goes to the provider in the caller’s transaction', async () => {
    const stories = new KudosStories();
    const story = {
      departmentId: 'd',
      story: 'Thank you for the quick fix',
      moderation: 'pending' as const,
      piiFlags: [],
    };
    await expect(stories.create(trx, story)).rejects.toThrow(/no kudos feature/);
    const seen: unknown[] = [];
    stories.provide(async (given, written) => {
      seen.push([given, written]);
      return 'id-1';
    });
    await expect(stories.create(trx, story)).resolves.toBe('id-1');
    expect(seen).toEqual([[trx, story]]);
  });
});
