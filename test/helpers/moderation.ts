import type { TestApp } from './build.ts';

type Headers = Record<string, string>;

/**
 * A moderator's requests on one kind of item (`/api/mod/kudos/…`, `/api/mod/suggestions/…`), signed in as
 * `staff()` unless other headers are given (`{}`: no session), and the audit rows about an item.
 */
export function moderatorRequests(
  t: TestApp,
  kind: 'kudos' | 'suggestions',
  staff: () => { headers: Headers },
) {
  const post = (id: string, route: string, payload: object, headers = staff().headers) =>
    t.app.inject({ method: 'POST', url: `/api/mod/${kind}/${id}/${route}`, headers, payload });
  return {
    decide: (id: string, payload: object, headers?: Headers) => post(id, 'decision', payload, headers),
    reply: (id: string, body: unknown, headers?: Headers) => post(id, 'replies', { body }, headers),
    thread: (id: string, headers = staff().headers) =>
      t.app.inject({ method: 'GET', url: `/api/mod/${kind}/${id}/thread`, headers }),
    auditFor: (id: string) =>
      t.app.db
        .selectFrom('audit_log')
        .select(['action', 'staff_username', 'detail'])
        .where('target_id', '=', id)
        .orderBy('id')
        .execute(),
  };
}
