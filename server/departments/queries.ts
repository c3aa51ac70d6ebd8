// PENDING_TOKENS_MOVE: departments are read through server/shared/departments.ts; this path stays only
// for server/tokens/routes.ts and transparency.ts until the token branch is merged, then it is deleted.
export * from '../shared/departments.ts';
