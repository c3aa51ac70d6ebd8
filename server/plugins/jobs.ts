import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/schema.ts';

// Background jobs with one writer across every node on the database: a run happens on the node that
// wins the job's lease (a row in `job_lease`, claimed by one UPDATE). The holder renews the lease while
// it works; a node that crashes stops renewing, the lease expires after `leaseMs`, and the next node to
// tick takes the job over — and, since the crashed run never finished, runs it again.
//
// A job is due when its schedule slot (`everyMs`, aligned to the database clock, so all nodes agree)
// has no finished run yet, or when some node requested a run after the last one started. Slots run at
// fixed moments whatever happens in the app: that is what keeps a job's timing from following user
// activity (the public themes job depends on it).

export interface JobDefinition {
  name: string;
  /** Run once per slot of this length (aligned to the epoch). */
  everyMs: number;
  run(): Promise<void>;
}

export interface Jobs {
  /** This process's holder id in `job_lease`. */
  readonly nodeId: string;
  define(job: JobDefinition): void;
  /** Asks for a run soon, on whichever node holds the lease then (this one tries at once). */
  request(name: string): Promise<void>;
  /** Runs the job here now, waiting for a run elsewhere to finish first. */
  runNow(name: string): Promise<void>;
  /** Claims and runs every due job this node can take (the timer calls it; tests may too). */
  tick(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Jobs;
  }
}

export interface JobsOptions {
  tickMs: number;
  leaseMs: number;
}

export function createJobs(db: Kysely<Database>, log: FastifyBaseLogger, options: JobsOptions) {
  const nodeId = randomUUID();
  const jobs = new Map<string, JobDefinition>();
  const ready = new Map<string, Promise<unknown>>();
  const running = new Map<string, Promise<boolean>>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const leaseSeconds = options.leaseMs / 1000;

  /** One UPDATE: this node takes the lease when it is free (or expired) and the job is due (or forced). */
  async function claim(job: JobDefinition, force: boolean): Promise<boolean> {
    await ready.get(job.name);
    const slotSeconds = job.everyMs / 1000;
    const claimed = await sql<{ name: string }>`
      update job_lease set holder = ${nodeId},
        expires_at = now() + make_interval(secs => ${leaseSeconds}),
        started_at = now()
      where name = ${job.name}
        and (holder is null or expires_at < now())
        and (${force}
          or finished_at is null
          or finished_at < to_timestamp(floor(extract(epoch from now()) / ${slotSeconds}) * ${slotSeconds})
          or requested_at > started_at
          or (started_at is not null and (finished_at is null or finished_at < started_at)))
      returning name`.execute(db);
    return claimed.rows.length === 1;
  }

  async function execute(job: JobDefinition): Promise<void> {
    const renew = setInterval(
      () =>
        void sql`update job_lease set expires_at = now() + make_interval(secs => ${leaseSeconds})
          where name = ${job.name} and holder = ${nodeId}`
          .execute(db)
          .catch(() => {}),
      Math.max(50, options.leaseMs / 3),
    );
    try {
      await job.run();
      await db
        .updateTable('job_lease')
        .set({ holder: null, finished_at: sql<Date>`now()`, expires_at: sql<Date>`now()` })
        .where('name', '=', job.name)
        .where('holder', '=', nodeId)
        .execute();
    } catch (error) {
      // A run that failed (unlike one that crashed) counts as this slot's run: no retry storm.
      await db
        .updateTable('job_lease')
        .set({ holder: null, finished_at: sql<Date>`now()`, expires_at: sql<Date>`now()` })
        .where('name', '=', job.name)
        .where('holder', '=', nodeId)
        .execute()
        .catch(() => {});
      if (!closed) log.error({ err: error, job: job.name }, 'job failed');
    } finally {
      clearInterval(renew);
    }
  }

  /** Claims and runs one job here; false when it was not due or another node holds it. */
  function attempt(job: JobDefinition, force: boolean): Promise<boolean> {
    const current = running.get(job.name);
    if (current) return current.then(() => attempt(job, force));
    const run = (async () => {
      if (closed || !(await claim(job, force))) return false;
      await execute(job);
      return true;
    })().finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  }

  const api: Jobs & { close(): Promise<void>; start(): void } = {
    nodeId,
    define(job) {
      jobs.set(job.name, job);
      ready.set(
        job.name,
        db
          .insertInto('job_lease')
          .values({ name: job.name })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute(),
      );
    },
    async request(name) {
      await ready.get(name);
      await db
        .updateTable('job_lease')
        .set({ requested_at: sql<Date>`now()` })
        .where('name', '=', name)
        .execute();
      const job = jobs.get(name);
      if (job) await attempt(job, false).catch(() => false);
    },
    async runNow(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`no job "${name}"`);
      // Another node may be running it: wait for its lease to end, then run here.
      while (!closed && !(await attempt(job, true)))
        await new Promise((resolve) => setTimeout(resolve, Math.min(500, options.tickMs)));
    },
    async tick() {
      for (const job of jobs.values()) await attempt(job, false).catch(() => false);
    },
    start() {
      const loop = () => {
        timer = setTimeout(() => {
          if (closed) return;
          void api
            .tick()
            .catch((error) => log.warn({ err: error }, 'job tick failed'))
            .finally(() => !closed && loop());
        }, options.tickMs);
        timer.unref?.();
      };
      loop();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      // A run still going is given a moment; its lease expires by itself if it never ends.
      await Promise.race([
        Promise.allSettled([...running.values()]),
        new Promise((resolve) => setTimeout(resolve, 5000).unref()),
      ]);
    },
  };
  return api;
}

export default fp<{ options: JobsOptions }>(
  async (app, { options }) => {
    const jobs = createJobs(app.db, app.log.child({ feature: 'jobs' }), options);
    app.decorate('jobs', jobs);
    app.addHook('onReady', async () => jobs.start());
    // Before the database closes: a run in progress ends (or is abandoned by its own close hook).
    app.addHook('preClose', async () => jobs.close());
  },
  { name: 'jobs', dependencies: ['db'] },
);
