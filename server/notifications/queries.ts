// All SQL of the notifications feature: the webhook and webhook_delivery tables, its own. What messages
// say about other rooms comes through the notification-sources port (server/shared/notification-sources.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DeliveryStatus, WebhookEvent, WebhookKind } from '../../db/tables/notifications.ts';

export interface WebhookRow {
  id: string;
  name: string;
  kind: WebhookKind;
  urlSealed: Uint8Array;
  urlHost: string;
  secretSealed: Uint8Array | null;
  events: string[];
  enabled: boolean;
}

const WEBHOOK_COLUMNS = [
  'id',
  'name',
  'kind',
  'url_sealed as urlSealed',
  'url_host as urlHost',
  'secret_sealed as secretSealed',
  'events',
  'enabled',
] as const;

export async function listWebhooks(db: Kysely<Database>): Promise<WebhookRow[]> {
  return db.selectFrom('webhook').select(WEBHOOK_COLUMNS).orderBy('created_at').execute();
}

export async function findWebhook(db: Kysely<Database>, id: string): Promise<WebhookRow | null> {
  return (
    (await db.selectFrom('webhook').select(WEBHOOK_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null
  );
}

export async function insertWebhook(
  db: Kysely<Database>,
  row: {
    name: string;
    kind: WebhookKind;
    urlSealed: Buffer;
    urlHost: string;
    secretSealed: Buffer | null;
    events: string[];
    enabled: boolean;
    createdBy: string;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('webhook')
    .values({
      name: row.name,
      kind: row.kind,
      url_sealed: row.urlSealed,
      url_host: row.urlHost,
      secret_sealed: row.secretSealed,
      events: row.events,
      enabled: row.enabled,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateWebhook(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string | undefined; events?: string[] | undefined; enabled?: boolean | undefined },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.events !== undefined && { events: changes.events }),
      ...(changes.enabled !== undefined && { enabled: changes.enabled }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteWebhook(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhook').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Queues one message per webhook that wants the event; (webhook, event, key) is sent at most once. */
export async function queueDelivery(
  db: Kysely<Database>,
  webhookId: string,
  event: WebhookEvent,
  key: string,
  payload: unknown,
): Promise<string | null> {
  const row = await db
    .insertInto('webhook_delivery')
    .values({ webhook_id: webhookId, event, key, payload: JSON.stringify(payload), status: 'pending' })
    .onConflict((oc) => oc.columns(['webhook_id', 'event', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface DueDelivery {
  id: string;
  webhookId: string;
  event: WebhookEvent;
  payload: unknown;
  attempts: number;
}

export async function dueDeliveries(db: Kysely<Database>, limit = 50): Promise<DueDelivery[]> {
  return db
    .selectFrom('webhook_delivery')
    .select(['id', 'webhook_id as webhookId', 'event', 'payload', 'attempts'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

export async function recordAttempt(
  db: Kysely<Database>,
  id: string,
  outcome: { status: DeliveryStatus; httpStatus: number | null; error: string | null; retryInMs: number },
): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: outcome.status,
      last_status: outcome.httpStatus,
      last_error: outcome.error,
      next_attempt_at: sql<Date>`now() + make_interval(secs => ${outcome.retryInMs / 1000})`,
      finished_at: outcome.status === 'pending' ? null : sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .execute();
}

export async function listDeliveries(db: Kysely<Database>, limit = 50) {
  return db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook as w', 'w.id', 'd.webhook_id')
    .select([
      'd.id',
      'w.name as webhook',
      'd.event',
      'd.status',
      'd.attempts',
      'd.last_status as lastStatus',
      'd.last_error as lastError',
      'd.created_at as createdAt',
    ])
    .orderBy('d.created_at', 'desc')
    .limit(limit)
    .execute();
}
