import { Type, type Static } from 'typebox';
import { KUDOS_STORY } from '../limits.ts';

export const STORY_MIN = KUDOS_STORY.min;
export const STORY_MAX = KUDOS_STORY.max;
export const Story = Type.String({ minLength: STORY_MIN, maxLength: STORY_MAX });
const Uuid = Type.String({ format: 'uuid' });
// Days go out as plain strings ('YYYY-MM-DD').
const DayString = Type.String({ description: 'YYYY-MM-DD' });
export const Moderation = Type.Union([
  Type.Literal('pending'),
  Type.Literal('published'),
  Type.Literal('rejected'),
]);
export const DepartmentRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('frontstage'), Type.Literal('backstage')]),
});
/** A count that is null when hidden (below k, or hidden so it cannot be recovered by subtraction). */
const MaybeCount = Type.Union([Type.Integer(), Type.Null()]);

export const IdParams = Type.Object({ id: Uuid });

export const NewKudosBody = Type.Object(
  {
    departmentId: Uuid,
    story: Story,
    receipt: Type.Optional(
      Type.String({
        minLength: 26,
        maxLength: 40,
        description:
          '128 random bits in Crockford base32, made by the browser; only its keyed hash is stored.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewKudosBody = Static<typeof NewKudosBody>;
export const Created = Type.Object({ id: Type.String(), receipt: Type.String() });

export const KudosItem = Type.Object({
  id: Type.String(),
  story: Type.String(),
  department: DepartmentRef,
  day: DayString,
  featured: Type.Boolean(),
  redacted: Type.Boolean(),
});
export type KudosItem = Static<typeof KudosItem>;

export const ListQuery = Type.Object(
  { department: Type.Optional(Uuid), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
  { additionalProperties: false },
);
export const KudosList = Type.Object({
  items: Type.Array(KudosItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
export const Featured = Type.Object({ items: Type.Array(KudosItem) });

export const MonthCount = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  count: MaybeCount,
  suppressed: Type.Boolean(),
});
export const DepartmentSummary = Type.Object({
  department: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    description: Type.String(),
  }),
  minimumGroupSize: Type.Integer(),
  /** Published stories over the months shown; null when hidden. */
  total: MaybeCount,
  months: Type.Array(MonthCount),
  stories: Type.Array(KudosItem),
});

export const Recognition = Type.Object({
  month: Type.String({ description: 'YYYY-MM (the current month)' }),
  /** First day counted: the ranking covers the last 30 days, today included. */
  since: DayString,
  minimumGroupSize: Type.Integer(),
  total: MaybeCount,
  departments: Type.Array(
    Type.Object({
      department: DepartmentRef,
      count: MaybeCount,
      suppressed: Type.Boolean(),
      /** 1-based among shown non-zero counts; null for zeros and hidden ones (their order would leak their size). */
      rank: MaybeCount,
    }),
  ),
});

// ---- moderators ----

export const ModListQuery = Type.Object(
  { status: Type.Optional(Moderation), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
  { additionalProperties: false },
);
export const ModKudosItem = Type.Object({
  id: Type.String(),
  story: Type.String(),
  department: DepartmentRef,
  moderation: Moderation,
  reviewed: Type.Boolean(),
  featured: Type.Boolean(),
  redacted: Type.Boolean(),
  /** Kinds of personal data the server found: never the matches. */
  piiFlags: Type.Array(Type.String()),
  reason: Type.Optional(Type.String()),
  day: DayString,
  messages: Type.Integer(),
  awaitingReply: Type.Boolean(),
});
export type ModKudosItem = Static<typeof ModKudosItem>;
export const ModList = Type.Object({ items: Type.Array(ModKudosItem) });

export const DecisionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('publish'), Type.Literal('reject'), Type.Literal('redact')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    text: Type.Optional(Story),
  },
  { additionalProperties: false },
);
export const Decision = Type.Object({ id: Type.String(), moderation: Moderation, story: Type.String() });
export const FeatureBody = Type.Object({ featured: Type.Boolean() }, { additionalProperties: false });
export const ReplyBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const ThreadMessage = Type.Object({
  from: Type.Union([Type.Literal('moderator'), Type.Literal('author')]),
  body: Type.String(),
  day: DayString,
});
export const Posted = Type.Object({ message: ThreadMessage });
export const ModThread = Type.Object({ messages: Type.Array(ThreadMessage) });
