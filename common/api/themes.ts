import { Type, type Static } from 'typebox';

// Days go out as plain strings: no response-side format, so the serializer never reinterprets them.
const Day = Type.String({ description: 'YYYY-MM-DD' });
const Trend = Type.Union([
  Type.Literal('emerging'),
  Type.Literal('rising'),
  Type.Literal('steady'),
  Type.Literal('fading'),
]);
export const Source = Type.Union([
  Type.Literal('suggestion'),
  Type.Literal('kudos'),
  Type.Literal('pulse'),
  Type.Literal('focus-group'),
  Type.Literal('handoff'),
  Type.Literal('customer'),
]);

const Daily = Type.Array(Type.Object({ day: Day, count: Type.Integer({ minimum: 0 }) }));

/** DESIGN §6: the shape of a theme on GET /api/themes (and the base of the moderator's). */
const themeFields = {
  id: Type.String({ format: 'uuid' }),
  label: Type.String(),
  keywords: Type.Array(Type.String()),
  size: Type.Integer({ minimum: 0 }),
  trend: Trend,
  sentiment: Type.Number({ minimum: -1, maximum: 1 }),
  tone: Type.Object(
    {
      positive: Type.Number({ minimum: 0, maximum: 1 }),
      neutral: Type.Number({ minimum: 0, maximum: 1 }),
      negative: Type.Number({ minimum: 0, maximum: 1 }),
    },
    {
      description:
        "Shares of the theme's comments read as positive, neutral and negative (each comment's own sentiment): " +
        "the theme's sentiment is this distribution; `sentiment` is its mean.",
    },
  ),
  evidence: Type.Object(
    {
      days: Type.Integer({
        minimum: 1,
        description: 'The recent window the trend tested (14, or 28 for a fall).',
      }),
      recent: Type.Integer({ minimum: 0, description: 'Comments in that window.' }),
      usual: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
        description:
          "Comments a window that long had at the theme's earlier rate; null with too little history.",
      }),
      overall: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
        description:
          "All comments' rate in that window against their earlier rate (2: twice as many a day): a theme that grew " +
          'no faster than everything is steady.',
      }),
      portalWide: Type.Boolean({
        description:
          "The numbers (and the trend) are the theme's over everyone, beside a department's share.",
      }),
    },
    { description: 'What the trend was judged on, for a sentence that never argues with it.' },
  ),
  daily: Daily,
  quotes: Type.Array(Type.String(), {
    description: 'Most central published comments, personal data redacted.',
  }),
};

export const PublicTheme = Type.Object(themeFields);
export const PublicThemes = Type.Object({
  themes: Type.Array(PublicTheme),
  asOf: Type.Union([Day, Type.Null()], { description: 'Trends are measured against this day.' }),
  computedAt: Type.Union([Type.String({ description: 'ISO 8601 time' }), Type.Null()]),
});

export const PublicThemesQuery = Type.Object({
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 100,
      description: 'Only the first `limit` themes in rank order (the home page shows five).',
    }),
  ),
  department: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'Only comments concerning this department (its page). Sizes, trends and quotes are recomputed for ' +
        'them; themes with fewer than k such comments are left out.',
    }),
  ),
});

export const ModTheme = Type.Object({
  ...themeFields,
  /** Of `size`, how many are published (the rest are held back, customer feedback or otherwise not public). */
  published: Type.Integer({ minimum: 0 }),
  /**
   * Of `size`, how many are in the moderation queue now: held back for a decision (pre-moderation) or
   * published and not yet looked at (post-moderation). Not customer feedback, which is never reviewed,
   * nor what a moderator already decided on.
   */
  pending: Type.Integer({ minimum: 0 }),
  firstSeen: Day,
  pinned: Type.Boolean({
    description:
      "A moderator pinned it: listed first here, in the employees' ranking and on department pages.",
  }),
  test: Type.Object(
    {
      recent: Type.Integer(),
      baseline: Type.Integer(),
      ratio: Type.Union([Type.Number(), Type.Null()]),
      pValue: Type.Number(),
    },
    {
      description:
        'The trend test: comments in the recent window vs the baseline, rate ratio, one-sided p-value.',
    },
  ),
  sources: Type.Array(Type.Object({ source: Source, count: Type.Integer({ minimum: 0 }) })),
  departments: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      name: Type.String(),
      count: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
      suppressed: Type.Boolean(),
    }),
    {
      description:
        'Breakdown by the department a comment concerns; groups below k are suppressed (with complementary suppression).',
    },
  ),
  quoteItems: Type.Array(Type.Object({ itemId: Type.String(), text: Type.String() }), {
    description: 'The quotes with the comment each comes from (to move a comment to another theme).',
  }),
  questions: Type.Array(
    Type.Object({
      question: Type.String({ description: 'The pulse question, as asked.' }),
      points: Type.Array(
        Type.Object({
          askedOn: Day,
          count: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
          suppressed: Type.Boolean(),
        }),
      ),
    }),
    {
      description:
        "The theme's pulse comments, one line per question and one point per asking (the day it opened); a " +
        'point below k is suppressed, with complementary suppression against the pulse count in `sources`.',
    },
  ),
});

