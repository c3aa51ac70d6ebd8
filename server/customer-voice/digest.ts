import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Digest } from '../../common/api/customer-voice.ts';
import { addDays, today } from '../shared/days.ts';
import { releasable, suppress } from '../shared/min-group.ts';
import { getSettings } from '../shared/settings.ts';
import { isoWeek, mondayOf, shiftWeek } from '../shared/weeks.ts';
import {
  latestStoryIds,
  themesAlongside,
  weeklyScores,
  weekThemes,
  type WeekScores,
} from './digest-queries.ts';
import { listStories } from './queries.ts';

// The weekly voice-of-the-customer digest of one department: this week's score and sentiment against the
// week before, the top customer themes, a few curated stories, and customer themes beside employee themes.
// k applies to customers as to employees: no number comes from fewer than k comments, and the week's theme
// counts are suppressed together with the week's total so no hidden theme is their difference. The trend
// shows scores only, never weekly counts, so weeks cannot be subtracted from the department page's months.

const TREND_WEEKS = 8;
const ALONGSIDE_WEEKS = 13;
const TOP_THEMES = 5;
const STORIES = 3;
const ALONGSIDE = 8;

const round1 = (value: number) => Math.round(value * 10) / 10;

function scoresOf(row: WeekScores | undefined, k: number) {
  return {
    nps:
      row && releasable(row.nps_n, k)
        ? Math.round((100 * (row.promoters - row.detractors)) / row.nps_n)
        : null,
    csat: row && releasable(row.csat_n, k) ? round1(row.csat_sum / row.csat_n) : null,
    ces: row && releasable(row.ces_n, k) ? round1(row.ces_sum / row.ces_n) : null,
  };
}

const change = (now: number | null, before: number | null) =>
  now === null || before === null ? null : round1(now - before);

/** Percentages that add up to 100 (largest remainder). */
function shares(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const exact = counts.map((count) => (100 * count) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest)
    .forEach(({ index }) => left-- > 0 && floors[index]!++);
  return floors;
}

export async function weeklyDigest(
  db: Kysely<Database>,
  department: { id: string; name: string },
  week: string,
): Promise<Digest> {
  const { minimumGroupSize: k } = await getSettings(db);
  const monday = mondayOf(week)!;
  const sunday = addDays(monday, 6);
  const firstTrendMonday = mondayOf(shiftWeek(week, -(TREND_WEEKS - 1)))!;
  const firstAlongsideMonday = mondayOf(shiftWeek(week, -(ALONGSIDE_WEEKS - 1)))!;
  const [weeks, themes, alongside, storyIds, stories] = await Promise.all([
    weeklyScores(db, department.id, firstTrendMonday, sunday),
    weekThemes(db, department.id, monday, sunday),
    themesAlongside(db, department.id, firstAlongsideMonday, sunday),
    latestStoryIds(db, department.id, STORIES),
    listStories(db, department.id, 200),
  ]);
  const byMonday = new Map(weeks.map((row) => [row.monday, row]));
  const current = byMonday.get(monday);
  const before = byMonday.get(addDays(monday, -7));
  const now = scoresOf(current, k);
  const then = scoresOf(before, k);
  const responses = current?.responses ?? 0;

  const shownThemes = suppress(
    themes.map((theme, index) => ({ key: String(index), count: theme.count })),
    k,
    responses,
  );
  const banded = current && releasable(current.scored, k) ? current : null;
  const [positive, neutral, negative] = banded
    ? shares([banded.positive, banded.scored - banded.positive - banded.negative, banded.negative])
    : [];

  const thisWeek = isoWeek(today());
  return {
    department,
    minimumGroupSize: k,
    week,
    from: monday,
    to: sunday,
    previousWeek: shiftWeek(week, -1),
    nextWeek: week < thisWeek ? shiftWeek(week, 1) : null,
    responses: releasable(responses, k) ? responses : null,
    scores: {
      nps: { value: now.nps, change: change(now.nps, then.nps) },
      csat: { value: now.csat, change: change(now.csat, then.csat) },
      ces: { value: now.ces, change: change(now.ces, then.ces) },
    },
    sentiment: banded ? { positive: positive!, neutral: neutral!, negative: negative! } : null,
    trend: Array.from({ length: TREND_WEEKS }, (_, i) => {
      const start = addDays(firstTrendMonday, i * 7);
      return { week: isoWeek(start), ...scoresOf(byMonday.get(start), k) };
    }),
    themes: themes
      .map((theme, index) => ({ theme, shown: shownThemes.cells[index]! }))
      .filter(({ shown }) => !shown.suppressed && shown.count !== null && shown.count > 0)
      .slice(0, TOP_THEMES)
      .map(({ theme }) => ({
        label: theme.label,
        keywords: theme.keywords,
        count: theme.count,
        sentiment: Math.round(theme.sentiment * 100) / 100,
      })),
    stories: storyIds
      .map((id) => stories.find((story) => story.id === id))
      .filter((story) => story !== undefined),
    alongside: alongside
      .map((row) => {
        const customers = releasable(row.customers, k) ? row.customers : null;
        const employees = releasable(row.employees, k) ? row.employees : null;
        return {
          label: row.label,
          keywords: row.keywords,
          customers,
          employees,
          employeeQuote: employees !== null ? row.employee_quote : null,
          both: customers !== null && employees !== null,
        };
      })
      // A theme where neither side reaches k says nothing anyone may read.
      .filter((row) => row.customers !== null || row.employees !== null)
      .sort(
        (a, b) =>
          Number(b.both) - Number(a.both) ||
          (b.customers ?? 0) + (b.employees ?? 0) - ((a.customers ?? 0) + (a.employees ?? 0)) ||
          a.label.localeCompare(b.label),
      )
      .slice(0, ALONGSIDE),
  };
}
