import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';

// Listed explicitly (not read from disk) so bundlers and tsx resolve the same set.
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
