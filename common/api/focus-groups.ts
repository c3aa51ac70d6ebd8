import { Type, type Static } from 'typebox';
import { MAX_PROMPT_LENGTH } from '../focus-groups/protocol.ts';

export const FocusGroupParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Moderation = Type.Union([Type.Literal('pre'), Type.Literal('post')], {
  description: 'pre: messages wait for approval; post: visible at once, can be hidden later',
});
const Status = Type.Union([Type.Literal('upcoming'), Type.Literal('live'), Type.Literal('closed')]);

export const NewFocusGroupBody = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 120 }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    prompts: Type.Array(Type.String({ minLength: 1, maxLength: MAX_PROMPT_LENGTH }), {
      minItems: 1,
      maxItems: 20,
    }),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    capacity: Type.Optional(Type.Integer({ minimum: 3, maximum: 200, default: 12 })),
    moderation: Type.Optional(Moderation),
  },
  { additionalProperties: false },
);
export type NewFocusGroupBody = Static<typeof NewFocusGroupBody>;

const common = {
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  capacity: Type.Integer(),
  moderation: Moderation,
  status: Status,
  /** The token scope a seat spends. */
  scope: Type.String(),
};

export const PublicFocusGroup = Type.Object({ ...common, seatsLeft: Type.Integer() });
export const StaffFocusGroup = Type.Object({
  ...common,
  prompts: Type.Array(Type.String()),
  seats: Type.Integer(),
  pending: Type.Integer(),
});

export const SeatResponse = Type.Object({
  seat: Type.String({
    description: 'The seat secret: sent in the socket hello, stored only as a keyed hash',
  }),
  pseudonym: Type.String(),
});
