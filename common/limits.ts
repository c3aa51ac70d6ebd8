// Text limits both sides enforce: the server's schemas refuse beyond them, the client's forms count to them.

/** A suggestion's text, in characters. */
export const SUGGESTION_TEXT = { min: 10, max: 4000 } as const;

/** A kudos story, in characters. */
export const KUDOS_STORY = { min: 20, max: 1500 } as const;
