import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../server/shared/settings.ts';
import { themesJob } from '../../server/themes/job.ts';
import { questionLines } from '../../server/themes/view.ts';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';
import { dayOffset, givenPulse } from '../pulses/helpers.ts';
import { CANTEEN, daysAgo, publishSuggestions } from './fixtures.ts';

// Pulse comments answer different questions: a theme's pulse comments are charted one line per question
// (a repeated question is one line) and one point per asking, with points below k suppressed.

const t = build();
let moderator: SignedInStaff;
const K = 3;

const COMMUTE = 'What one thing would make your commute easier?';
const OFFICE = 'What should we change about the office?';

const PARKING_ANSWERS = [
  'More parking spaces, the staff car park is full by eight.',
  'The car park is always full, there are never any parking spaces left.',
  'We need more parking spaces in the car park.',
  'Staff parking spaces in the car park are full before nine.',
  'The car park is full every morning, add more parking spaces.',
  'There are not enough parking spaces in the staff car park.',
  'The staff car park is full so I lose half an hour finding a parking space.',
  'No parking spaces left in the car park after eight.',
  'Please add parking spaces, the car park is full every day.',
  'The car park fills up too early, we need more parking spaces.',
  'More parking spaces please, the staff car park is always full.',
  'The car park is full again, more parking spaces would help.',
  'Finding a parking space in the full car park takes ages.',
  'The staff car park needs more parking spaces, it is full by eight.',
];

interface QuestionJson {
  question: string;
  points: Array<{ askedOn: string; count: number | null; suppressed: boolean }>;
}
interface ModThemeJson {
  id: string;
  label: string;
  sources: Array<{ source: string; count: number }>;
  questions: QuestionJson[];
}

