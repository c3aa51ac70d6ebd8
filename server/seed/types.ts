import type { FastifyInstance } from 'fastify';

export interface DemoSeedResult {
  admin: { username: string; password: string };
  moderator: { username: string; password: string };
  /** Lines printed once at first start (e.g. demo enrolment codes). */
  notes: string[];
}

/** A feature's share of demo content; steps run in order on an empty embedded database. */
export type SeedStep = (app: FastifyInstance, result: DemoSeedResult) => Promise<void>;
