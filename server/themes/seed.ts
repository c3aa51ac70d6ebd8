import type { SeedStep } from '../seed/types.ts';
import { themesJob } from './job.ts';

/**
 * Themes read what the other features seeded (three months of suggestions, kudos, pulse comments and
 * focus-group transcripts): one recompute at the end, so a new user sees themes with real trends.
 */
export const seed: SeedStep = async (app, result) => {
  const job = themesJob(app);
  await job.recompute();
  const themes = await app.db
    .selectFrom('theme')
    .select(['label', 'trend'])
    .where('scope', '=', 'public')
    .where('retired', '=', false)
    .orderBy('rank')
    .execute();
  if (themes.length > 0)
    result.notes.push(
      `Trending themes: ${themes
        .slice(0, 4)
        .map((t) => `${t.label} (${t.trend})`)
        .join(', ')}.`,
    );
};
