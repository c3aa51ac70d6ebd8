import { Type, type Static } from 'typebox';
import { SUGGESTION_TEXT } from '../limits.ts';
import { DayString, DepartmentRef, Moderation } from './primitives.ts';
import { ThreadMessage } from './threads.ts';
import { ModSearch, ModSort } from './moderation.ts';

export { Moderation };

// Wire values of the lifecycle: the board, the CSV and the client use these exact strings.
export const STATUSES = ['new', 'under_review', 'planned', 'in_progress', 'done', 'wont_do'] as const;
export const Status = Type.Union([
  Type.Literal('new'),
  Type.Literal('under_review'),
  Type.Literal('planned'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
  Type.Literal('wont_do'),
]);

export const TEXT_MIN = SUGGESTION_TEXT.min;
export const TEXT_MAX = SUGGESTION_TEXT.max;
export const SuggestionText = Type.String({ minLength: TEXT_MIN, maxLength: TEXT_MAX });
const Uuid = Type.String({ format: 'uuid' });

export const IdParams = Type.Object({ id: Uuid });

/** A receipt the author's browser made (DESIGN §2.5): it holds it before the write leaves the browser. */
export const ClientReceipt = Type.String({
  minLength: 26,
  maxLength: 40,
  description: '128 random bits in Crockford base32, made by the browser; only its keyed hash is stored.',
});

export const NewSuggestionBody = Type.Object(
  {
    text: SuggestionText,
    concernsDepartmentId: Type.Optional(Uuid),
    ownDepartmentId: Type.Optional(Uuid),
    receipt: Type.Optional(ClientReceipt),
  },
  { additionalProperties: false },
);
export type NewSuggestionBody = Static<typeof NewSuggestionBody>;

export const Created = Type.Object({ id: Type.String(), receipt: Type.String() });

export const BoardQuery = Type.Object(
  {
    sort: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('top')])),
    department: Type.Optional(Uuid),
    status: Type.Optional(Status),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type BoardQuery = Static<typeof BoardQuery>;

export const BoardItem = Type.Object({
  id: Type.String(),
  text: Type.String(),
  status: Status,
  votes: Type.Integer(),
  day: DayString,
  redacted: Type.Boolean(),
  response: Type.Optional(Type.String()),
  responseDay: Type.Optional(DayString),
  concernsDepartment: Type.Optional(DepartmentRef),
  /** Present only where at least k published suggestions share it (minimum group size). */
  ownDepartment: Type.Optional(DepartmentRef),
});
export type BoardItem = Static<typeof BoardItem>;

export const VoiceCount = Type.Object({
  /** null: everyone else (teams under k, teams hidden by complementary suppression, and "rather not say"). */
  department: Type.Union([DepartmentRef, Type.Null()]),
  count: Type.Integer(),
});

export const Board = Type.Object({
  items: Type.Array(BoardItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  /** Published suggestions by the author's self-declared department; never a group under k. */
  voices: Type.Array(VoiceCount),
});

export const Votes = Type.Object({ votes: Type.Integer() });

// ---- moderators ----

export const DecisionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('publish'), Type.Literal('reject'), Type.Literal('redact')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    text: Type.Optional(SuggestionText),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const ModReplyBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const StatusBody = Type.Object(
  { status: Status, response: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const ModItem = Type.Object({
  id: Type.String(),
  text: Type.String(),
  moderation: Moderation,
  reviewed: Type.Boolean(),
  status: Status,
  votes: Type.Integer(),
  day: DayString,
  redacted: Type.Boolean(),
  /** Kinds of personal data the server found ('email', 'phone', …): never the matches. */
  piiFlags: Type.Array(Type.String()),
  reason: Type.Optional(Type.String()),
  response: Type.Optional(Type.String()),
  concernsDepartment: Type.Optional(DepartmentRef),
  ownDepartment: Type.Optional(DepartmentRef),
  messages: Type.Integer(),
  /** The author wrote last: a moderator owes an answer. */
  awaitingReply: Type.Boolean(),
});
export type ModItem = Static<typeof ModItem>;

export const ModListQuery = Type.Object(
  {
    moderation: Type.Optional(Moderation),
    awaitingReply: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    q: Type.Optional(ModSearch),
    sort: Type.Optional(ModSort),
  },
  { additionalProperties: false },
);
export const QueueQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    q: Type.Optional(ModSearch),
    sort: Type.Optional(ModSort),
  },
  { additionalProperties: false },
);
export const ModList = Type.Object({
  items: Type.Array(ModItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
export const ModThread = Type.Object({ messages: Type.Array(ThreadMessage) });
