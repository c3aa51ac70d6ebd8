// Tables owned by the tokens feature. Nullable columns are `T | null`; see db/schema.ts.
// What links a person to anything: only enrolment (a code handed to someone) and issuance counts.
// Nothing here joins a member to a spent token: the blind signature makes that impossible.
import type { Generated } from 'kysely';
import type { Timestamp } from '../schema.ts';

/** One issuer key per scope (and per epoch for `general`). Public key and times are public anyway. */
export interface TokenKeyTable {
  /** token_key_id, hex: SHA-256 of token_key. */
  id: string;
  /** Last byte of the id; unique among live keys so a TokenRequest names exactly one. */
  truncated_id: number;
  scope: string;
  /** SPKI with the RSASSA-PSS OID, exactly as published in the directory. */
  token_key: Uint8Array;
  /** PKCS#8, sealed with AES-256-GCM under the master secret. */
  private_key: Uint8Array;
  /** Tokens each member may obtain for this key. */
  budget: number;
  not_before: Timestamp;
  not_after: Timestamp;
  created_at: Generated<Date>;
}

/** Who generated a set of codes (staff actions are not anonymous). */
export interface EnrolmentBatchTable {
  id: Generated<string>;
  created_at: Generated<Date>;
  created_by: string | null;
  count: number;
  /** Unused codes deleted by an admin (a lost sheet). Used codes are deleted too, so used = count − revoked − waiting. */
  revoked: Generated<number>;
  /** The department these codes are for: a member enrolled with one carries it. Public per week. */
  department_id: string | null;
}

/**
 * A single-use enrolment code waiting to be used: `id` is the code's first half, the rest only as
 * argon2id. A used code is deleted (in its own transaction, before the member is created), so no row
 * says which code a member came from.
 */
export interface EnrolmentCodeTable {
  id: string;
  batch_id: string;
  secret_hash: string;
}

/** An enrolled browser: only the keyed hash of its credential. No code, no time, no name. */
export interface MemberTable {
  id: Generated<string>;
  credential_hash: string;
  /** From the code's batch: the only department a member can prove on an anonymous item. */
  department_id: string | null;
}

/** One person enrolled through OIDC: HMAC(issuer, subject) and their member. Identified, never anonymous. */
export interface MemberSsoTable {
  subject_hash: string;
  member_id: string;
}

/** A sign-in at the company's provider under way (ten minutes; deleted on return). */
export interface OidcLoginTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  expires_at: Generated<Date>;
}

/** Public tally: codes of a department used in an ISO week (Monday). No member, no code. */
export interface EnrolmentWeekTable {
  department_id: string;
  week: string;
  enrolled: number;
}

/** How many tokens a member obtained for a key. Never blinded messages, signatures or times. */
export interface TokenIssuanceTable {
  member_id: string;
  key_id: string;
  issued: number;
}

/** A spent token: its nullifier (SHA-256 of the token input). Purged with its key. */
export interface SpentTokenTable {
  nullifier: Uint8Array;
  key_id: string;
}

/**
 * The public key log: one entry per issuer key ever created, hash-chained (common/key-log.ts). Append-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE); entries stay after their key is retired.
 */
export interface KeyLogTable {
  /** 1..n without gaps. */
  seq: number;
  scope: string;
  /** token_key_id, hex. */
  token_key_id: string;
  not_before: Timestamp;
  not_after: Timestamp;
  prev_hash: string;
  hash: string;
}

export interface TokenTables {
  token_key: TokenKeyTable;
  key_log: KeyLogTable;
  enrolment_batch: EnrolmentBatchTable;
  enrolment_code: EnrolmentCodeTable;
  member: MemberTable;
  enrolment_week: EnrolmentWeekTable;
  token_issuance: TokenIssuanceTable;
  spent_token: SpentTokenTable;
  member_sso: MemberSsoTable;
  oidc_login: OidcLoginTable;
}
