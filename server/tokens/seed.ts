import type { SeedStep } from '../seed/types.ts';

/** This feature's share of the demo organisation (embedded default only). */
export const seed: SeedStep = async () => {};
