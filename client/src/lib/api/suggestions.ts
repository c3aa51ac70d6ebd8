import type { Static } from 'typebox';
import { get, post } from '../api.ts';
import type { Board, BoardItem, DecisionBody, ModItem, ModList } from '../../../../common/api/suggestions.ts';
import type { Thread, ThreadMessage } from '../../../../common/api/threads.ts';
import type { ModSort } from './moderation.ts';

// Shapes come straight from common/api/suggestions.ts (type-only imports: no schema code is bundled).

export type SuggestionStatus = BoardItem['status'];
export type { BoardItem, ModItem };
export type BoardPage = Static<typeof Board>;
export type ThreadView = Static<typeof Thread>;
export type Message = Static<typeof ThreadMessage>;
export type ModPage = Static<typeof ModList>;
export type Decision = DecisionBody;

export interface NewSuggestion {
  text: string;
  concernsDepartmentId?: string;
  ownDepartmentId?: string;
}

export interface BoardQuery {
  sort: 'new' | 'top';
  department?: string;
  status?: SuggestionStatus;
  page?: number;
}

const query = (params: Record<string, string | number | boolean | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const suggestionsApi = {
  /** `authorization` is a `PrivateToken token="…"` value from the wallet (scope general). */
  submit: (suggestion: NewSuggestion, authorization: string) =>
    post<{ id: string; receipt: string }>('/api/suggestions', suggestion, { authorization }),
  vote: (id: string, authorization: string) =>
    post<{ votes: number }>(`/api/suggestions/${id}/votes`, {}, { authorization }),
  board: (params: BoardQuery) => get<BoardPage>(`/api/suggestions${query({ ...params })}`),
  /** One receipt per request, always: two receipts in one request would tell the server they share an author. */
  openThread: (receipt: string) => post<ThreadView>('/api/threads/open', { receipt }),
  reply: (receipt: string, body: string) =>
    post<{ message: Message }>('/api/threads/reply', { receipt, body }),
};

export const moderationApi = {
  queue: (filters: { page?: number; q?: string; sort?: ModSort } = {}) =>
    get<ModPage>(`/api/mod/queue${query(filters)}`),
  list: (filters: {
    moderation?: ModItem['moderation'];
    awaitingReply?: boolean;
    page?: number;
    q?: string;
    sort?: ModSort;
  }) => get<ModPage>(`/api/mod/suggestions${query(filters)}`),
  /** The base path of the shared moderation routes (counts, bulk decisions). */
  base: '/api/mod/suggestions',
  thread: (id: string) => get<{ messages: Message[] }>(`/api/mod/suggestions/${id}/thread`),
  decide: (id: string, decision: Decision) =>
    post<{ id: string; moderation: string; text: string }>(`/api/mod/suggestions/${id}/decision`, decision),
  reply: (id: string, body: string) =>
    post<{ message: Message }>(`/api/mod/suggestions/${id}/replies`, { body }),
  setStatus: (id: string, status: SuggestionStatus, response?: string) =>
    post<{ id: string; status: SuggestionStatus; response: string | null }>(
      `/api/mod/suggestions/${id}/status`,
      {
        status,
        ...(response !== undefined ? { response } : {}),
      },
    ),
  exportUrl: '/api/mod/suggestions/export.csv',
};
