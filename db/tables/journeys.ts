// Tables owned by the journeys feature (customer journeys and the service blueprint). Staff content.
import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from '../schema.ts';

export interface JourneyTable {
  id: Generated<string>;
  created_at: Generated<Timestamp>;
  archived: Generated<boolean>;
}

/** One version of a journey; inserted, never updated (an edit is a new version). */
export interface JourneyVersionTable {
  journey_id: string;
  version: number;
  name: string;
  /** The journey definition (common/api/journeys.ts `JourneyDefinition`). */
  definition: Json<unknown>;
  created_at: Generated<Timestamp>;
  created_by: string;
}

/** A moderator's mapping of an employee theme to a stage (by stage key, across versions). */
export interface JourneyStageThemeTable {
  journey_id: string;
  stage_key: string;
  theme_id: string;
  created_by: string;
  created_at: Generated<Timestamp>;
}

export interface JourneyTables {
  journey: JourneyTable;
  journey_version: JourneyVersionTable;
  journey_stage_theme: JourneyStageThemeTable;
}

export type JourneyVersionRow = Selectable<JourneyVersionTable>;
