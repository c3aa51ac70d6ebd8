import type { FastifyInstance } from 'fastify';
import { addDays, today } from '../shared/days.ts';
import { backstageTeams } from './queries.ts';
import { scopeOf, weekWindow } from './weeks.ts';

export const HANDOFF_KEYS_JOB = 'handoff-keys';

/**
 * Every backstage team has a key for this week and the next (published ahead, so wallets fetch the
 * token in their ordinary refill, never just before a rating). Idempotent on any node. Ended keys are
 * retired by the tokens feature's own upkeep with every other key.
 */
export async function ensureHandoffKeys(
  app: Pick<FastifyInstance, 'db' | 'scopeKeys'>,
  options: { departmentIds?: string[]; day?: string } = {},
): Promise<number> {
  const day = options.day ?? today();
  const teams = options.departmentIds ?? (await backstageTeams(app.db)).map((team) => team.id);
  let keys = 0;
  for (const departmentId of teams) {
    for (const weekDay of [day, addDays(day, 7)]) {
      const made = await app.scopeKeys.ensure({
        scope: scopeOf(departmentId, weekDay),
        budget: 1,
        ...weekWindow(weekDay),
      });
      if (made) keys++;
    }
  }
  return keys;
}
