import type { FastifyInstance } from 'fastify';
import { themesJob } from '../../server/themes/job.ts';
import { CANTEEN, daysAgo, PARKING, publishSuggestions } from '../helpers/theme-comments.ts';

// Themes for the actions tests: published comments about the car park, and comments about the canteen held
// for moderation (so the moderators' canteen theme is named from text employees never saw).

export { CANTEEN };

/** Published car-park comments and held canteen comments, both snapshots computed. */
export async function givenThemes(app: FastifyInstance) {
  await themesJob(app).idle();
  const day = (i: number) => daysAgo(1 + ((i * 7) % 60));
  await publishSuggestions(app.db, PARKING, day);
  await publishSuggestions(app.db, CANTEEN, day, { pending: true });
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
