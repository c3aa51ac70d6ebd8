import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { getSettings } from '../shared/settings.ts';
import { answersOf, describePulse, findPulse, pulseState, scoreTrend } from './queries.ts';
import { isReleased, shapeResults } from './results.ts';

/** A pulse's results as its audience may see them: employees once it closed, moderators at any time. */
export async function readResults(db: Kysely<Database>, id: string, audience: 'moderator' | 'public') {
  const pulse = await findPulse(db, id);
  if (!pulse) throw notFound('No such pulse.');
  if (audience === 'public' && pulseState(pulse) !== 'closed') {
    throw forbidden('pulse_not_closed', 'Results are shared with everyone once the pulse closes.');
  }
  const { minimumGroupSize: k } = await getSettings(db);
  const [answers, trend] = await Promise.all([answersOf(db, id), scoreTrend(db, k, pulse)]);
  // The trend holds closed pulses only (their numbers are final); employees see it up to this pulse.
  const visibleTrend =
    audience === 'public' ? trend.filter((point) => point.opensOn <= pulse.opensOn) : trend;
  return {
    pulse: describePulse(pulse),
    ...shapeResults(pulse.scale, answers, k, audience, isReleased(pulseState(pulse))),
    trend: visibleTrend,
  };
}
