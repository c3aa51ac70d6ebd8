import type { SeedStep } from '../seed/types.ts';
import { seededRandom } from '../seeded-random.ts';
import { addDays, today } from '../shared/days.ts';
import { insertFeedbackBatch, insertRule, insertStory, reapplyRules, setStoryStatus } from './queries.ts';
import { FILLS, SCENARIOS, SEED_RULES, SEED_STORIES, type Scenario } from './seed-content.ts';
import { checkRow, type FeedbackRow } from './validate.ts';

// A few hundred customer comments for the demo bank over the last three months, from templates and the
// project's seeded random (the same demo every start). They go through the same check and redaction as an
// upload, so the names and numbers in some templates arrive as [name], [phone], [number].

export const SEED_COMMENTS = 360;
/** The last two weeks come in denser, as a live feed does, so this week's digest has something to show. */
export const RECENT_COMMENTS = 200;
const RECENT_DAYS = 14;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function scoreFor(random: () => number, mood: Scenario['mood'], kind: 'nps' | 'csat' | 'ces'): number {
  const r = random();
  if (kind === 'nps')
    return mood === 'promoter'
      ? r < 0.6
        ? 10
        : 9
      : mood === 'detractor'
        ? Math.floor(r * 6) + 1
        : 7 + Math.round(r);
  if (kind === 'csat') return mood === 'promoter' ? 5 : mood === 'detractor' ? 1 + Math.round(r) : 3;
  return mood === 'promoter' ? 7 - Math.round(r) : mood === 'detractor' ? 1 + Math.round(r * 2) : 4;
}

/** The generated rows, oldest first (exported for the seed test and the bench's realistic text). */
export function demoFeedback(
  count = SEED_COMMENTS,
  todayDay = today(),
  seed = 16,
  recent = false,
): FeedbackRow[] {
  const random = seededRandom(seed);
  const rows: FeedbackRow[] = [];
  const weightOf = (scenario: Scenario, month: number) => scenario.weights[month]!;
  for (let i = 0; i < count; i++) {
    const month = recent ? 2 : Math.min(2, Math.floor((i / count) * 3));
    const total = SCENARIOS.reduce((sum, scenario) => sum + weightOf(scenario, month), 0);
    let ticket = random() * total;
    const scenario = SCENARIOS.find((entry) => (ticket -= weightOf(entry, month)) < 0) ?? SCENARIOS[0]!;
    const text = pick(random, scenario.templates).replace(/\{(\w+)\}/g, (_m, slot: string) =>
      slot === 'account'
        ? String(10_000_000 + Math.floor(random() * 89_999_999))
        : pick(random, FILLS[slot] ?? ['']),
    );
    const kind = i % 5 === 3 ? 'csat' : i % 7 === 5 ? 'ces' : 'nps';
    // Spread over the 90 days before today (the recent batch: the last 14), oldest first.
    const span = recent ? RECENT_DAYS : 90;
    const day = addDays(todayDay, -(span - 1) + Math.floor((i / count) * span));
    const fields: Record<string, unknown> = {
      id: `demo-${recent ? 'recent-' : ''}${String(i).padStart(4, '0')}`,
      text,
      score: scoreFor(random, scenario.mood, kind),
      kind,
      day,
      channel: pick(random, scenario.channel),
      stage: scenario.stage,
      product: scenario.product,
    };
    const checked = checkRow(
      (field) => fields[field],
      {
        text: 'text',
        date: 'day',
        score: 'score',
        scoreKindColumn: 'kind',
        channel: 'channel',
        stage: 'stage',
        externalId: 'id',
        product: 'product',
      },
      todayDay,
    );
    if (checked.ok) rows.push(checked.row);
  }
  return rows;
}

export const seed: SeedStep = async (app, result) => {
  const departments = new Map(
    (await app.db.selectFrom('department').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  const rows = [...demoFeedback(), ...demoFeedback(RECENT_COMMENTS, today(), 17, true)];
  const staff = await app.db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'moderator')
    .executeTakeFirst();
  let stories = 0;
  await app.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200) await insertFeedbackBatch(trx, null, rows.slice(i, i + 200));
    for (const rule of SEED_RULES) {
      const departmentId = departments.get(rule.department);
      if (!departmentId) continue;
      await insertRule(trx, {
        departmentId,
        stage: rule.stage ?? null,
        channel: rule.channel ?? null,
        keyword: rule.keyword ?? null,
      });
    }
    await reapplyRules(trx);
    for (const story of SEED_STORIES) {
      const departmentId = departments.get(story.department);
      if (!departmentId) continue;
      const scenarioTexts = new Set(
        SCENARIOS.filter((entry) => entry.stage === story.stage && entry.mood === story.mood).flatMap(
          (entry) => entry.templates.map((template) => template.slice(0, 25)),
        ),
      );
      const row = [...rows]
        .reverse()
        .find((entry) => entry.stage === story.stage && scenarioTexts.has(entry.text.slice(0, 25)));
      if (!row) continue;
      const feedback = await trx
        .selectFrom('customer_feedback')
        .select('id')
        .where('external_id', '=', row.externalId)
        .executeTakeFirstOrThrow();
      await insertStory(trx, {
        feedbackId: feedback.id,
        departmentId,
        title: story.title,
        text: row.text,
        staffId: staff?.id ?? null,
      });
      await setStoryStatus(trx, feedback.id, 'shared');
      stories++;
    }
  });
  app.contentEvents.changed({ source: 'customer' });
  result.notes.push(
    `customer voice: ${rows.length} customer comments over three months, ${SEED_RULES.length} mapping rules, ${stories} curated stories`,
  );
};
