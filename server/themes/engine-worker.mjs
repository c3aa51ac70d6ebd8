// Node starts worker threads from plain JavaScript — under tsx, under Vitest (whose Vite transform does
// not reach threads) and in the Docker image alike — so the thread registers tsx, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
