import { Type } from 'typebox';

// Pieces several features' API shapes share.

/** Where a moderated item stands. */
export const Moderation = Type.Union([
  Type.Literal('pending'),
  Type.Literal('published'),
  Type.Literal('rejected'),
]);

// Days go out as plain strings ('YYYY-MM-DD'); no response-side format so the serializer never reinterprets them.
export const DayString = Type.String({ description: 'YYYY-MM-DD' });
export const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String() });