export const ModThemesQuery = Type.Object({
  source: Type.Optional(Source),
  days: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 3650, description: 'Only comments of the last N days.' }),
  ),
  department: Type.Optional(Type.String({ format: 'uuid' })),
});
export type ModThemesQuery = Static<typeof ModThemesQuery>;

/** A theme's comments come a page at a time (newest first): a long theme is not one long download. */
export const THEME_ITEMS_PAGE = 50;
export const ThemeItemsQuery = Type.Object({
  ...ModThemesQuery.properties,
  after: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}~[^~]{1,200}$',
      description: 'Where the page starts: the `next` of the page before (after that comment, newest first).',
    }),
  ),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      description: `Comments in this page (${THEME_ITEMS_PAGE} unless given).`,
    }),
  ),
});
export type ThemeItemsQuery = Static<typeof ThemeItemsQuery>;

export const ModThemes = Type.Object({
  themes: Type.Array(ModTheme),
  asOf: Type.Union([Day, Type.Null()]),
  computedAt: Type.Union([Type.String({ description: 'ISO 8601 time' }), Type.Null()]),
  itemCount: Type.Integer({ minimum: 0 }),
  unclustered: Type.Integer({ minimum: 0 }),
  minimumGroupSize: Type.Integer(),
  suppressedThemes: Type.Integer({
    minimum: 0,
    description: 'Themes hidden because the department filter left fewer than k comments.',
  }),
});

export const ThemeParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const ThemeItems = Type.Object({
  theme: Type.Object({
    id: Type.String(),
    label: Type.String(),
    keywords: Type.Array(Type.String()),
    trend: Trend,
  }),
  /** Comments with these filters in all pages. */
  total: Type.Integer({ minimum: 0 }),
  /** `after` for the next page; null when this page is the last. */
  next: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      source: Source,
      text: Type.String(),
      day: Day,
      published: Type.Boolean(),
      status: Type.Union([Type.String(), Type.Null()]),
      departmentId: Type.Union([Type.String(), Type.Null()]),
      departmentName: Type.Union([Type.String(), Type.Null()]),
      sentiment: Type.Number(),
    }),
  ),
});

export const ThemeSplitProposal = Type.Object({
  /** The comments proposed to split off (every copy of their texts); empty: too few different comments. */
  itemIds: Type.Array(Type.String()),
  /** A name for them ('' when none stands out). */
  name: Type.String(),
  /** Different texts the proposal looked at (the most repeated, then the most typical, up to a limit). */
  considered: Type.Integer({ minimum: 0 }),
  /** Different texts the theme has. */
  distinctTexts: Type.Integer({ minimum: 0 }),
});

export const ThemeCorrectionBody = Type.Union(
  [
    Type.Object(
      { kind: Type.Literal('rename'), label: Type.String({ minLength: 2, maxLength: 80, pattern: '\\S' }) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('merge'),
        into: Type.String({
          format: 'uuid',
          description: 'The theme this one is merged into (it keeps its name).',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Object({ kind: Type.Literal('pin') }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('hide') }, { additionalProperties: false }),
    Type.Object(
      {
        kind: Type.Literal('move'),
        into: Type.String({ format: 'uuid', description: 'The theme the comments belong to.' }),
        itemIds: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
          minItems: 1,
          maxItems: 500,
          uniqueItems: true,
          description: 'Comments of this theme to move.',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('split'),
        itemIds: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
            minItems: 1,
            maxItems: 500,
            uniqueItems: true,
            description: 'Comments of this theme that form the new theme.',
          }),
        ),
        keywords: Type.Optional(
          Type.Array(Type.String({ minLength: 2, maxLength: 60, pattern: '\\S' }), {
            minItems: 1,
            maxItems: 10,
            description: 'Or: the comments of this theme that mention any of these words form the new theme.',
          }),
        ),
        label: Type.Optional(Type.String({ minLength: 2, maxLength: 80, pattern: '\\S' })),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'Rename, merge into another theme, move comments to another theme, split comments (chosen, or those ' +
      'mentioning keywords) into a new theme, pin to the top, or hide as noise.',
  },
);
export type ThemeCorrectionBody = Static<typeof ThemeCorrectionBody>;

export const ThemeCorrections = Type.Object({
  corrections: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      kind: Type.Union([
        Type.Literal('rename'),
        Type.Literal('merge'),
        Type.Literal('pin'),
        Type.Literal('hide'),
        Type.Literal('move'),
        Type.Literal('split'),
      ]),
      themeId: Type.String({ format: 'uuid' }),
      themeLabel: Type.Union([Type.String(), Type.Null()], {
        description: "The theme's label now; null when it is no longer a theme (merged away, hidden).",
      }),
      label: Type.Union([Type.String(), Type.Null()], { description: 'The name a rename or split gave.' }),
      intoThemeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
      intoThemeLabel: Type.Union([Type.String(), Type.Null()]),
      comments: Type.Integer({ minimum: 0, description: 'Comments a move or split took out.' }),
      by: Type.String(),
      day: Day,
    }),
  ),
});

export const CorrectionParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const Recomputed = Type.Object({
  computedAt: Type.Union([Type.String({ description: 'ISO 8601 time' }), Type.Null()]),
  themes: Type.Integer({ minimum: 0 }),
  itemCount: Type.Integer({ minimum: 0 }),
});
