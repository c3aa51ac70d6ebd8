import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The notifications port. Outbound messages (webhooks, the Atom digest) say what other rooms hold —
// counts waiting for moderation, staff-scheduled focus groups, public themes, "you said, we did" — and
// every one of those is read by the room that owns its table: each feature registers what it can tell
// at start (`app.notificationSources.add(...)`), and notifications/ names no other room's table.
// Counts and published content only: no source hands over an anonymous row's time or identity.

/** How many items of each kind wait for a moderator, e.g. `{ suggestions: 3 }`. */
export type QueueCounts = Record<string, number>;

export interface UpcomingFocusGroup {
  id: string;
  title: string;
  startsAt: Date;
}

export interface PublicTheme {
  label: string;
  trend: string;
  size: number;
}

/** A published suggestion with a public response ("you said, we did"), dated by the response's day. */
export interface PublicResponse {
  text: string;
  status: string;
  response: string | null;
  day: string;
}

export interface NotificationSource {
  queueCounts?(db: Kysely<Database>): Promise<QueueCounts>;
  /** Scheduled, not closed, starting in (from, until]. */
  focusGroupsStarting?(db: Kysely<Database>, from: Date, until: Date): Promise<UpcomingFocusGroup[]>;
  /** Ranked public themes, best first. */
  publicThemes?(db: Kysely<Database>, limit: number): Promise<PublicTheme[]>;
  /** Responses from `since` (YYYY-MM-DD) on, newest first. */
  recentResponses?(db: Kysely<Database>, since: string, limit: number): Promise<PublicResponse[]>;
}

export class NotificationSources {
  readonly #sources: NotificationSource[] = [];

  add(source: NotificationSource): void {
    this.#sources.push(source);
  }

  async #each<T>(ask: (source: NotificationSource) => Promise<T[]> | undefined): Promise<T[]> {
    const lists = await Promise.all(this.#sources.map((source) => ask(source) ?? Promise.resolve([])));
    return lists.flat();
  }

  /** Every source's counts, summed by kind. */
  async queueCounts(db: Kysely<Database>): Promise<QueueCounts> {
    const total: QueueCounts = {};
    for (const counts of await this.#each((source) => source.queueCounts?.(db).then((c) => [c])))
      for (const [kind, count] of Object.entries(counts)) total[kind] = (total[kind] ?? 0) + count;
    return total;
  }

  async focusGroupsStarting(db: Kysely<Database>, from: Date, until: Date): Promise<UpcomingFocusGroup[]> {
    const groups = await this.#each((source) => source.focusGroupsStarting?.(db, from, until));
    return groups.sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  }

  async publicThemes(db: Kysely<Database>, limit: number): Promise<PublicTheme[]> {
    return (await this.#each((source) => source.publicThemes?.(db, limit))).slice(0, limit);
  }

  async recentResponses(db: Kysely<Database>, since: string, limit: number): Promise<PublicResponse[]> {
    const responses = await this.#each((source) => source.recentResponses?.(db, since, limit));
    // Newest day first across sources (each source already orders within a day).
    return responses.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0)).slice(0, limit);
  }
}
