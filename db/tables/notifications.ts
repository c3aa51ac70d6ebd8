// Outbound notifications for moderators. Staff configuration and a delivery log: nothing anonymous.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../schema.ts';

export type WebhookKind = 'slack' | 'teams' | 'generic';
export type WebhookEvent = 'queue' | 'focus_group_soon' | 'weekly_digest' | 'test';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookTable {
  id: Generated<string>;
  name: string;
  kind: WebhookKind;
  /** Sealed (AES-GCM, purpose 'webhook-url'): a Slack or Teams URL is itself the credential. */
  url_sealed: Uint8Array;
  /** The host only, to show in the admin list. */
  url_host: string;
  /** Sealed signing secret of a generic webhook (null for Slack and Teams). */
  secret_sealed: Uint8Array | null;
  events: ColumnType<string[], string[], string[]>;
  enabled: Generated<boolean>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface WebhookDeliveryTable {
  id: Generated<string>;
  webhook_id: string;
  event: WebhookEvent;
  /** What makes the message unique for its event: the schedule slot, the ISO week, the focus group. */
  key: string;
  payload: ColumnType<unknown, string, string>;
  status: DeliveryStatus;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Timestamp;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface NotificationTables {
  webhook: WebhookTable;
  webhook_delivery: WebhookDeliveryTable;
}
