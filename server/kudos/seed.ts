import type { SeedStep } from '../seed/types.ts';
import { piiKinds } from '../../common/pii.ts';
import { createReceipt } from '../shared/threads/receipts.ts';
import { insertKudos } from './queries.ts';
import { SEED_FEATURED, SEED_KUDOS, SEED_PENDING_KUDOS, SEED_RECENT_KUDOS } from './seed-content.ts';
import { daysAgo } from '../shared/days.ts';

/** ~60 published stories over the last 90 days (a few featured, most to backstage teams) and a short queue. */
export const seed: SeedStep = async (app, result) => {
  const departments = new Map(
    (await app.db.selectFrom('department').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  let written = 0;
  await app.db.transaction().execute(async (trx) => {
    const add = async (to: string, input: Omit<Parameters<typeof insertKudos>[1], 'departmentId'>) => {
      const departmentId = departments.get(to);
      if (!departmentId) return;
      const id = await insertKudos(trx, { departmentId, ...input });
      // A receipt exists for every story, as for real ones; nobody holds these.
      await createReceipt(trx, app.secrets, { kind: 'kudos', itemId: id });
      written++;
    };
    for (const [index, { to, story }] of SEED_KUDOS.entries()) {
      // Spread over 90 days, most of them in the last four weeks so the recognition ranking has numbers.
      const age = index % 5 < 3 ? (index * 7) % 28 : 30 + ((index * 13) % 59);
      await add(to, {
        story,
        moderation: 'published',
        reviewed: true,
        featured: SEED_FEATURED.has(index),
        piiFlags: piiKinds(story),
        day: daysAgo(age),
      });
    }
    for (const [index, { to, story }] of SEED_RECENT_KUDOS.entries()) {
      await add(to, {
        story,
        moderation: 'published',
        reviewed: true,
        featured: false,
        piiFlags: piiKinds(story),
        day: daysAgo(1 + ((index * 5) % 25)),
      });
    }
    for (const [index, { to, story }] of SEED_PENDING_KUDOS.entries()) {
      await add(to, { story, moderation: 'pending', piiFlags: piiKinds(story), day: daysAgo(index) });
    }
  });
  app.contentEvents.changed({ source: 'kudos' });
  result.notes.push(`kudos: ${written} stories (${SEED_PENDING_KUDOS.length} waiting for a moderator)`);
};
