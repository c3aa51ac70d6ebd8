import type { FastifyInstance } from 'fastify';

// The themes tests' comments (the shared car-park and canteen corpus) and a merge of every theme into one.
export { CANTEEN, daysAgo, PARKING, publishSuggestions } from '../helpers/theme-comments.ts';

/** A theme as the themes APIs list it: the fields these tests read. */
export interface ThemeJson {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  pinned?: boolean;
}

/** A moderator's correction of a theme (rename, merge, move, split, pin, hide), through the API. */
export const correctTheme = (
  app: FastifyInstance,
  headers: Record<string, string>,
  id: string,
  body: object,
) => app.inject({ method: 'POST', url: `/api/mod/themes/${id}/corrections`, headers, payload: body });

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
    const response = await correctTheme(app, headers, other.id, { kind: 'merge', into: into.id });
    if (response.statusCode !== 200) throw new Error(`merge: ${response.statusCode} ${response.body}`);
  }
  const recomputed = await app.inject({ method: 'POST', url: '/api/mod/themes/recompute', headers });
  if (recomputed.statusCode !== 200) throw new Error(`recompute: ${recomputed.statusCode}`);
  const after = await list();
  if (after.length !== 1 || after[0]!.id !== into.id) throw new Error('the themes did not merge into one');
  return into.id;
}
