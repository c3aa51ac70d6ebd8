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
    // The snapshots may hold a redacted original (the moderators' covers pending text, the public one
    // published text). A run already under way, here or on another node, may have read it before the
    // redaction, so both snapshots are recomputed by runs that start after it, and only then are their
    // old row versions scrubbed from disk. (Waiting for "idle" was not enough: a request that finds
    // the lease taken returns at once, and the scrub then ran before the original was replaced.)
    const scrubAfterRecompute = async () => {
      await app.jobs.runNow(THEMES_ALL_JOB);
      await app.jobs.runNow(THEMES_PUBLIC_JOB);
      app.diskScrub.rewrite(['theme_item', 'theme']);
    };
    const unsubscribe = app.contentEvents.onChanged((change) => {
      job.schedule();
      if (change.redacted) void job.track(scrubAfterRecompute());
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
