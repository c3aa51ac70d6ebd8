import type { FastifyInstance } from 'fastify';

// The themes tests' comments (the shared car-park and canteen corpus) and a merge of every theme into one.
export { CANTEEN, daysAgo, PARKING, publishSuggestions } from '../helpers/theme-comments.ts';

/**
 * Merges every theme of the moderators' snapshot into the first (a theme of several concerns) and
 * recomputes; its id.
 */
export async function mergeIntoOne(app: FastifyInstance, headers: Record<string, string>): Promise<string> {
  const list = async () =>
    (await app.inject({ method: 'GET', url: '/api/mod/themes', headers })).json().themes as { id: string }[];
  const [into, ...others] = await list();
  if (!into || others.length === 0) throw new Error('mergeIntoOne needs two themes or more');
  for (const other of others) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/mod/themes/${other.id}/corrections`,
      headers,
      payload: { kind: 'merge', into: into.id },
    });
    if (response.statusCode !== 200) throw new Error(`merge: ${response.statusCode} ${response.body}`);
  }
  const recomputed = await app.inject({ method: 'POST', url: '/api/mod/themes/recompute', headers });
  if (recomputed.statusCode !== 200) throw new Error(`recompute: ${recomputed.statusCode}`);
  const after = await list();
  if (after.length !== 1 || after[0]!.id !== into.id) throw new Error('the themes did not merge into one');
  return into.id;
}
