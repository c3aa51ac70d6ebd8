import { Type, type Static } from 'typebox';

// Customer journeys and the live service blueprint (issue 18). A journey is staff content, versioned:
// every edit is a new version and the past is never rewritten. The blueprint overlays what Greenroom knows
// per (stage, backstage department) for one calendar quarter, every number from at least k.

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Lines = (max = 12) => Type.Array(Text(200), { maxItems: max });

export const STAGE_KEY = '^[a-z0-9][a-z0-9-]{0,39}$';
export const MAX_STAGES = 20;

export const BackstageEntry = Type.Object(
  {
    departmentId: Type.String({ format: 'uuid' }),
    actions: Lines(),
  },
  { additionalProperties: false },
);

export const Stage = Type.Object(
  {
    key: Type.String({ pattern: STAGE_KEY, description: 'Stable key, unique in the journey (a-z, 0-9, -)' }),
    name: Text(80),
    customerActions: Lines(),
    frontstage: Type.Object({ actions: Lines(), people: Lines() }, { additionalProperties: false }),
    /** What of the backstage work the customer sees at this stage (the line of visibility). */
    lineOfVisibility: Type.String({ maxLength: 300 }),
    backstage: Type.Array(BackstageEntry, { maxItems: 12 }),
    systems: Lines(),
    policies: Lines(),
    /** Words that map employee themes to this stage ("valuation", "offer letter"). */
    touchpoints: Lines(),
  },
  { additionalProperties: false },
);

export const JourneyDefinition = Type.Object(
  {
    name: Text(120),
    description: Type.String({ maxLength: 600 }),
    stages: Type.Array(Stage, { maxItems: MAX_STAGES }),
  },
  { additionalProperties: false },
);

export const JOURNEY_EXPORT_FORMAT = 'greenroom.journey' as const;
export const JourneyExport = Type.Object(
  {
    format: Type.Literal(JOURNEY_EXPORT_FORMAT),
    formatVersion: Type.Literal(1),
    journey: JourneyDefinition,
  },
  { additionalProperties: false },
);

export const Journey = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  versions: Type.Integer({ description: 'How many versions exist (the newest is `versions`)' }),
  createdAt: Type.String(),
  createdBy: Type.String(),
  ...JourneyDefinition.properties,
});

export const JourneySummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  version: Type.Integer(),
  stages: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
});
export const JourneyList = Type.Object({ journeys: Type.Array(JourneySummary) });

export const VersionList = Type.Object({
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      name: Type.String(),
      createdAt: Type.String(),
      createdBy: Type.String(),
    }),
  ),
});

export const JourneyParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });
export const Created = Type.Object({ id: Type.String(), version: Type.Integer() });
export const ImportQuery = Type.Object({
  into: Type.Optional(
    Type.String({ format: 'uuid', description: 'Import as a new version of this journey' }),
  ),
});

export const QUARTER = '^[0-9]{4}-Q[1-4]$';
export const BlueprintQuery = Type.Object({
  quarter: Type.Optional(Type.String({ pattern: QUARTER, description: 'YYYY-Qn; default: this quarter' })),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export const CellQuery = Type.Object({
  stage: Type.String({ pattern: STAGE_KEY }),
  department: Type.String({ format: 'uuid' }),
  quarter: Type.Optional(Type.String({ pattern: QUARTER })),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});

const MaybeNumber = Type.Union([Type.Number(), Type.Null()]);

/** One overlay's number in one cell: `hidden` (and every number null) when fewer than k are behind it. */
export const Signal = Type.Object({
  overlay: Type.String(),
  label: Type.String(),
  hidden: Type.Boolean(),
  count: MaybeNumber,
  score: MaybeNumber,
  /** How to read the score ("effort 1–7"). */
  scoreLabel: Type.Union([Type.String(), Type.Null()]),
  /** Short readable breakdown (statuses, top themes), only when shown. */
  detail: Type.Union([Type.String(), Type.Null()]),
  /** The same breakdown as numbers by name (`outcome`, `csat`, `sentiment`, a status), for clients that word it
   * in the reader's language; empty when hidden or when the detail is made of names (top themes). */
  facts: Type.Array(Type.Object({ key: Type.String(), value: Type.Number() })),
  friction: Type.Boolean(),
  pain: Type.Boolean(),
});

export const BlueprintCell = Type.Object({
  departmentId: Type.String(),
  /** Whether the department takes part in this stage. */
  involved: Type.Boolean(),
  actions: Type.Array(Type.String()),
  signals: Type.Array(Signal),
  friction: Type.Boolean(),
  pain: Type.Boolean(),
  hotspot: Type.Boolean(),
});

export const Blueprint = Type.Object({
  journey: Type.Object({
    id: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    description: Type.String(),
  }),
  period: Type.String(),
  minimumGroupSize: Type.Integer(),
  overlays: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), lane: Type.String() })),
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() })),
  stages: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      customerActions: Type.Array(Type.String()),
      frontstage: Type.Object({ actions: Type.Array(Type.String()), people: Type.Array(Type.String()) }),
      lineOfVisibility: Type.String(),
      systems: Type.Array(Type.String()),
      policies: Type.Array(Type.String()),
      touchpoints: Type.Array(Type.String()),
      /** Customer-side signals for the stage (touchpoint themes, customer feedback when registered). */
      customer: Type.Array(Signal),
      pain: Type.Boolean(),
      /** One per blueprint department, in `departments` order. */
      cells: Type.Array(BlueprintCell),
    }),
  ),
  /** Each overlay over the whole journey (complementary suppression with the cells). */
  totals: Type.Array(Signal),
  hotspots: Type.Integer(),
});

export const CellItem = Type.Object({
  id: Type.String(),
  text: Type.String(),
  day: Type.Union([Type.String(), Type.Null()]),
  /** e.g. a suggestion's status, "pending" for moderators. */
  status: Type.Union([Type.String(), Type.Null()]),
});
export const CellItems = Type.Object({
  stage: Type.Object({ key: Type.String(), name: Type.String() }),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  period: Type.String(),
  audience: Type.Union([Type.Literal('employee'), Type.Literal('staff')]),
  sections: Type.Array(
    Type.Object({
      overlay: Type.String(),
      label: Type.String(),
      hidden: Type.Boolean(),
      items: Type.Array(CellItem),
    }),
  ),
});

export const DepartmentJourneys = Type.Object({
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  journeys: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      version: Type.Integer(),
      stages: Type.Array(
        Type.Object({
          key: Type.String(),
          name: Type.String(),
          position: Type.Integer(),
          of: Type.Integer(),
          actions: Type.Array(Type.String()),
          customerActions: Type.Array(Type.String()),
          lineOfVisibility: Type.String(),
        }),
      ),
    }),
  ),
});

export type JourneyDefinitionT = Static<typeof JourneyDefinition>;
export type StageT = Static<typeof Stage>;
export type JourneyT = Static<typeof Journey>;
export type JourneyExportT = Static<typeof JourneyExport>;
export type SignalT = Static<typeof Signal>;
export type BlueprintT = Static<typeof Blueprint>;
export type CellItemsT = Static<typeof CellItems>;
export type DepartmentJourneysT = Static<typeof DepartmentJourneys>;
