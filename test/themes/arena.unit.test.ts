import { describe, expect, it } from 'vitest';
import { TypedArena } from '../../server/themes/engine/arena.ts';

describe('typed arena', () => {
  it('hands out views that never overlap, within and across chunks', () => {
    const arena = new TypedArena();
    const views: Array<Int32Array | Float32Array> = [];
    // 40k small arrays: several 256 KB chunks.
    for (let n = 0; n < 40_000; n++) {
      const view = n % 2 ? arena.float32(1 + (n % 13)) : arena.int32(1 + (n % 13));
      view.fill(n);
      views.push(view);
    }
    expect(new Set(views.map((view) => view.buffer)).size).toBeGreaterThan(1);
    // Each view still holds what was written into it: no later view wrote over it.
    for (const [n, view] of views.entries()) expect([...view].every((value) => value === n)).toBe(true);
  });

  it('gives a large array a buffer of its own', () => {
    const arena = new TypedArena();
    const small = arena.int32(4);
    const large = arena.float32(100_000);
    expect(large.buffer).not.toBe(small.buffer);
    expect(large.byteOffset).toBe(0);
    expect(arena.int32(4).buffer).toBe(small.buffer);
  });
});
