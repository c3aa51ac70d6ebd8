import type { Static } from 'typebox';
import { get } from '../api.ts';
import type { KeyLog } from '../../../../server/tokens/schemas.ts';

// The public key log (no login). Shape from server/tokens/schemas.ts (type-only import).
export type KeyLogAnswer = Static<typeof KeyLog>;

export const keyLogApi = {
  get: () => get<KeyLogAnswer>('/api/tokens/key-log'),
};
