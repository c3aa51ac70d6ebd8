import { Type, type Static } from 'typebox';

export const WebhookKind = Type.Union([
  Type.Literal('slack'),
  Type.Literal('teams'),
  Type.Literal('generic'),
]);
export const WebhookEvent = Type.Union([
  Type.Literal('queue'),
  Type.Literal('focus_group_soon'),
  Type.Literal('weekly_digest'),
]);

export const NewWebhookBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    kind: WebhookKind,
    url: Type.String({
      minLength: 8,
      maxLength: 2000,
      description: 'https:// (private addresses are refused)',
    }),
    events: Type.Array(WebhookEvent, { minItems: 1, maxItems: 3, uniqueItems: true }),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewWebhookBody = Static<typeof NewWebhookBody>;

export const WebhookChanges = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    events: Type.Optional(Type.Array(WebhookEvent, { minItems: 1, maxItems: 3, uniqueItems: true })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const WebhookParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const CreatedWebhook = Type.Object({
  id: Type.String(),
  secret: Type.Union([Type.String(), Type.Null()], {
    description:
      'Generic webhooks: the signing secret, shown once (X-Greenroom-Signature: t=…,v1=HMAC-SHA256)',
  }),
});

export const WebhookInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: WebhookKind,
  host: Type.String({
    description: 'The URL itself is a secret for Slack and Teams: only its host is shown',
  }),
  events: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  signed: Type.Boolean(),
});
export type WebhookInfo = Static<typeof WebhookInfo>;

export const Delivery = Type.Object({
  id: Type.String(),
  webhook: Type.String(),
  event: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Delivery = Static<typeof Delivery>;

export const Webhooks = Type.Object({
  webhooks: Type.Array(WebhookInfo),
  deliveries: Type.Array(Delivery),
  everyMinutes: Type.Integer(),
});

export const TestResult = Type.Object({
  delivered: Type.Boolean(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
