// Tables owned by the pulses feature. Nullable columns are `T | null`; see db/schema.ts.
import type { Generated, Selectable } from 'kysely';
import type { Day, Timestamp } from '../schema.ts';

export type PulseScale = '0-10' | '1-5';

/** A scheduled question (staff content, not anonymous). Open from opens_on through closes_on (UTC days). */
export interface PulseTable {
  id: Generated<string>;
  question: string;
  scale: PulseScale;
  opens_on: Day;
  closes_on: Day;
  created_at: Generated<Timestamp>;
}

/** One anonymous answer: random id, a day, no IP/UA/token, nothing linking to a member. */
export interface PulseResponseTable {
  id: Generated<string>;
  pulse_id: string;
  score: number;
  comment: string | null;
  /** Self-declared; shown only in groups of at least k. */
  own_department_id: string | null;
  day: Day;
}

export interface PulseTables {
  pulse: PulseTable;
  pulse_response: PulseResponseTable;
}

export type PulseRow = Selectable<PulseTable>;
