import { Type, type Static } from 'typebox';
import { DayString, DepartmentRef } from './primitives.ts';
import { ModSearch } from './moderation.ts';

// Voice of the customer to the backstage (issue 16): customer feedback in (uploads and a push API), mapped
// to departments, curated into stories, and shared on department pages as stories and aggregates.

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Short = (maxLength = 80) => Type.String({ minLength: 1, maxLength });

export const ScoreKind = Type.Union([Type.Literal('nps'), Type.Literal('csat'), Type.Literal('ces')]);
export type ScoreKind = Static<typeof ScoreKind>;
export const SCORE_RANGES: Record<ScoreKind, { min: number; max: number; name: string }> = {
  nps: { min: 0, max: 10, name: 'NPS (0–10)' },
  csat: { min: 1, max: 5, name: 'CSAT (1–5)' },
  ces: { min: 1, max: 7, name: 'CES (1–7)' },
};
export const Format = Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]);
export type Format = Static<typeof Format>;

export const IdParams = Type.Object({ id: Uuid });

/** Which column (CSV header) or key (JSONL) holds each field. */
export const Mapping = Type.Object(
  {
    text: Short(200),
    date: Short(200),
    score: Type.Optional(Short(200)),
    /** The one scale of every score in the file… */
    scoreKind: Type.Optional(ScoreKind),
    /** …or the column that names each row's scale (nps, csat, ces). */
    scoreKindColumn: Type.Optional(Short(200)),
    channel: Type.Optional(Short(200)),
    stage: Type.Optional(Short(200)),
    externalId: Type.Optional(Short(200)),
    product: Type.Optional(Short(200)),
  },
  { additionalProperties: false },
);
export type Mapping = Static<typeof Mapping>;

export const ImportQuery = Type.Object(
  {
    ...Mapping.properties,
    format: Format,
    label: Type.Optional(Short(200)),
    /** all: any rejected row rejects the whole file (default); valid: the valid rows go in, the rest are reported. */
    accept: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('valid')])),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const RejectedRow = Type.Object({ line: Type.Integer(), reason: Type.String() });
export const ImportReport = Type.Object({
  id: Nullable(Type.String()),
  /** false: nothing was stored (dry run, a rejected row under accept=all, or a file that could not be read). */
  committed: Type.Boolean(),
  rowsRead: Type.Integer(),
  imported: Type.Integer(),
  alreadyImported: Type.Integer(),
  rejected: Type.Integer(),
  /** The first rejected rows, each with its line and reason. */
  rejectedRows: Type.Array(RejectedRow),
  mappedToDepartments: Type.Integer(),
});
export type ImportReport = Static<typeof ImportReport>;

export const PreviewQuery = Type.Object({ format: Format });
export const Preview = Type.Object({
  format: Format,
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Record(Type.String(), Type.String())),
  suggested: Type.Partial(Mapping),
});

export const ImportSummary = Type.Object({
  id: Type.String(),
  origin: Type.Union([Type.Literal('upload'), Type.Literal('api')]),
  label: Type.String(),
  format: Type.String(),
  rowsRead: Type.Integer(),
  imported: Type.Integer(),
  alreadyImported: Type.Integer(),
  rejected: Type.Integer(),
  createdAt: Type.String(),
});
export const Imports = Type.Object({ imports: Type.Array(ImportSummary) });

const MappedDepartment = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mappedBy: Type.Union([Type.Literal('rule'), Type.Literal('hand')]),
});
export const Feedback = Type.Object({
  id: Type.String(),
  externalId: Type.String(),
  text: Type.String({ description: 'Redacted before it was stored' }),
  piiKinds: Type.Array(Type.String()),
  scoreKind: Nullable(ScoreKind),
  score: Nullable(Type.Integer()),
  day: DayString,
  channel: Nullable(Type.String()),
  stage: Nullable(Type.String()),
  product: Nullable(Type.String()),
  storyStatus: Type.Union([Type.Literal('candidate'), Type.Literal('dismissed'), Type.Literal('shared')]),
  departments: Type.Array(MappedDepartment),
});
export type Feedback = Static<typeof Feedback>;
export const FeedbackQuery = Type.Object({
  department: Type.Optional(Uuid),
  unmapped: Type.Optional(Type.Boolean()),
  search: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const FeedbackList = Type.Object({ total: Type.Integer(), items: Type.Array(Feedback) });
export const StoryQueue = Type.Object({ items: Type.Array(Feedback) });
export const StoryQueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('candidate'), Type.Literal('dismissed')])),
    q: Type.Optional(ModSearch),
    sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('oldest')])),
  },
  { additionalProperties: false },
);
/** A curation decision that needs no story text: take a comment out of the queue, or bring it back. */
export const StoryQueueDecisionBody = Type.Object(
  { action: Type.Union([Type.Literal('dismiss'), Type.Literal('restore')]) },
  { additionalProperties: false },
);

