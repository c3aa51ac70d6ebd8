import type { SeedStep } from '../seed/types.ts';
import { insertWebhook, queueDelivery, recordAttempt } from './queries.ts';
import { SECRET_PURPOSE, slotOf, URL_PURPOSE } from './service.ts';

// Demo: one disabled Slack example (its URL is a placeholder, so nothing leaves a demo machine) and one
// disabled signed webhook, each with a delivery in the log, so the admin page shows what it does.
export const seed: SeedStep = async (app) => {
  const slack = await insertWebhook(app.db, {
    name: 'Example: #people-moderators',
    kind: 'slack',
    urlSealed: app.secrets.encrypt(
      URL_PURPOSE,
      Buffer.from('https://hooks.slack.com/services/T0000/B0000/example'),
    ),
    urlHost: 'hooks.slack.com',
    secretSealed: null,
    events: ['queue', 'focus_group_soon', 'weekly_digest'],
    enabled: false,
    createdBy: 'admin',
  });
  await insertWebhook(app.db, {
    name: 'Example: HR ticketing bridge',
    kind: 'generic',
    urlSealed: app.secrets.encrypt(URL_PURPOSE, Buffer.from('https://hr-bridge.example.com/greenroom')),
    urlHost: 'hr-bridge.example.com',
    secretSealed: app.secrets.encrypt(SECRET_PURPOSE, Buffer.from('demo-signing-secret')),
    events: ['weekly_digest'],
    enabled: false,
    createdBy: 'admin',
  });
  const slot = slotOf(new Date(), 60).toISOString();
  const delivery = await queueDelivery(app.db, slack, 'test', 'demo', { event: 'test', slot, data: {} });
  if (delivery)
    await recordAttempt(app.db, delivery, {
      status: 'failed',
      httpStatus: 404,
      error: 'http 404',
      retryInMs: 0,
    });
};
