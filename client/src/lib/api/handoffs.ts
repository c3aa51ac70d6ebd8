import type { Static } from 'typebox';
import { get, patch, post, put } from '../api.ts';
import type {
  AdminRequestTypes,
  CommentDecided,
  ModComments,
  Overview,
  Scorecard,
  Teams,
} from '../../../../common/api/handoffs.ts';

// Shapes come straight from common/api/handoffs.ts (type-only imports: no schema code is bundled).

export type TeamsView = Static<typeof Teams>;
export type TeamView = TeamsView['teams'][number];
export type ScorecardView = Static<typeof Scorecard>;
export type OverviewView = Static<typeof Overview>;
export type ModCommentsView = Static<typeof ModComments>;
export type ModCommentView = ModCommentsView['comments'][number];
export type CommentStatus = ModCommentView['moderation'];
export type AdminRequestTypeView = Static<typeof AdminRequestTypes>['types'][number];

export const handoffsApi = {
  teams: () => get<TeamsView>('/api/handoffs/teams'),
  /** Where a rating is posted (through the wallet's outbox, with the one `handoff:<team>:<week>` token). */
  ratePath: '/api/handoffs/ratings',
  scorecard: (departmentId: string) =>
    get<ScorecardView>(`/api/handoffs/departments/${departmentId}/scorecard`),
  overview: (sort: 'score' | 'change' | 'name' = 'score', period?: string) =>
    get<OverviewView>(
      `/api/mod/handoffs/teams?sort=${sort}${period ? `&period=${encodeURIComponent(period)}` : ''}`,
    ),
  /** Without a status: the comments nobody has decided on yet. */
  comments: (status?: CommentStatus) =>
    get<ModCommentsView>(`/api/mod/handoffs/comments${status ? `?status=${status}` : ''}`),
  decide: (id: string, decision: { action: 'publish' | 'hide'; reason?: string }) =>
    post<Static<typeof CommentDecided>>(`/api/mod/handoffs/comments/${id}/decision`, decision),
};

/** Admins: what a handoff with each team can be about. */
export const requestTypesApi = {
  list: (departmentId: string) =>
    get<Static<typeof AdminRequestTypes>>(`/api/admin/handoffs/request-types?departmentId=${departmentId}`),
  create: (departmentId: string, label: string) =>
    post<{ id: string }>('/api/admin/handoffs/request-types', { departmentId, label }),
  update: (id: string, changes: { label?: string; archived?: boolean }) =>
    patch<AdminRequestTypeView>(`/api/admin/handoffs/request-types/${id}`, changes),
  reorder: (departmentId: string, ids: string[]) =>
    put<Static<typeof AdminRequestTypes>>(
      `/api/admin/handoffs/departments/${departmentId}/request-types/order`,
      {
        ids,
      },
    ),
};
