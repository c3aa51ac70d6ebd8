import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertSuggestion } from '../../server/suggestions/queries.ts';

// Comments about two concerns (the car park and the canteen), written as published or held suggestions: the
// corpus the themes and actions tests cluster (each feature's fixtures add their own on top).

/**
 * Publishes these suggestions, the i-th on `day(i)`, in one transaction; their ids. `pending`: held for
 * moderation instead (in the moderators' themes only); `concerns`: the department they are about (none).
 */
export async function publishSuggestions(
  db: Kysely<Database>,
  texts: readonly string[],
  day: (i: number) => string,
  { pending = false, concerns = null }: { pending?: boolean; concerns?: string | null } = {},
): Promise<string[]> {
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const [i, text] of texts.entries())
      ids.push(
        await insertSuggestion(trx, {
          text,
          concernsDepartmentId: concerns,
          ownDepartmentId: null,
          moderation: pending ? 'pending' : 'published',
          reviewed: !pending,
          piiFlags: [],
          day: day(i),
        }),
      );
  });
  return ids;
}

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
  'Could parking permits be day-based now that we are hybrid? Email me at jo.bloggs@bank.example',
  'The car park lighting is poor and it does not feel safe at night.',
  'A car share scheme would ease the parking problem.',
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
