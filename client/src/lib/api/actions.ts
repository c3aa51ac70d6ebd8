import { get, post } from '../api.ts';
import type { ActionStatus, ModAction, PublicAction } from '../../../../common/api/actions.ts';

// Shapes come straight from common/api/actions.ts (type-only imports: no schema code is bundled).

export type { ActionStatus, ModAction, PublicAction };

export const actionsApi = {
  /** The public board's actions, most recently updated first (no sign-in, nothing sent about the reader). */
  board: () => get<{ actions: PublicAction[] }>('/api/actions'),
  /** Every theme's actions for the moderators' themes page: one request for all its cards. */
  moderatorList: () => get<{ actions: ModAction[] }>('/api/mod/actions'),
  create: (themeId: string, input: { title: string; description: string }) =>
    post<{ id: string }>(`/api/mod/themes/${themeId}/actions`, input),
  setStatus: (id: string, status: ActionStatus, response: string) =>
    post<{ id: string; status: ActionStatus; response: string | null }>(`/api/mod/actions/${id}/status`, {
      status,
      response,
    }),
};
