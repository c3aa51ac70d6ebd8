import type { Static } from 'typebox';
import { get, post } from '../api.ts';
import type { ModPulse, Pulse, Results } from '../../../../common/api/pulses.ts';

// Shapes come straight from common/api/pulses.ts (type-only imports: no schema code is bundled).

export type PulseView = Static<typeof Pulse>;
export type ModPulseView = Static<typeof ModPulse>;
export type PulseResultsView = Static<typeof Results>;
export type Scale = PulseView['scale'];

export const pulsesApi = {
  current: () => get<PulseView>('/api/pulses/current'),
  list: () => get<{ pulses: PulseView[] }>('/api/pulses'),
  /** Where an answer is posted (through the wallet's outbox, with the one `pulse:<id>` token). */
  answerPath: (id: string) => `/api/pulses/${id}/responses`,
  results: (id: string) => get<PulseResultsView>(`/api/pulses/${id}/results`),
};

export const pulseModerationApi = {
  list: () => get<{ pulses: ModPulseView[] }>('/api/mod/pulses'),
  schedule: (input: { question: string; scale: Scale; opensOn: string; closesOn: string }) =>
    post<{ id: string; scope: string }>('/api/mod/pulses', input),
  results: (id: string) => get<PulseResultsView>(`/api/mod/pulses/${id}/results`),
  decideComment: (pulseId: string, commentId: string, action: 'publish' | 'hide', reason?: string) =>
    post<{ id: string; moderation: string }>(`/api/mod/pulses/${pulseId}/comments/${commentId}/decision`, {
      action,
      ...(reason && { reason }),
    }),
};

export const scaleValues = (scale: Scale) =>
  scale === '0-10' ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1, 2, 3, 4, 5];
export const scoreLabel = (results: Pick<PulseResultsView, 'score' | 'scoreKind'>) =>
  results.score === null
    ? 'Hidden'
    : results.scoreKind === 'enps'
      ? `${results.score > 0 ? '+' : ''}${results.score}`
      : results.score.toFixed(1);
