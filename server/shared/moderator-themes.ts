import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The moderator-themes port: another feature that acts on a theme (an action made from it) asks the themes
// feature whether the theme is in the moderators' current snapshot, or which themes it holds, without naming
// the themes' tables. The themes feature provides both at start (`app.moderatorThemes.provide(...)`).

export interface ModeratorThemeRef {
  id: string;
  /** Computed over held comments too: for staff eyes (the audit log), never for public output. */
  label: string;
  keywords: string[];
}

export interface ModeratorThemesProvider {
  find(db: Kysely<Database>, id: string): Promise<ModeratorThemeRef | null>;
  /** The current snapshot's themes, in rank order. */
  list(db: Kysely<Database>): Promise<ModeratorThemeRef[]>;
}

export class ModeratorThemes {
  #provider: ModeratorThemesProvider | null = null;

  provide(provider: ModeratorThemesProvider): void {
    this.#provider = provider;
  }

  /** The theme if it is current (not retired) in the moderators' snapshot, else null. */
  async find(db: Kysely<Database>, id: string): Promise<ModeratorThemeRef | null> {
    return this.#registered().find(db, id);
  }

  /** The moderators' current themes, in rank order. */
  async list(db: Kysely<Database>): Promise<ModeratorThemeRef[]> {
    return this.#registered().list(db);
  }

  #registered(): ModeratorThemesProvider {
    if (!this.#provider) throw new Error('no themes feature registered to find moderators’ themes');
    return this.#provider;
  }
}
