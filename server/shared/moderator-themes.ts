import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The moderator-themes port: another feature that acts on a theme (an action made from it) asks the themes
// feature whether the theme is in the moderators' current snapshot, without naming the themes' tables. The
// themes feature provides the finder at start (`app.moderatorThemes.provide(...)`).

export interface ModeratorThemeRef {
  id: string;
  /** Computed over held comments too: for staff eyes (the audit log), never for public output. */
  label: string;
}

export type ModeratorThemeFinder = (db: Kysely<Database>, id: string) => Promise<ModeratorThemeRef | null>;

export class ModeratorThemes {
  #finder: ModeratorThemeFinder | null = null;

  provide(finder: ModeratorThemeFinder): void {
    this.#finder = finder;
  }

  /** The theme if it is current (not retired) in the moderators' snapshot, else null. */
  async find(db: Kysely<Database>, id: string): Promise<ModeratorThemeRef | null> {
    if (!this.#finder) throw new Error('no themes feature registered to find moderators’ themes');
    return this.#finder(db, id);
  }
}
