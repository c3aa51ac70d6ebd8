import { Type, type Static } from 'typebox';
import { KUDOS_STORY } from '../limits.ts';

// Voice of the Internal Customer (issue 17): rating a handoff with a backstage team, and team scorecards.

const Uuid = Type.String({ format: 'uuid' });
const DayString = Type.String({ description: 'YYYY-MM-DD' });
const MaybeCount = Type.Union([Type.Integer(), Type.Null()]);
const MaybeScore = Type.Union([Type.Number(), Type.Null()]);

export const EFFORT_MAX = 7;
export const OUTCOME_MAX = 5;
/** A comment can become a kudos story, so it follows the story's limits. */
export const COMMENT_MAX = KUDOS_STORY.max;
export const KUDOS_MIN = KUDOS_STORY.min;

export const IdParams = Type.Object({ id: Uuid });

export const RequestType = Type.Object({ id: Type.String(), label: Type.String() });
export const Team = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  requestTypes: Type.Array(RequestType),
  /** This week's token scope for rating the team: `handoff:<department>:<ISO week>`. */
  scope: Type.String(),
});
export const Teams = Type.Object({ week: Type.String(), teams: Type.Array(Team) });

export const RatingBody = Type.Object(
  {
    departmentId: Uuid,
    requestTypeId: Type.Optional(Uuid),
    effort: Type.Integer({ minimum: 1, maximum: EFFORT_MAX, description: 'CES: 1 very hard … 7 very easy' }),
    outcome: Type.Integer({ minimum: 1, maximum: OUTCOME_MAX, description: '1 badly … 5 very well' }),
    comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX })),
    kudos: Type.Optional(Type.Boolean({ description: 'Turn the comment into a kudos story for the team' })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;
export const Rated = Type.Object({ id: Type.String(), day: DayString, kudos: Type.Boolean() });

/** One team in one period; every number null when fewer than k people (or hidden against subtraction). */
export const ScoreCell = Type.Object({
  period: Type.String({ description: "'YYYY-MM', or 'quarter' for the three months together" }),
  suppressed: Type.Boolean(),
  ratings: MaybeCount,
  /** Mean CES, 1–7. */
  effort: MaybeScore,
  /** Mean outcome, 1–5. */
  outcome: MaybeScore,
  effortDistribution: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  outcomeDistribution: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  kudosAlerts: MaybeCount,
});
export type ScoreCell = Static<typeof ScoreCell>;

const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String() });
export const Comment = Type.Object({ id: Type.String(), comment: Type.String(), day: DayString });
export const Scorecard = Type.Object({
  department: DepartmentRef,
  minimumGroupSize: Type.Integer(),
  /** 'YYYY-Qn': the calendar quarter shown. */
  period: Type.String(),
  months: Type.Array(Type.String()),
  cells: Type.Array(ScoreCell),
  quarter: ScoreCell,
  /** Published comments of periods with at least k people, newest first, personal data redacted. */
  comments: Type.Array(Comment),
});

const QuarterId = Type.String({ pattern: '^\\d{4}-Q[1-4]$', description: 'YYYY-Qn; default: this quarter' });
export const ScorecardQuery = Type.Object(
  { quarter: Type.Optional(QuarterId) },
  { additionalProperties: false },
);
const PeriodId = Type.String({
  pattern: '^\\d{4}-(Q[1-4]|(0[1-9]|1[0-2]))$',
  description: "A calendar quarter 'YYYY-Qn' or month 'YYYY-MM'; default: this quarter",
});
export const TeamsQuery = Type.Object(
  {
    quarter: Type.Optional(QuarterId),
    period: Type.Optional(PeriodId),
    sort: Type.Optional(Type.Union([Type.Literal('score'), Type.Literal('change'), Type.Literal('name')])),
  },
  { additionalProperties: false },
);
export const TeamRow = Type.Object({
  department: DepartmentRef,
  cells: Type.Array(ScoreCell),
  quarter: ScoreCell,
  /** Latest shown month's effort minus the month before (both shown), else null; for a month, it minus the one before. */
  change: MaybeScore,
});
export const Overview = Type.Object({
  minimumGroupSize: Type.Integer(),
  /** 'YYYY-Qn' or 'YYYY-MM'. A month shows the column of its quarter's grid: the same numbers, hidden alike. */
  period: Type.String(),
  /** The periods a picker offers, newest first: the last four quarters and their months so far. */
  periods: Type.Array(Type.String()),
  months: Type.Array(Type.String()),
  teams: Type.Array(TeamRow),
  allTeams: Type.Object({ cells: Type.Array(ScoreCell), quarter: ScoreCell }),
});

const CommentModeration = Type.Union([
  Type.Literal('pending'),
  Type.Literal('published'),
  Type.Literal('hidden'),
]);
export const CommentsQuery = Type.Object(
  { status: Type.Optional(CommentModeration) },
  { additionalProperties: false },
);
export const ModComment = Type.Object({
  id: Type.String(),
  department: DepartmentRef,
  comment: Type.String(),
  moderation: CommentModeration,
  reviewed: Type.Boolean(),
  piiFlags: Type.Array(Type.String()),
  reason: Type.Union([Type.String(), Type.Null()]),
  day: DayString,
});
export const ModComments = Type.Object({
  comments: Type.Array(ModComment),
  /** Comments not listed because their team and month have fewer than k ratings so far. */
  waitingForGroup: Type.Integer(),
});
export const CommentDecisionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('publish'), Type.Literal('hide')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const CommentDecided = Type.Object({ id: Type.String(), moderation: CommentModeration });

export const NewRequestTypeBody = Type.Object(
  { departmentId: Uuid, label: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export const RequestTypeCreated = Type.Object({ id: Type.String() });
export const RequestTypeRetired = Type.Object({ id: Type.String(), retired: Type.Boolean() });

// ---- admins: request types per team ----

export const RequestTypesQuery = Type.Object(
  { departmentId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const AdminRequestType = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  label: Type.String(),
  /** Archived: no longer offered in the rating form; ratings that named it keep it. */
  archived: Type.Boolean(),
  position: Type.Integer(),
});
export const AdminRequestTypes = Type.Object({ types: Type.Array(AdminRequestType) });
export const RequestTypePatch = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const RequestTypeOrderBody = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }) },
  { additionalProperties: false },
);
