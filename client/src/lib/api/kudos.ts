import type { Static } from 'typebox';
import { get, post } from '../api.ts';
import type {
  DepartmentSummary,
  KudosItem,
  KudosList,
  ModKudosItem,
  Recognition,
  ThreadMessage,
} from '../../../../common/api/kudos.ts';

// Shapes come straight from common/api/kudos.ts (type-only imports: no schema code is bundled).

export type { KudosItem, ModKudosItem };
export type KudosPage = Static<typeof KudosList>;
export type RecognitionView = Static<typeof Recognition>;
export type DepartmentSummaryView = Static<typeof DepartmentSummary>;
export type Message = Static<typeof ThreadMessage>;
export type KudosDecision =
  { action: 'publish' } | { action: 'reject'; reason: string } | { action: 'redact'; text: string };

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const kudosApi = {
  /** `authorization` is a `PrivateToken token="…"` value from the wallet (scope general). */
  send: (input: { departmentId: string; story: string }, authorization: string) =>
    post<{ id: string; receipt: string }>('/api/kudos', input, { authorization }),
  list: (params: { department?: string; page?: number } = {}) => get<KudosPage>(`/api/kudos${query(params)}`),
  featured: () => get<{ items: KudosItem[] }>('/api/kudos/featured'),
  recognition: () => get<RecognitionView>('/api/kudos/recognition'),
  department: (id: string) => get<DepartmentSummaryView>(`/api/departments/${id}/kudos-summary`),
};

export const kudosModerationApi = {
  list: (status?: ModKudosItem['moderation']) =>
    get<{ items: ModKudosItem[] }>(`/api/mod/kudos${query({ status })}`),
  decide: (id: string, decision: KudosDecision) =>
    post<{ id: string; moderation: string; story: string }>(`/api/mod/kudos/${id}/decision`, decision),
  feature: (id: string, featured: boolean) =>
    post<{ id: string; featured: boolean }>(`/api/mod/kudos/${id}/feature`, { featured }),
  reply: (id: string, body: string) => post<{ message: Message }>(`/api/mod/kudos/${id}/replies`, { body }),
  thread: (id: string) => get<{ messages: Message[] }>(`/api/mod/kudos/${id}/thread`),
};
