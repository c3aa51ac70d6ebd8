// Tables that hold what several nodes on one database must share (rate limits, job leases).
// Nullable columns are `T | null`; see db/schema.ts.
import type { Timestamp } from '../schema.ts';

export interface ThrottleTable {
  /** A keyed hash of what is counted (purpose + username, code id, device…), never the thing itself. */
  key: string;
  hits: number;
  /** The counting window ends here; the row is then reset or purged. */
  resets_at: Timestamp;
  /** Login back-off: no attempt in this bucket before this moment. */
  blocked_until: Timestamp | null;
}

export interface JobLeaseTable {
  name: string;
  /** The node holding the job (a random id per process), or null when released. */
  holder: string | null;
  expires_at: Timestamp;
  /** A node asked for a run (content changed); the holder runs once it sees this is newer than started_at. */
  requested_at: Timestamp | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface SharedStateTables {
  throttle: ThrottleTable;
  job_lease: JobLeaseTable;
}
