// PENDING_TOKENS_MOVE: settings are read through server/shared/settings.ts; this path stays only for
// server/tokens/keys.ts until the token branch is merged, then it is deleted.
export * from '../shared/settings.ts';
