import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const DayString = Type.String({ description: 'YYYY-MM-DD' });
const DayInput = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (UTC day)' });
export const Scale = Type.Union([Type.Literal('0-10'), Type.Literal('1-5')]);
const MaybeCount = Type.Union([Type.Integer(), Type.Null()]);
const MaybeScore = Type.Union([Type.Number(), Type.Null()]);

export const IdParams = Type.Object({ id: Uuid });
export const CommentParams = Type.Object({ id: Uuid, commentId: Uuid });
const CommentModeration = Type.Union([
  Type.Literal('pending'),
  Type.Literal('published'),
  Type.Literal('hidden'),
]);
export const CommentDecisionBody = Type.Object(
  {
    action: Type.Union([Type.Literal('publish'), Type.Literal('hide')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const CommentDecided = Type.Object({ id: Type.String(), moderation: CommentModeration });

export const NewPulseBody = Type.Object(
  {
    question: Type.String({ minLength: 5, maxLength: 300 }),
    scale: Scale,
    opensOn: DayInput,
    closesOn: DayInput,
  },
  { additionalProperties: false },
);
export type NewPulseBody = Static<typeof NewPulseBody>;
export const PulseCreated = Type.Object({ id: Type.String(), scope: Type.String() });

export const Pulse = Type.Object({
  id: Type.String(),
  question: Type.String(),
  scale: Scale,
  opensOn: DayString,
  closesOn: DayString,
  scope: Type.String(),
  state: Type.Union([Type.Literal('scheduled'), Type.Literal('open'), Type.Literal('closed')]),
});
export const ModPulse = Type.Object({ ...Pulse.properties, answers: Type.Integer() });
export const ModPulses = Type.Object({ pulses: Type.Array(ModPulse) });

export const ResponseBody = Type.Object(
  {
    score: Type.Integer({ minimum: 0, maximum: 10 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
    ownDepartmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const Answered = Type.Object({ id: Type.String(), day: DayString });

const Cell = Type.Object({ key: Type.String(), count: MaybeCount, suppressed: Type.Boolean() });
export const Results = Type.Object({
  pulse: Pulse,
  minimumGroupSize: Type.Integer(),
  answers: Type.Integer(),
  /** False while the pulse is open: numbers are released once, when it closes (no before/after diffing). */
  released: Type.Boolean(),
  /** Answers per scale value; cells below k (and their complements) are null. */
  distribution: Type.Object({ cells: Type.Array(Cell), total: MaybeCount }),
  /** eNPS (0–10: % promoters 9–10 minus % detractors 0–6) or the average (1–5); null below k answers. */
  score: MaybeScore,
  scoreKind: Type.Union([Type.Literal('enps'), Type.Literal('average')]),
  breakdown: Type.Array(
    Type.Object({
      department: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
      count: MaybeCount,
      suppressed: Type.Boolean(),
      score: MaybeScore,
    }),
  ),
  /** Only once the pulse has at least k answers. */
  comments: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      day: DayString,
      piiFlags: Type.Optional(Type.Array(Type.String())),
      /** Moderators only: pending, published or hidden (with the reason). */
      moderation: Type.Optional(CommentModeration),
      hideReason: Type.Optional(Type.String()),
    }),
  ),
  commentsHidden: Type.Boolean(),
  trend: Type.Array(
    Type.Object({
      pulseId: Type.String(),
      opensOn: DayString,
      scale: Scale,
      question: Type.String(),
      score: MaybeScore,
    }),
  ),
});