const modThemes = async (query = '') => {
  const response = await t.app.inject({ url: `/api/mod/themes${query}`, headers: moderator.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().themes as ModThemeJson[];
};

/** The theme items of the moderators' snapshot, straight from the table. */
const storedItems = () =>
  t.app.db
    .selectFrom('theme_item')
    .select([
      'item_id',
      'theme_id',
      'source',
      'prompt',
      sql<string | null>`prompt_asked_on::text`.as('askedOn'),
    ])
    .where('scope', '=', 'all')
    .execute();

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  await updateSettings(t.app.db, { minimumGroupSize: K, moderationMode: 'post' });
  // Other text for the themes: canteen suggestions over the last weeks.
  await publishSuggestions(t.app.db, CANTEEN, (i) => daysAgo(1 + ((i * 3) % 40)));
  // Earlier askings (closed pulses cannot be scheduled over HTTP): the commute question twice, the office
  // question once with only two parking comments (below k).
  // Three more answers without a comment each time: every asking has at least k answers (its comments are
  // read at all only then).
  const answers = (comments: string[]) => [
    ...comments.map((comment, i) => ({ score: 3 + (i % 7), comment })),
    ...[5, 6, 7].map((score) => ({ score })),
  ];
  await givenPulse(
    t.app,
    { question: COMMUTE, opensOn: dayOffset(-21), closesOn: dayOffset(-21) },
    answers(PARKING_ANSWERS.slice(0, 5)),
  );
  await givenPulse(
    t.app,
    { question: OFFICE, opensOn: dayOffset(-14), closesOn: dayOffset(-14) },
    answers(PARKING_ANSWERS.slice(5, 7)),
  );
  await givenPulse(
    t.app,
    { question: COMMUTE, opensOn: dayOffset(-7), closesOn: dayOffset(-7) },
    answers(PARKING_ANSWERS.slice(7, 11)),
  );
  // Today's asking of the office question, scheduled and answered over HTTP (one token per person).
  const scheduled = await t.app.inject({
    method: 'POST',
    url: '/api/mod/pulses',
    headers: moderator.headers,
    payload: { question: OFFICE, scale: '0-10', opensOn: dayOffset(0), closesOn: dayOffset(0) },
  });
  expect(scheduled.statusCode, scheduled.body).toBe(201);
  const pulseId = scheduled.json().id as string;
  for (const comment of PARKING_ANSWERS.slice(11, 14)) {
    const member = await enrolMember(t.app);
    const [token] = await member.tokens(`pulse:${pulseId}`);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/pulses/${pulseId}/responses`,
      headers: { authorization: token! },
      payload: { score: 4, comment },
    });
    expect(answered.statusCode, answered.body).toBe(201);
  }
  await themesJob(t.app).idle();
  const recomputed = await t.app.inject({
    method: 'POST',
    url: '/api/mod/themes/recompute',
    headers: moderator.headers,
  });
  expect(recomputed.statusCode).toBe(200);
});

describe('pulse questions in the themes', () => {
  it('keeps the question and the day it was asked with every pulse comment, and nothing with other text', async () => {
    const asked = new Map(
      (
        await t.app.db
          .selectFrom('pulse_response as r')
          .innerJoin('pulse as p', 'p.id', 'r.pulse_id')
          .select(['r.id', 'p.question', sql<string>`p.opens_on::text`.as('opensOn')])
          .execute()
      ).map((row) => [row.id, row]),
    );
    const items = await storedItems();
    const pulseItems = items.filter((item) => item.source === 'pulse');
    expect(pulseItems.length).toBeGreaterThan(0);
    for (const item of pulseItems) {
      const response = asked.get(item.item_id)!;
      expect(item.prompt).toBe(response.question);
      expect(item.askedOn).toBe(response.opensOn);
    }
    for (const item of items.filter((item) => item.source !== 'pulse')) {
      expect(item.prompt).toBeNull();
      expect(item.askedOn).toBeNull();
    }
  });

  it('charts a theme one line per question, one point per asking, as the stored items count them', async () => {
    const items = await storedItems();
    const themes = await modThemes();
    const pulseCount = (theme: ModThemeJson) =>
      theme.sources.find((source) => source.source === 'pulse')?.count ?? 0;
    const parking = [...themes].sort((a, b) => pulseCount(b) - pulseCount(a))[0]!;
    // At least six: the engine makes two themes of these answers ("Parking spaces", "Staff car": its
    // meaning term sets them apart), and what is tested here is how one theme's pulse comments are charted.
    expect(pulseCount(parking)).toBeGreaterThanOrEqual(6);
    const stored = items.filter((item) => item.theme_id === parking.id && item.source === 'pulse');
    expect(stored).toHaveLength(pulseCount(parking));

    // One line per distinct question, its points the askings in the theme, oldest first.
    const expected = new Map<string, Map<string, number>>();
    for (const item of stored) {
      const line = expected.get(item.prompt!) ?? new Map<string, number>();
      line.set(item.askedOn!, (line.get(item.askedOn!) ?? 0) + 1);
      expected.set(item.prompt!, line);
    }
    expect(parking.questions.map((line) => line.question).sort()).toEqual([...expected.keys()].sort());
    expect(expected.has(COMMUTE)).toBe(true);
    expect(expected.get(COMMUTE)!.size).toBe(2); // asked twice: one line, two points
    for (const line of parking.questions) {
      const counts = expected.get(line.question)!;
      expect(line.points.map((point) => point.askedOn)).toEqual([...counts.keys()].sort());
      for (const point of line.points) {
        const count = counts.get(point.askedOn)!;
        if (count < K) expect(point).toEqual({ askedOn: point.askedOn, count: null, suppressed: true });
        if (!point.suppressed) expect(point.count).toBe(count);
      }
    }
    // Whatever is hidden cannot be recovered from the shown pulse total: 0 or at least k.
    const shown = parking.questions
      .flatMap((line) => line.points)
      .reduce((sum, point) => sum + (point.count ?? 0), 0);
    const hidden = pulseCount(parking) - shown;
    expect(hidden === 0 || hidden >= K).toBe(true);
    // The data exercises both: an asking shown as a number, one hidden (two comments, below k).
    expect(parking.questions.some((line) => line.points.some((point) => point.suppressed))).toBe(true);
    expect(parking.questions.some((line) => line.points.some((point) => !point.suppressed))).toBe(true);
  });

  it('a theme without pulse comments has no question lines; employees never get them', async () => {
    const themes = await modThemes('?source=suggestion');
    expect(themes.length).toBeGreaterThan(0);
    for (const theme of themes) expect(theme.questions).toEqual([]);
    const published = await t.app.inject({ url: '/api/themes' });
    expect(published.statusCode).toBe(200);
    for (const theme of published.json().themes) {
      expect(theme).not.toHaveProperty('questions');
      expect(theme).not.toHaveProperty('quoteItems');
    }
  });
});

describe('question lines (suppression)', () => {
  const pulse = (prompt: string | null, promptAskedOn: string | null) => ({
    source: 'pulse' as const,
    prompt,
    promptAskedOn,
  });
  const times = <T>(n: number, item: T) => Array.from({ length: n }, () => item);

  it('hides a point below k and, against the shown total, the next smallest too', () => {
    const lines = questionLines(
      [
        ...times(6, pulse('A?', '2026-01-05')),
        ...times(4, pulse('A?', '2026-01-19')),
        ...times(2, pulse('B?', '2026-01-12')),
      ],
      3,
    );
    expect(lines).toEqual([
      {
        question: 'A?',
        points: [
          { askedOn: '2026-01-05', count: 6, suppressed: false },
          { askedOn: '2026-01-19', count: null, suppressed: true },
        ],
      },
      { question: 'B?', points: [{ askedOn: '2026-01-12', count: null, suppressed: true }] },
    ]);
  });

  it('counts comments saved without their question in the hidden part', () => {
    const lines = questionLines([...times(5, pulse('A?', '2026-01-05')), pulse(null, null)], 3);
    // 6 shown in sources, 5 on the line: the 1 left over would be a small group, so the point is hidden.
    expect(lines[0]!.points[0]).toEqual({ askedOn: '2026-01-05', count: null, suppressed: true });
  });
});
