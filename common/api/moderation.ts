import { Type, type Static } from 'typebox';

// What every moderated queue shares: saved replies, bulk decisions and the number of items per tab.

export const SAVED_REPLY = { labelMax: 60, bodyMin: 3, bodyMax: 1000, max: 100 } as const;

export const SavedReply = Type.Object({
  id: Type.String(),
  label: Type.String(),
  body: Type.String(),
  /** Who wrote it (staff display name), null once their account is gone. */
  createdBy: Type.Union([Type.String(), Type.Null()]),
});
export type SavedReply = Static<typeof SavedReply>;

export const SavedReplyBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: SAVED_REPLY.labelMax }),
    body: Type.String({ minLength: SAVED_REPLY.bodyMin, maxLength: SAVED_REPLY.bodyMax }),
  },
  { additionalProperties: false },
);
export type SavedReplyBody = Static<typeof SavedReplyBody>;

export const SavedReplies = Type.Object({ replies: Type.Array(SavedReply) });

export const BULK_MAX = 50;

/** One item's outcome in a bulk decision: done, or the error the single decision would have answered. */
export const BulkOutcome = Type.Object({
  id: Type.String(),
  ok: Type.Boolean(),
  error: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});
export const BulkResult = Type.Object({
  results: Type.Array(BulkOutcome),
  done: Type.Integer({ description: 'How many items the decision was applied to' }),
});
export type BulkResult = Static<typeof BulkResult>;

/** How many items each tab of a queue holds. */
export const TabCounts = Type.Record(Type.String(), Type.Integer());
export type TabCounts = Static<typeof TabCounts>;

/** Search and sort for a moderator's list. */
export const ModSearch = Type.String({ maxLength: 100, description: 'Words the text contains' });
export const ModSort = Type.Union([Type.Literal('oldest'), Type.Literal('newest'), Type.Literal('votes')]);
export type ModSort = Static<typeof ModSort>;
