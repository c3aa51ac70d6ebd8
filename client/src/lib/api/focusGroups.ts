import { get, post, send } from '../api.ts';
import type { RoomInfo } from '../../../../server/focus-groups/protocol.ts';

// Shapes mirror server/focus-groups/schemas.ts.

export interface PublicFocusGroup extends Omit<RoomInfo, 'prompts'> {
  scope: string;
  seatsLeft: number;
}

export interface StaffFocusGroup extends RoomInfo {
  scope: string;
  seats: number;
  pending: number;
}

export interface NewFocusGroup {
  title: string;
  description?: string;
  prompts: string[];
  startsAt: string;
  endsAt: string;
  capacity: number;
  moderation: 'pre' | 'post';
}

export const focusGroupsApi = {
  list: () => get<{ focusGroups: PublicFocusGroup[] }>('/api/focus-groups'),
  one: (id: string) => get<PublicFocusGroup>(`/api/focus-groups/${id}`),
  /** `authorization` is a `PrivateToken token="…"` header value from the wallet (scope focus-group:<id>). */
  takeSeat: (id: string, authorization: string) =>
    post<{ seat: string; pseudonym: string }>(`/api/focus-groups/${id}/seats`, {}, { authorization }),
  staffList: () => get<{ focusGroups: StaffFocusGroup[] }>('/api/mod/focus-groups'),
  schedule: (input: NewFocusGroup) => post<{ id: string; scope: string }>('/api/mod/focus-groups', input),
  close: (id: string) =>
    send<{ status: 'closed' }>('POST', `/api/mod/focus-groups/${id}/close`, { body: {} }),
  transcriptUrl: (id: string, format: 'md' | 'csv') => `/api/mod/focus-groups/${id}/transcript.${format}`,
};
