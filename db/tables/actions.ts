// Tables owned by the actions feature. Nullable columns are `T | null`; see db/schema.ts.
// An action is a moderator's public promise made from a theme ("you said, we did"): staff content, not anonymous.
import type { Generated, Selectable } from 'kysely';
import type { Day } from '../schema.ts';

/** The suggestions' lifecycle words from `planned` on; wire values are these exact strings. */
export type ThemeActionStatus = 'planned' | 'in_progress' | 'done' | 'wont_do';

export interface ThemeActionTable {
  id: Generated<string>;
  /** The moderators' theme it came from; null once that theme row is gone (the action stays). */
  theme_id: string | null;
  title: string;
  description: string;
  status: Generated<ThemeActionStatus>;
  /** "What we did": public. */
  response: string | null;
  created_by: string | null;
  day: Day;
  updated_day: Day;
}

export interface ActionTables {
  theme_action: ThemeActionTable;
}

export type ThemeActionRow = Selectable<ThemeActionTable>;
