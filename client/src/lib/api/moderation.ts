import { del, get, post, put } from '../api.ts';
import type { BulkResult, SavedReply, SavedReplyBody, TabCounts } from '../../../../common/api/moderation.ts';

export type { BulkResult, SavedReply, TabCounts };
export type ModSort = 'oldest' | 'newest' | 'votes';

/** The moderation team's saved replies and the bulk decision every queue shares. */
export const savedRepliesApi = {
  list: () => get<{ replies: SavedReply[] }>('/api/mod/saved-replies'),
  create: (input: SavedReplyBody) => post<{ reply: SavedReply }>('/api/mod/saved-replies', input),
  update: (id: string, input: SavedReplyBody) => put<{ id: string }>(`/api/mod/saved-replies/${id}`, input),
  remove: (id: string) => del<{ id: string }>(`/api/mod/saved-replies/${id}`),
};

/** `base` is the queue's path ('/api/mod/suggestions', '/api/mod/kudos', '/api/mod/handoffs/comments'). */
export const bulkDecide = <Decision>(base: string, ids: string[], decision: Decision) =>
  post<BulkResult>(`${base}/decisions`, { ids, decision });

export const tabCounts = (base: string) => get<TabCounts>(`${base}/counts`);

/** A bulk decision, summed up for the bulk bar: how many were done, and why each other one was not. */
export async function bulkRun<Decision>(base: string, ids: string[], decision: Decision) {
  const result = await bulkDecide(base, ids, decision);
  return {
    done: result.done,
    failed: result.results.filter((entry) => !entry.ok).map((entry) => entry.message ?? entry.error ?? ''),
  };
}

export const SORTS: readonly { id: ModSort; label: string }[] = [
  { id: 'oldest', label: 'Oldest first' },
  { id: 'newest', label: 'Newest first' },
];
