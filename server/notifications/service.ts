// Composes batched notifications on a fixed schedule and delivers them with retries. Both run as jobs
// (server/plugins/jobs.ts): one node at a time holds each, whatever the number of nodes.
// What leaves the server: counts and published content, stamped with the schedule slot only — never
// one message per anonymous item as it arrives, which would hand its timing to a third party.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { WebhookEvent, WebhookKind } from '../../db/tables/notifications.ts';
import type { WebhookConfig } from '../config.ts';
import type { Secrets } from '../plugins/secrets.ts';
import type { NotificationSources } from '../shared/notification-sources.ts';
import {
  dueDeliveries,
  findWebhook,
  listWebhooks,
  queueDelivery,
  recordAttempt,
  type WebhookRow,
} from './queries.ts';
import { post, REDIRECT_REFUSED, signature, type SendResult } from './send.ts';

export const COMPOSE_JOB = 'notifications.compose';
export const DELIVER_JOB = 'notifications.deliver';
export const URL_PURPOSE = 'webhook-url';
export const SECRET_PURPOSE = 'webhook-secret';
export const FOCUS_GROUP_LEAD_MS = 15 * 60_000;
export const EVENTS: WebhookEvent[] = ['queue', 'focus_group_soon', 'weekly_digest'];

export interface NotificationMessage {
  event: WebhookEvent;
  /** Start of the schedule slot this message belongs to (ISO, aligned to NOTIFY_EVERY_MINUTES). */
  slot: string;
  data: Record<string, unknown>;
}

/** Monday (UTC) of the week of `at`, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The human text Slack and Teams show. */
export function textOf(message: NotificationMessage): string {
  const data = message.data as Record<string, any>;
  switch (message.event) {
    case 'queue':
      return `Greenroom: ${plural(data.suggestions, 'suggestion')} and ${data.kudos} kudos are waiting for moderation.`;
    case 'focus_group_soon':
      return `Greenroom: the focus group "${data.title}" starts at ${String(data.startsAt).slice(11, 16)} UTC.`;
    case 'weekly_digest': {
      const themes = (data.themes as { label: string; trend: string }[])
        .map((theme) => `• ${theme.label} (${theme.trend})`)
        .join('\n');
      const done = (data.youSaidWeDid as { text: string; status: string; response: string }[])
        .map((item) => `• "${item.text.slice(0, 120)}" → ${item.status.replace('_', ' ')}: ${item.response}`)
        .join('\n');
      return `Greenroom weekly digest (week of ${data.week})\nTrending themes:\n${themes || '• none yet'}\nYou said, we did:\n${done || '• nothing new this week'}`;
    }
    case 'test':
      return 'Greenroom: this is a test notification. If you can read it, the webhook works.';
  }
}

export function bodyOf(kind: WebhookKind, message: NotificationMessage): string {
  if (kind === 'generic') return JSON.stringify(message);
  return JSON.stringify({ text: textOf(message) });
}

export interface NotificationDeps {
  db: Kysely<Database>;
  secrets: Secrets;
  log: FastifyBaseLogger;
  config: WebhookConfig;
  /** Every feature's counts and published content (the port; notifications reads no other table). */
  sources: NotificationSources;
}

