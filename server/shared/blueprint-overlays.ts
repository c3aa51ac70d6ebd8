import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The service blueprint's overlay port (issue 18). Every feature that knows something about a backstage
// department over a period registers one overlay at start (`app.blueprintOverlays.add(...)`); the journeys
// feature asks them all and is the one place that applies the minimum group size to what they return, so a
// new overlay cannot forget k. Overlays return raw numbers; they never decide what is shown.
//
// Who registers what: handoffs, kudos and suggestions each register the overlay over their own table; the
// journeys feature its employee-themes overlay; customer voice a `lane: 'customer'` overlay whose cells carry
// `pain` where customers are unhappy, which the blueprint lines up with backstage friction to mark hotspots.

export interface OverlayQuery {
  db: Kysely<Database>;
  /** Backstage (and frontstage) departments on the journey. */
  departmentIds: string[];
  /** First and last day of the period, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
  k: number;
}

export interface OverlayCell {
  departmentId: string;
  /** How many items are behind the cell. */
  count: number;
  /** How many different people, when that is not `count` (k counts people). */
  people?: number;
  /** A mean score, shown only when the cell is shown. */
  score?: number | null;
  /** Readable breakdown, shown only when the cell is shown. */
  detail?: string | null;
  /** The detail's numbers by name, for clients that word them in the reader's language. */
  facts?: Array<{ key: string; value: number }>;
  /** Backstage friction (e.g. a hard handoff), judged by the overlay from its own numbers. */
  friction?: boolean;
  /** Customer pain (e.g. a bad outcome for the customer). */
  pain?: boolean;
}

export interface OverlayItem {
  id: string;
  text: string;
  day: string | null;
  status: string | null;
}

export interface BlueprintOverlay {
  id: string;
  label: string;
  /** 'backstage': the team's own signals; 'customer': what customers experience (feedback, outcomes). */
  lane: 'backstage' | 'customer';
  scoreLabel?: string;
  /** Where the overlay sits among the others (lower first); registration order breaks ties. */
  position?: number;
  /** Never called with an empty `departmentIds`. */
  read(query: OverlayQuery): Promise<OverlayCell[]>;
  /** The items behind one department's cell; `staff` sees more (pending items), employees only published. */
  items?(query: OverlayQuery & { departmentId: string; staff: boolean }): Promise<OverlayItem[]>;
}

export class BlueprintOverlays {
  readonly #overlays: BlueprintOverlay[] = [];

  add(overlay: BlueprintOverlay): void {
    if (this.#overlays.some((existing) => existing.id === overlay.id))
      throw new Error(`blueprint overlay ${overlay.id} registered twice`);
    this.#overlays.push(overlay);
  }

  /** In `position` order, so the blueprint reads the same whichever feature registered first. */
  list(): readonly BlueprintOverlay[] {
    return [...this.#overlays].sort((a, b) => (a.position ?? 100) - (b.position ?? 100));
  }
}
