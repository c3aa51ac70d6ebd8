import { describe, expect, it } from 'vitest';
import { newest } from '../../server/themes/job.ts';
import type { SourceDigest } from '../../server/shared/theme-sources.ts';

const item = (id: string, day: string): SourceDigest => ({
  id,
  source: 'suggestion',
  hash: `hash ${id}`,
  day,
  published: true,
});

describe('the job’s memory ceiling', () => {
  it('themes only the newest items past the ceiling, and every item below it', () => {
    const items = [
      item('a', '2026-01-01'),
      item('b', '2026-03-01'),
      item('c', '2026-02-01'),
      item('d', '2026-03-01'),
    ];
    expect(newest(items, 10)).toBe(items);
    expect(
      newest(items, 2)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['b', 'd']);
    expect(newest(items, 3).map((i) => i.id)).not.toContain('a');
  });
});
