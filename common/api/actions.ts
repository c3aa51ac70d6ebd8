import { Type, type Static } from 'typebox';
import { DayString } from './primitives.ts';

// Actions from themes: a moderator's public promise made from a theme, on the "you said, we did" board.
// The public shape holds only what the moderator wrote, a status and days: never the theme it came from
// (a moderators' theme label can carry words from comments employees never saw).

const Uuid = Type.String({ format: 'uuid' });

/** The suggestions' lifecycle words from `planned` on; wire values are these exact strings. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'wont_do'] as const;
export const ActionStatus = Type.Union([
  Type.Literal('planned'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
  Type.Literal('wont_do'),
]);
export type ActionStatus = Static<typeof ActionStatus>;

export const ACTION_TITLE = { min: 3, max: 120 } as const;
export const ACTION_DESCRIPTION_MAX = 1000;
export const ACTION_RESPONSE_MAX = 2000;

export const ActionParams = Type.Object({ id: Uuid });

export const NewActionBody = Type.Object(
  {
    title: Type.String({ minLength: ACTION_TITLE.min, maxLength: ACTION_TITLE.max }),
    description: Type.Optional(Type.String({ maxLength: ACTION_DESCRIPTION_MAX })),
  },
  { additionalProperties: false },
);
export type NewActionBody = Static<typeof NewActionBody>;

export const ActionStatusBody = Type.Object(
  { status: ActionStatus, response: Type.Optional(Type.String({ maxLength: ACTION_RESPONSE_MAX })) },
  { additionalProperties: false },
);
export type ActionStatusBody = Static<typeof ActionStatusBody>;

export const ActionCreated = Type.Object({ id: Type.String() });

export const PublicAction = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: ActionStatus,
  response: Type.Union([Type.String(), Type.Null()]),
  day: DayString,
  updatedDay: DayString,
});
export type PublicAction = Static<typeof PublicAction>;
export const PublicActions = Type.Object({ actions: Type.Array(PublicAction) });

export const ModActionsQuery = Type.Object({ themeId: Type.Optional(Uuid) }, { additionalProperties: false });
/** The moderators' view adds the theme it came from (null once that theme row is gone). */
export const ModAction = Type.Object({
  ...PublicAction.properties,
  themeId: Type.Union([Type.String(), Type.Null()]),
});
export type ModAction = Static<typeof ModAction>;
export const ModActions = Type.Object({ actions: Type.Array(ModAction) });