/** The slot `at` falls in: schedule-aligned, so a message's time says nothing finer. */
export function slotOf(at: Date, everyMinutes: number): Date {
  const size = everyMinutes * 60_000;
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** Queues this slot's messages for every enabled webhook that wants them. */
export async function compose({ db, config, sources }: NotificationDeps, now = new Date()): Promise<number> {
  const webhooks = (await listWebhooks(db)).filter((webhook) => webhook.enabled);
  if (webhooks.length === 0) return 0;
  const slot = slotOf(now, config.everyMinutes);
  const messages: { message: NotificationMessage; key: string }[] = [];
  const counts = { suggestions: 0, kudos: 0, ...(await sources.queueCounts(db)) };
  if (Object.values(counts).some((count) => count > 0))
    messages.push({
      key: slot.toISOString(),
      message: { event: 'queue', slot: slot.toISOString(), data: counts },
    });
  // Announced in the last slot that ends at least 15 minutes before the start.
  const until = new Date(slot.getTime() + config.everyMinutes * 60_000 + FOCUS_GROUP_LEAD_MS);
  for (const group of await sources.focusGroupsStarting(db, slot, until)) {
    const startsAt = new Date(group.startsAt).toISOString();
    messages.push({
      key: group.id,
      message: {
        event: 'focus_group_soon',
        slot: slot.toISOString(),
        data: { title: group.title, startsAt },
      },
    });
  }
  const week = weekOf(now);
  const themes = await sources.publicThemes(db, 5);
  const youSaidWeDid = await sources.recentResponses(
    db,
    weekOf(new Date(now.getTime() - 7 * 86_400_000)),
    10,
  );
  messages.push({
    key: week,
    message: {
      event: 'weekly_digest',
      slot: slot.toISOString(),
      data: {
        week,
        themes: themes.map((theme) => ({ label: theme.label, trend: theme.trend, size: theme.size })),
        youSaidWeDid,
      },
    },
  });
  let queued = 0;
  for (const webhook of webhooks)
    for (const { key, message } of messages)
      if (
        webhook.events.includes(message.event) &&
        (await queueDelivery(db, webhook.id, message.event, key, message))
      )
        queued++;
  return queued;
}

/** One attempt at one message. */
export async function attempt(
  { secrets, config }: NotificationDeps,
  webhook: WebhookRow,
  deliveryId: string,
  message: NotificationMessage,
): Promise<SendResult> {
  const url = secrets.decrypt(URL_PURPOSE, Buffer.from(webhook.urlSealed)).toString('utf8');
  const body = bodyOf(webhook.kind, message);
  const headers: Record<string, string> = { 'user-agent': 'Greenroom-Webhooks/1' };
  if (webhook.kind === 'generic') {
    headers['x-greenroom-event'] = message.event;
    headers['x-greenroom-delivery'] = deliveryId;
    if (webhook.secretSealed) {
      const secret = secrets.decrypt(SECRET_PURPOSE, Buffer.from(webhook.secretSealed)).toString('utf8');
      headers['x-greenroom-signature'] = signature(secret, body);
    }
  }
  return post(url, body, headers, { allowPrivate: config.allowPrivate, timeoutMs: config.timeoutMs });
}

const retryable = (result: SendResult) =>
  result.error !== 'blocked_address' &&
  result.error !== REDIRECT_REFUSED &&
  (result.status === null || result.status >= 500 || result.status === 429);

/** Sends every due message once; a failed one waits base × 4^(attempt−1), up to the configured attempts. */
export async function deliver(deps: NotificationDeps): Promise<void> {
  const webhooks = new Map<string, WebhookRow | null>();
  for (const due of await dueDeliveries(deps.db)) {
    if (!webhooks.has(due.webhookId)) webhooks.set(due.webhookId, await findWebhook(deps.db, due.webhookId));
    const webhook = webhooks.get(due.webhookId);
    if (!webhook) continue;
    const result = await attempt(deps, webhook, due.id, due.payload as NotificationMessage);
    const attempts = due.attempts + 1;
    const again = !result.ok && retryable(result) && attempts < deps.config.attempts;
    await recordAttempt(deps.db, due.id, {
      status: result.ok ? 'delivered' : again ? 'pending' : 'failed',
      httpStatus: result.status,
      error: result.error,
      retryInMs: again ? deps.config.retryBaseMs * 4 ** (attempts - 1) : 0,
    });
    if (!result.ok)
      deps.log.warn(
        { webhook: webhook.id, event: due.event, error: result.error },
        'webhook delivery failed',
      );
  }
}
