import { get, post, send } from '../api.ts';
import type { RoomInfo } from '../../../../common/focus-groups/protocol.ts';

// Shapes mirror common/api/focus-groups.ts.

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
  /** Where a seat is taken (through the wallet's outbox, with a `focus-group:<id>` token). */
  seatPath: (id: string) => `/api/focus-groups/${id}/seats`,
  staffList: () => get<{ focusGroups: StaffFocusGroup[] }>('/api/mod/focus-groups'),
  schedule: (input: NewFocusGroup) => post<{ id: string; scope: string }>('/api/mod/focus-groups', input),
  close: (id: string) =>
    send<{ status: 'closed' }>('POST', `/api/mod/focus-groups/${id}/close`, { body: {} }),
  transcriptUrl: (id: string, format: 'md' | 'csv') => `/api/mod/focus-groups/${id}/transcript.${format}`,
};
