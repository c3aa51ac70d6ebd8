import type { Static } from 'typebox';
import { get } from '../api.ts';
import type { Overview, Scorecard, Teams } from '../../../../common/api/handoffs.ts';

// Shapes come straight from common/api/handoffs.ts (type-only imports: no schema code is bundled).

export type TeamsView = Static<typeof Teams>;
export type TeamView = TeamsView['teams'][number];
export type ScorecardView = Static<typeof Scorecard>;
export type OverviewView = Static<typeof Overview>;

export const handoffsApi = {
  teams: () => get<TeamsView>('/api/handoffs/teams'),
  /** Where a rating is posted (through the wallet's outbox, with the one `handoff:<team>:<week>` token). */
  ratePath: '/api/handoffs/ratings',
  scorecard: (departmentId: string) =>
    get<ScorecardView>(`/api/handoffs/departments/${departmentId}/scorecard`),
  overview: (sort: 'score' | 'change' | 'name' = 'score') =>
    get<OverviewView>(`/api/mod/handoffs/teams?sort=${sort}`),
};
