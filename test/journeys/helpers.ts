import type { FastifyInstance } from 'fastify';
import type { JourneyDefinitionT, StageT } from '../../common/api/journeys.ts';

export const stage = (key: string, departmentIds: string[], extra: Partial<StageT> = {}): StageT => ({
  key,
  name: `Stage ${key}`,
  customerActions: [`Customer does ${key}`],
  frontstage: { actions: [`Frontstage helps with ${key}`], people: ['Advisers'] },
  lineOfVisibility: 'The customer sees the result.',
  backstage: departmentIds.map((departmentId) => ({ departmentId, actions: [`Backstage works on ${key}`] })),
  systems: ['Core system'],
  policies: ['Lending policy'],
  touchpoints: [],
  ...extra,
});

export const journey = (stages: StageT[], name = 'Open an account'): JourneyDefinitionT => ({
  name,
  description: 'A test journey.',
  stages,
});

export async function createJourney(
  app: FastifyInstance,
  headers: { cookie: string },
  definition: JourneyDefinitionT,
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/admin/journeys',
    headers,
    payload: definition,
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
  return response.json() as { id: string; version: number };
}
