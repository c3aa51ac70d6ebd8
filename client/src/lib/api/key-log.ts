import type { Static } from 'typebox';
import { get } from '../api.ts';
import type { KeyLog } from '../../../../common/api/tokens.ts';

// The public key log (no login). Shape from common/api/tokens.ts (type-only import).
export type KeyLogAnswer = Static<typeof KeyLog>;

export const keyLogApi = {
  get: () => get<KeyLogAnswer>('/api/tokens/key-log'),
};
