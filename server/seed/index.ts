import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { seed as seedActions } from '../actions/seed.ts';
import { seed as seedCustomerVoice } from '../customer-voice/seed.ts';
import { seed as seedFocusGroups } from '../focus-groups/seed.ts';
import { seed as seedHandoffs } from '../handoffs/seed.ts';
import { seed as seedJourneys } from '../journeys/seed.ts';
import { seed as seedKudos } from '../kudos/seed.ts';
import { seed as seedNotifications } from '../notifications/seed.ts';
import { seed as seedPulses } from '../pulses/seed.ts';
import { seed as seedSuggestions } from '../suggestions/seed.ts';
import { seed as seedThemes } from '../themes/seed.ts';
import { seed as seedTokens } from '../tokens/seed.ts';
import { createDepartment } from '../shared/departments.ts';
import { hashPassword } from '../shared/passwords.ts';
import { seedSavedReplies } from '../shared/moderation/saved-replies.ts';
import { countStaff, createStaff } from '../staff/queries.ts';
import { DEMO_DEPARTMENTS } from './departments.ts';
import type { DemoSeedResult, SeedStep } from './types.ts';

export type { DemoSeedResult, SeedStep } from './types.ts';

// Order matters: tokens (enrolment codes) first, themes after everything they read, actions (made from
// themes) last.
const steps: SeedStep[] = [
  seedTokens,
  seedSuggestions,
  seedKudos,
  seedPulses,
  seedFocusGroups,
  seedHandoffs,
  seedJourneys,
  seedCustomerVoice,
  seedNotifications,
  seedThemes,
  seedActions,
];

const readablePassword = () => randomBytes(12).toString('base64url');

/** Fills an empty embedded database with a small demo organisation. Returns null if it was not empty. */
export async function seedDemo(app: FastifyInstance): Promise<DemoSeedResult | null> {
  if ((await countStaff(app.db)) > 0) return null;
  for (const department of DEMO_DEPARTMENTS) await createDepartment(app.db, department);
  const result: DemoSeedResult = {
    admin: { username: 'admin', password: readablePassword() },
    moderator: { username: 'moderator', password: readablePassword() },
    notes: [],
  };
  await createStaff(app.db, {
    username: result.admin.username,
    displayName: 'Alex Admin',
    role: 'admin',
    passwordHash: await hashPassword(result.admin.password),
  });
  const moderatorId = await createStaff(app.db, {
    username: result.moderator.username,
    displayName: 'Morgan Moderator',
    role: 'moderator',
    passwordHash: await hashPassword(result.moderator.password),
  });
  await seedSavedReplies(app.db, moderatorId || null);
  for (const step of steps) await step(app, result);
  return result;
}

/** With GREENROOM_ADMIN_USERNAME/PASSWORD set, the first admin is created when no staff account exists. */
export async function ensureFirstAdmin(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<boolean> {
  if ((await countStaff(app.db)) > 0) return false;
  await createStaff(app.db, {
    username,
    displayName: username,
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  return true;
}
