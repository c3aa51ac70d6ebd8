import type { Static } from 'typebox';
import { get, patch, post, send } from '../api.ts';
import type {
  Delivery,
  NewWebhookBody,
  TestResult,
  WebhookInfo,
  Webhooks,
} from '../../../../common/api/notifications.ts';

export type { Delivery, WebhookInfo };
export type NewWebhook = NewWebhookBody;

export const notificationsApi = {
  list: () => get<Static<typeof Webhooks>>('/api/admin/webhooks'),
  create: (body: NewWebhookBody) => post<{ id: string; secret: string | null }>('/api/admin/webhooks', body),
  setEnabled: (id: string, enabled: boolean) => patch<null>(`/api/admin/webhooks/${id}`, { enabled }),
  remove: (id: string) => send<null>('DELETE', `/api/admin/webhooks/${id}`),
  test: (id: string) => post<Static<typeof TestResult>>(`/api/admin/webhooks/${id}/test`),
};