export const HandMappingBody = Type.Object(
  { departmentIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }) },
  { additionalProperties: false },
);
export const HandMapped = Type.Object({ id: Type.String(), departments: Type.Array(MappedDepartment) });

export const RuleBody = Type.Object(
  {
    departmentId: Uuid,
    stage: Type.Optional(Short()),
    channel: Type.Optional(Short()),
    keyword: Type.Optional(Type.String({ minLength: 2, maxLength: 60 })),
  },
  { additionalProperties: false },
);
export const Rule = Type.Object({
  id: Type.String(),
  department: DepartmentRef,
  stage: Nullable(Type.String()),
  channel: Nullable(Type.String()),
  keyword: Nullable(Type.String()),
  matches: Type.Integer(),
});
export const Rules = Type.Object({ rules: Type.Array(Rule) });
export const RuleCreated = Type.Object({ id: Type.String(), mapped: Type.Integer() });
export const RuleDeleted = Type.Object({ id: Type.String(), deleted: Type.Boolean() });

export const StoryBody = Type.Object(
  {
    feedbackId: Uuid,
    departmentId: Uuid,
    title: Type.String({ minLength: 3, maxLength: 120 }),
    text: Type.String({ minLength: 10, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export const StoryCreated = Type.Object({ id: Type.String(), text: Type.String() });
export const Dismissed = Type.Object({ id: Type.String(), storyStatus: Type.Literal('dismissed') });

export const Story = Type.Object({
  id: Type.String(),
  title: Type.String(),
  text: Type.String(),
  month: Type.String({ description: 'YYYY-MM' }),
  scoreKind: Nullable(ScoreKind),
  score: Nullable(Type.Integer()),
  channel: Nullable(Type.String()),
  stage: Nullable(Type.String()),
  department: DepartmentRef,
});
export const Stories = Type.Object({ stories: Type.Array(Story) });
export const StoryWithdrawn = Type.Object({ id: Type.String(), withdrawn: Type.Boolean() });

/** One month of the score trend; every number null when fewer than k customers answered on that scale. */
export const TrendMonth = Type.Object({
  month: Type.String(),
  responses: Nullable(Type.Integer()),
  nps: Nullable(Type.Integer({ description: '% promoters − % detractors' })),
  csat: Nullable(Type.Number({ description: 'Mean 1–5' })),
  ces: Nullable(Type.Number({ description: 'Mean 1–7' })),
});
export const CustomerTheme = Type.Object({
  label: Type.String(),
  keywords: Type.Array(Type.String()),
  count: Type.Integer(),
});

export const DepartmentVoice = Type.Object({
  department: DepartmentRef,
  minimumGroupSize: Type.Integer(),
  feedback: Nullable(Type.Integer({ description: 'Customer comments mapped here (null below k)' })),
  stories: Type.Array(Story),
  trend: Type.Array(TrendMonth),
  themes: Type.Array(CustomerTheme),
});
export type DepartmentVoice = Static<typeof DepartmentVoice>;

export const Driver = Type.Object({
  themeId: Type.String(),
  label: Type.String(),
  keywords: Type.Array(Type.String()),
  detractors: Type.Integer(),
  passives: Type.Integer(),
  promoters: Type.Integer(),
  /** Share of all detractors whose comment is in this theme, minus the same share of promoters. */
  lift: Type.Number(),
  /** Employee items (suggestions, kudos, pulse comments…) in the same theme: what staff raised on it. */
  employeeItems: Type.Integer(),
  employeeQuote: Nullable(Type.String()),
});
export const Drivers = Type.Object({
  detractors: Type.Integer(),
  promoters: Type.Integer(),
  drivers: Type.Array(Driver),
});

// ---- admin: API keys and retention ----

export const ApiKeyScope = Type.Union([Type.Literal('feedback:write'), Type.Literal('feedback:validate')]);
export const ApiKeyBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 80 }),
    scopes: Type.Array(ApiKeyScope, { minItems: 1, maxItems: 2, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export const ApiKeyCreated = Type.Object({
  id: Type.String(),
  key: Type.String({ description: 'Shown once; only its keyed hash is stored' }),
});
export const ApiKey = Type.Object({
  id: Type.String(),
  label: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(ApiKeyScope),
  createdAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  lastUsedDay: Nullable(Type.String()),
});
export const ApiKeys = Type.Object({ keys: Type.Array(ApiKey) });
export const ApiKeyRevoked = Type.Object({ id: Type.String(), revoked: Type.Boolean() });

export const RetentionBody = Type.Object(
  { retentionMonths: Type.Integer({ minimum: 1, maximum: 120 }) },
  { additionalProperties: false },
);
export const Retention = Type.Object({ retentionMonths: Type.Integer() });

// ---- the push API ----

export const PushedItem = Type.Object(
  {
    externalId: Type.String({ minLength: 1, maxLength: 200 }),
    text: Type.String({ minLength: 1, maxLength: 20000 }),
    date: Type.String({ maxLength: 40 }),
    score: Type.Optional(Type.Integer()),
    scoreKind: Type.Optional(Type.String({ maxLength: 20 })),
    channel: Type.Optional(Type.String({ maxLength: 80 })),
    stage: Type.Optional(Type.String({ maxLength: 80 })),
    product: Type.Optional(Type.String({ maxLength: 80 })),
  },
  { additionalProperties: false },
);
export const PushBody = Type.Object(
  {
    items: Type.Array(PushedItem, { minItems: 1, maxItems: 500 }),
    dryRun: Type.Optional(Type.Boolean()),
    accept: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('valid')])),
  },
  { additionalProperties: false },
);

// ---- the weekly digest per department ----

export const WeekId = Type.String({ pattern: '^\\d{4}-W\\d{2}$', description: 'ISO week, YYYY-Www' });
export const DigestQuery = Type.Object({ week: Type.Optional(WeekId) }, { additionalProperties: false });
/** One scale's score this week and its change from the week before (each null below k customers). */
export const DigestScore = Type.Object({
  value: Nullable(Type.Number()),
  change: Nullable(Type.Number({ description: 'This week minus the week before, both at least k' })),
});
export const DigestWeek = Type.Object({
  week: Type.String(),
  nps: Nullable(Type.Integer()),
  csat: Nullable(Type.Number()),
  ces: Nullable(Type.Number()),
});
export const DigestTheme = Type.Object({
  label: Type.String(),
  keywords: Type.Array(Type.String()),
  count: Type.Integer(),
  /** Mean sentiment of this week's comments in the theme, −1 … 1. */
  sentiment: Type.Number(),
});
/** A theme customers and employees share (or either alone), for one department. */
export const ThemeAlongside = Type.Object({
  label: Type.String(),
  keywords: Type.Array(Type.String()),
  /** Customer comments in the theme mapped to the department (null below k). */
  customers: Nullable(Type.Integer()),
  /** Published employee items in the theme about the department (null below k). */
  employees: Nullable(Type.Integer()),
  /** The most typical published employee words in the theme, when employees count at least k. */
  employeeQuote: Nullable(Type.String()),
  both: Type.Boolean(),
});
export const Digest = Type.Object({
  department: DepartmentRef,
  minimumGroupSize: Type.Integer(),
  week: Type.String(),
  from: Type.String({ description: 'Monday, YYYY-MM-DD' }),
  to: Type.String({ description: 'Sunday, YYYY-MM-DD' }),
  previousWeek: Type.String(),
  nextWeek: Nullable(Type.String()),
  /** Customer comments mapped here this week (null below k). */
  responses: Nullable(Type.Integer()),
  scores: Type.Object({ nps: DigestScore, csat: DigestScore, ces: DigestScore }),
  /** Shares (%) of this week's scored comments by score band; null below k scored comments. */
  sentiment: Nullable(
    Type.Object({ positive: Type.Integer(), neutral: Type.Integer(), negative: Type.Integer() }),
  ),
  /** The eight weeks up to this one: scores only (no counts), each null below k. */
  trend: Type.Array(DigestWeek),
  themes: Type.Array(DigestTheme),
  stories: Type.Array(Story),
  /** Customer themes beside employee themes for this department over the 13 weeks up to this one. */
  alongside: Type.Array(ThemeAlongside),
});
export type Digest = Static<typeof Digest>;
