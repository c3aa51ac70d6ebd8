import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today } from '../shared/days.ts';
import { getSettings } from '../shared/settings.ts';
import { backstageTeams, ratingGroups } from './queries.ts';
import { quarterMonths, quarterOf, scoreGrid } from './scorecard.ts';

/** The quarter's suppressed grid (every team × month) and k: what department pages and moderators read. */
export async function quarterGrid(db: Kysely<Database>, quarter = quarterOf(today())) {
  const { months, firstDay } = quarterMonths(quarter, today());
  const [{ minimumGroupSize: k }, teams, groups] = await Promise.all([
    getSettings(db),
    backstageTeams(db),
    ratingGroups(db, firstDay),
  ]);
  return { k, grid: scoreGrid(teams, groups, quarter, months, k) };
}
