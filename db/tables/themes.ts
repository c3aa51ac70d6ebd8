// Tables owned by the themes feature. Nullable columns are `T | null`; see db/schema.ts.
// Snapshots of computed themes, two scopes: 'public' (built from published text only, for employees)
// and 'all' (everything the sources hand over, for moderators). Derived data: rebuilt by the job.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Day, Json, Timestamp } from '../schema.ts';

export type ThemeScope = 'public' | 'all';
export type ThemeTrend = 'emerging' | 'rising' | 'steady' | 'fading';
export type ThemeSource = 'suggestion' | 'kudos' | 'pulse' | 'focus-group' | 'handoff' | 'customer';

export interface ThemeTrendTest {
  recent: number;
  baseline: number;
  ratio: number | null;
  pValue: number;
  /** Days of the recent window tested, and its usual count at the baseline rate (absent before session 27). */
  window?: number;
  usual?: number | null;
  overall?: number | null;
}

export interface ThemeTone {
  positive: number;
  neutral: number;
  negative: number;
}

export interface ThemeTable {
  /** Stable across recomputes (matched by similarity); a theme that disappears is retired, not deleted. */
  id: string;
  scope: ThemeScope;
  label: string;
  keywords: Json<string[]>;
  /** Weighted top terms: how the next computation recognises this theme. */
  signature: Json<Record<string, number>>;
  size: number;
  trend: ThemeTrend;
  trend_test: Json<ThemeTrendTest>;
  sentiment: number;
  /** Shares of the theme's comments read as positive, neutral and negative. */
  tone: Json<ThemeTone>;
  /** A moderator's pin holds on it (the engine's answer): listed first in every view. */
  pinned: Generated<boolean>;
  daily: Json<Array<{ day: string; count: number }>>;
  quotes: Json<Array<{ itemId: string; text: string }>>;
  /** Position in the latest snapshot (0 = most urgent); null once retired. */
  rank: number | null;
  first_seen: Day;
  last_seen: Day;
  retired: boolean;
  /** Hidden as noise: the ids of the comments it held (sorted), so an undone hide gives them back to it. */
  hidden_items: Json<string[]> | null;
  /** Hash of the values last written: a snapshot save skips an unchanged theme. */
  fingerprint: Generated<string>;
}

/** Which comment is in which theme (drill-down, filters). Copies only what the sources already publish to staff. */
export interface ThemeItemTable {
  scope: ThemeScope;
  theme_id: string;
  item_id: string;
  source: ThemeSource;
  text: string;
  day: Day;
  published: boolean;
  department_id: string | null;
  status: string | null;
  sentiment: number;
  /** How typical of the theme (quotes are the most central published comments). */
  centrality: number;
  /** The question the comment answers (a pulse's), else null: the moderators' chart has one line per question. */
  prompt: string | null;
  /** The day that asking of the question opened: one point per asking (one answer per person each). */
  prompt_asked_on: Day | null;
  /**
   * Hash of the row's values (theme included; since session 25 not its centrality, which a save compares
   * beside it within a slack): a snapshot save writes only rows whose hash changed.
   */
  fingerprint: Generated<string>;
}

/** A moderator's correction, kept by the engine on every recompute. */
export interface ThemeCorrectionTable {
  id: string;
  kind: 'rename' | 'merge' | 'pin' | 'hide' | 'move' | 'split';
  theme_id: string;
  into_theme_id: string | null;
  label: string | null;
  anchor_items: Json<string[]>;
  into_anchor_items: Json<string[]>;
  /** The comments a move or split takes out of the theme. */
  item_ids: ColumnType<string[], string | undefined, string>;
  created_by: string;
  created_at: Generated<Timestamp>;
}

export interface ThemeRunTable {
  scope: ThemeScope;
  computed_at: Timestamp;
  /** Trends are measured against this day. */
  as_of: Day;
  first_day: Day | null;
  item_count: number;
  theme_count: number;
  unclustered: number;
  duration_ms: number;
  incremental: boolean;
}

export interface ThemeTables {
  theme: ThemeTable;
  theme_item: ThemeItemTable;
  theme_run: ThemeRunTable;
  theme_correction: ThemeCorrectionTable;
}

export type ThemeRow = Selectable<ThemeTable>;
export type ThemeItemRow = Selectable<ThemeItemTable>;
