import type { FastifyInstance } from 'fastify';
import { themesJob } from '../../server/themes/job.ts';
import { insertSuggestion } from '../../server/suggestions/queries.ts';

// Themes for the actions tests: published comments about the car park, and comments about the canteen held
// for moderation (so the moderators' canteen theme is named from text employees never saw).

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export const PARKING = [
  'There are never any parking spaces left in the staff car park after 8:15.',
  'Car park permits cost too much for part-time staff.',
  'Visitors have nowhere to park because staff cars fill the visitor bays.',
  'Please add more bike racks next to the car park entrance.',
  'I drive round the car park for twenty minutes every morning looking for a space.',
  'More electric charging points in the car park would help.',
  'The car park barrier has been broken for weeks.',
  'Parking spaces were halved for building works without warning.',
  'Contractors take the staff parking spaces first thing in the morning.',
  'The car park lighting is poor and it does not feel safe at night.',
  'A car share scheme would ease the parking problem.',
  'Night shift cannot find a parking space near the door.',
];
export const CANTEEN = [
  'Canteen prices went up again and the portions are smaller.',
  'More vegetarian options in the canteen please.',
  'The coffee machine in the canteen has been broken for a fortnight.',
  'Canteen food is often cold by the time it is served.',
  'Keep the canteen open later so the late shift can have a hot meal.',
  'The salad bar in the canteen runs out by half twelve.',
  'No halal options in the staff canteen at all.',
  'The canteen queue at lunchtime takes half our break.',
  'Please label allergens on the canteen sandwiches.',
  'Subsidised canteen lunches would help with the cost of living.',
];

/** Writes these suggestions (published, or held for moderation) in one transaction. */
export async function suggestions(db: FastifyInstance['db'], texts: readonly string[], held = false) {
  await db.transaction().execute(async (trx) => {
    for (const [i, text] of texts.entries())
      await insertSuggestion(trx, {
        text,
        concernsDepartmentId: null,
        ownDepartmentId: null,
        moderation: held ? 'pending' : 'published',
        reviewed: !held,
        piiFlags: [],
        day: daysAgo(1 + ((i * 7) % 60)),
      });
  });
}

/** Published car-park comments and held canteen comments, both snapshots computed. */
export async function givenThemes(app: FastifyInstance) {
  await themesJob(app).idle();
  await suggestions(app.db, PARKING);
  await suggestions(app.db, CANTEEN, true);
  await themesJob(app).idle();
  await themesJob(app).recompute();
}

export interface ModTheme {
  id: string;
  label: string;
  keywords: string[];
}

export async function moderatorThemes(app: FastifyInstance, headers: Record<string, string>) {
  const response = await app.inject({ method: 'GET', url: '/api/mod/themes', headers });
  if (response.statusCode !== 200) throw new Error(`mod themes: ${response.statusCode} ${response.body}`);
  return response.json().themes as ModTheme[];
}
