import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { today } from '../shared/days.ts';
import { themesJob, type ThemesJob } from './job.ts';
import { latestRun } from './queries.ts';

// The themes service: the leased recompute jobs, the debounce that follows content changes, and the
// day-change refresh. The routes only read snapshots and ask it for a refresh.

export const THEMES_ALL_JOB = 'themes:all';
export const THEMES_PUBLIC_JOB = 'themes:public';
const HOUR_MS = 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyInstance {
    themes: {
      job: ThemesJob;
      /** Asks for a recompute when the newest snapshot is from an earlier day (or there is none). */
      refreshIfStale(asOf: string | null | undefined): void;
    };
  }
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    const job = themesJob(app);
    // One writer per snapshot across nodes (leased jobs). The moderators' snapshot follows content
    // changes; the public one runs only on its fixed schedule, never in response to a submission.
    app.jobs.define({ name: THEMES_ALL_JOB, everyMs: HOUR_MS, run: () => job.recompute(['all']) });
    app.jobs.define({
      name: THEMES_PUBLIC_JOB,
      everyMs: config.themesPublicEveryMinutes * 60_000,
      run: () => job.recompute(['public']),
    });
    job.requestRun = () => app.jobs.request(THEMES_ALL_JOB);
    const unsubscribe = app.contentEvents.onChanged((change) => {
      job.schedule();
      // The snapshot may hold the redacted original (moderators' themes cover pending text): once the
      // recompute has replaced it, its old row versions are scrubbed from disk too.
      if (change.redacted) void job.idle().then(() => app.diskScrub.rewrite(['theme_item', 'theme']));
    });
    // Trends are measured against today: a snapshot from an earlier day (or none) is refreshed. The day
    // changes at midnight for everyone, so this follows the calendar, not anybody's writing.
    const refreshIfStale = (asOf: string | null | undefined) => {
      if (asOf === today()) return;
      void job.track(app.jobs.request(THEMES_ALL_JOB));
      void job.track(app.jobs.request(THEMES_PUBLIC_JOB));
    };
    app.decorate('themes', { job, refreshIfStale });
    app.addHook('onReady', async () => refreshIfStale((await latestRun(app.db, 'public'))?.asOf));
    app.addHook('onClose', async () => {
      unsubscribe();
      await job.close();
    });
  },
  { name: 'themes-job', dependencies: ['db', 'jobs', 'content-events', 'disk-scrub', 'ports'] },
);
