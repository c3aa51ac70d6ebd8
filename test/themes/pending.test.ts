import { beforeAll, describe, expect, it } from 'vitest';
import { insertRating } from '../../server/handoffs/queries.ts';
import { insertKudos } from '../../server/kudos/queries.ts';
import { decideComment, insertPulse, insertResponse } from '../../server/pulses/queries.ts';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { given } from '../helpers/given.ts';
import { moderatorRequests } from '../helpers/moderation.ts';
import { CANTEEN, daysAgo, PARKING } from './fixtures.ts';

// The moderators' theme card says how many of a theme's comments wait for a moderator ('pending'):
// held back under pre-moderation, and published but not yet looked at under post-moderation (both are
// in the moderation queue). It follows the queue as moderators work, not the last recompute.

const t = build();
let moderator: { headers: Record<string, string> };
const ids: Record<'published' | 'unreviewed' | 'held', string[]> = {
  published: [],
  unreviewed: [],
  held: [],
};

interface ModTheme {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  pending: number;
}
const modThemes = async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: moderator.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().themes as ModTheme[];
};
const parkingTheme = async () => {
  const theme = (await modThemes()).find((theme) =>
    /park/i.test(`${theme.label} ${theme.keywords.join(' ')}`),
  );
  expect(theme, 'a parking theme').toBeDefined();
  return theme!;
};
/** The comments of a theme that are in the moderators' suggestion queue (`/api/mod/queue`), counted. */
const queued = async (themeId: string) => {
  const response = await t.app.inject({ method: 'GET', url: '/api/mod/queue', headers: moderator.headers });
  expect(response.statusCode, response.body).toBe(200);
  const queue = new Set((response.json().items as Array<{ id: string }>).map((item) => item.id));
  const members = await t.app.db
    .selectFrom('theme_item')
    .select('item_id')
    .where('scope', '=', 'all')
    .where('theme_id', '=', themeId)
    .execute();
  return members.filter((row) => queue.has(row.item_id)).length;
};

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  await t.app.db.transaction().execute(async (trx) => {
    const add = async (text: string, kind: keyof typeof ids, day: string) =>
      ids[kind].push(
        await insertSuggestion(trx, {
          text,
          concernsDepartmentId: null,
          ownDepartmentId: null,
          moderation: kind === 'held' ? 'pending' : 'published',
          reviewed: kind === 'published',
          piiFlags: [],
          day,
        }),
      );
    for (const [i, text] of PARKING.entries())
      await add(text, i < 7 ? 'published' : i < 10 ? 'unreviewed' : 'held', daysAgo(2 + i));
    for (const [i, text] of CANTEEN.entries()) await add(text, 'published', daysAgo(3 + i));
  });
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
});

describe("the moderators' pending count", () => {
  it('counts comments published unreviewed under post-moderation as well as those held back', async () => {
    const theme = await parkingTheme();
    const waiting = await queued(theme.id);
    // Three published unreviewed and two held back were written; the theme holds most of them.
    expect(waiting).toBeGreaterThanOrEqual(3);
    // Before: only status 'pending' (held back) counted, at most 2.
    expect(theme.pending).toBe(waiting);
    // Canteen comments were all reviewed.
    const canteen = (await modThemes()).find((other) => /canteen/i.test(other.label));
    expect(canteen?.pending).toBe(0);
  });

  it('drops as soon as a moderator reviews a comment, before any recompute', async () => {
    const before = await parkingTheme();
    const member = (
      await t.app.db
        .selectFrom('theme_item')
        .select('item_id')
        .where('scope', '=', 'all')
        .where('theme_id', '=', before.id)
        .where('item_id', 'in', ids.unreviewed)
        .executeTakeFirstOrThrow()
    ).item_id;
    const decided = await moderatorRequests(t, 'suggestions', () => moderator).decide(member, {
      action: 'publish',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await parkingTheme();
    expect(after.id).toBe(before.id);
    expect(after.pending).toBe(before.pending - 1);
    expect(after.pending).toBe(await queued(after.id));
  });

  it("reads every reviewed feature's queue: kudos, pulse comments and hand-off comments as well", async () => {
    const itDepartment = await departmentId(t.app, 'IT');
    const made = await t.app.db.transaction().execute(async (trx) => {
      const story = (reviewed: boolean) =>
        insertKudos(trx, {
          departmentId: itDepartment,
          story: 'IT rebuilt my laptop overnight before the audit.',
          moderation: 'published',
          piiFlags: [],
          reviewed,
        });
      const pulseId = await insertPulse(trx, {
        question: 'How was your week?',
        scale: '1-5',
        opensOn: daysAgo(3),
        closesOn: daysAgo(-3),
      });
      const answer = () =>
        insertResponse(trx, {
          pulseId,
          score: 3,
          comment: 'Too many meetings again.',
          ownDepartmentId: null,
          // Pre-moderation: held back until a moderator publishes it (the pulse comments' queue).
          commentModeration: 'pending',
        });
      const rating = (reviewed: boolean) =>
        insertRating(trx, {
          departmentId: itDepartment,
          requestTypeId: null,
          effort: 2,
          outcome: 4,
          comment: 'Quick fix, thank you.',
          piiFlags: [],
          kudosAlert: false,
          commentModeration: 'published',
          reviewed,
        });
      return {
        pulseId,
        kudos: [await story(false), await story(true)],
        pulse: [(await answer()).id, (await answer()).id],
        handoff: [(await rating(false)).id, (await rating(true)).id],
      };
    });
    // A moderator published the second pulse comment.
    expect(
      await decideComment(t.app.db, made.pulseId, made.pulse[1]!, { moderation: 'published', reason: null }),
    ).toBe(true);
    const awaiting = await t.app.themeSources.awaiting(t.app.db);
    for (const source of ['kudos', 'pulse', 'handoff'] as const) {
      const [waiting, reviewed] = made[source];
      expect(awaiting.get(source)?.has(waiting!), source).toBe(true);
      expect(awaiting.get(source)?.has(reviewed!), source).toBe(false);
    }
    expect(awaiting.get('suggestion')?.has(ids.published[0]!)).toBe(false);
    expect(awaiting.get('suggestion')?.has(ids.held[0]!)).toBe(true);
  });
});
