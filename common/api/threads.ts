import { Type } from 'typebox';
import { DayString, DepartmentRef, Moderation } from './primitives.ts';

// The conversation behind a receipt (server/shared/threads/routes.ts), for every kind of item.

export const ReceiptField = Type.String({ minLength: 1, maxLength: 100 });
export const OpenThreadBody = Type.Object({ receipt: ReceiptField }, { additionalProperties: false });
export const ReplyBody = Type.Object(
  { receipt: ReceiptField, body: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const ThreadMessage = Type.Object({
  from: Type.Union([Type.Literal('moderator'), Type.Literal('author')]),
  body: Type.String(),
  day: DayString,
});
export const ThreadItem = Type.Object({
  kind: Type.Union([Type.Literal('suggestion'), Type.Literal('kudos')]),
  id: Type.String(),
  text: Type.String(),
  /** Suggestions: 'pending' | 'rejected' before publication, then the lifecycle status. Kudos: their own. */
  status: Type.String(),
  reason: Type.Optional(Type.String()),
  day: DayString,
  moderation: Type.Optional(Moderation),
  response: Type.Optional(Type.String()),
  votes: Type.Optional(Type.Integer()),
  redacted: Type.Optional(Type.Boolean()),
  concernsDepartment: Type.Optional(DepartmentRef),
});
export const Thread = Type.Object({ item: ThreadItem, messages: Type.Array(ThreadMessage) });
export const Posted = Type.Object({ message: ThreadMessage });
