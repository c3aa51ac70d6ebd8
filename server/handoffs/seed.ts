import type { SeedStep } from '../seed/types.ts';
import { piiKinds } from '../../common/pii.ts';
import { today } from '../shared/days.ts';
import { insertRating, insertRequestType } from './queries.ts';
import { SEED_KUDOS_ALERTS, SEED_TEAMS } from './seed-content.ts';

// Deterministic scatter, so every demo start looks the same and tests can rely on the shape.
const scatter = (typical: number, i: number, max: number) =>
  Math.min(max, Math.max(1, typical + ([0, 1, -1, 0, 2, -2, 1, 0, -1][i % 9] ?? 0)));

/** 'YYYY-MM-DD' days of the current calendar month and the two before it, `count` of them per month. */
function daysIn(monthsBack: number, count: number, todayDay: string): string[] {
  const now = new Date(`${todayDay}T00:00:00Z`);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
  const lastDay = monthsBack === 0 ? now.getUTCDate() : 28;
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(first);
    day.setUTCDate(1 + ((i * 7 + monthsBack * 3) % lastDay));
    return day.toISOString().slice(0, 10);
  });
}

/**
 * Three calendar months of handoff ratings for the backstage teams (most pass k each month; Facilities'
 * months and all of HR stay hidden), request types per team, comments in every moderation state, and a few
 * kudos alerts (published and waiting). Rows are written directly, as every seed does: no tokens.
 */
export const seed: SeedStep = async (app, result) => {
  const departments = new Map(
    (await app.db.selectFrom('department').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  const day = today();
  let ratings = 0;
  let pending = 0;
  await app.db.transaction().execute(async (trx) => {
    for (const [name, team] of Object.entries(SEED_TEAMS)) {
      const departmentId = departments.get(name);
      if (!departmentId) continue;
      const types: string[] = [];
      for (const label of team.requestTypes) types.push(await insertRequestType(trx, departmentId, label));
      let n = 0;
      for (const [slot, count] of team.perMonth.entries()) {
        for (const ratingDay of daysIn(2 - slot, count, day)) {
          const effort = scatter(team.effort, n, 7);
          const outcome = scatter(team.outcome, n + 4, 5);
          // Roughly every other rating has a comment: praise when it went well, constructive when not.
          const pool = effort >= 5 ? team.praise : team.constructive;
          const comment = n % 2 === 0 ? (pool[(n >> 1) % pool.length] ?? null) : null;
          // The newest comments wait for a moderator; one constructive one was hidden (named a colleague).
          const waiting = comment !== null && slot === 2 && n % 4 === 0;
          const hidden = comment !== null && !waiting && name === 'Loan Processing' && n === 2;
          const row = await insertRating(trx, {
            departmentId,
            requestTypeId: n % 3 === 2 ? null : (types[n % types.length] ?? null),
            effort,
            outcome,
            comment,
            piiFlags: comment ? piiKinds(comment) : [],
            kudosAlert: false,
            commentModeration: waiting ? 'pending' : hidden ? 'hidden' : 'published',
            reviewed: !waiting,
            day: ratingDay,
          });
          if (hidden)
            await trx
              .updateTable('handoff_rating')
              .set({ comment_hide_reason: 'Named a colleague; please describe the handoff, not the person.' })
              .where('id', '=', row.id)
              .execute();
          if (waiting) pending++;
          ratings++;
          n++;
        }
      }
    }
    for (const [index, alert] of SEED_KUDOS_ALERTS.entries()) {
      const departmentId = departments.get(alert.to);
      if (!departmentId) continue;
      // An alert is a top rating whose comment became a kudos story; recent, so it lands in this month.
      const alertDay = daysIn(0, index + 1, day)[index]!;
      const piiFlags = piiKinds(alert.story);
      const moderation = alert.published ? ('published' as const) : ('pending' as const);
      await insertRating(trx, {
        departmentId,
        requestTypeId: null,
        effort: 7,
        outcome: 5,
        comment: alert.story,
        piiFlags,
        kudosAlert: true,
        commentModeration: moderation,
        reviewed: alert.published,
        day: alertDay,
      });
      await app.kudosStories.create(trx, {
        departmentId,
        story: alert.story,
        moderation,
        piiFlags,
        day: alertDay,
        reviewed: alert.published,
      });
      ratings++;
    }
  });
  app.contentEvents.changed({ source: 'handoff' });
  app.contentEvents.changed({ source: 'kudos' });
  result.notes.push(
    `handoffs: ${ratings} ratings over three months (${pending} comments and ` +
      `${SEED_KUDOS_ALERTS.filter((alert) => !alert.published).length} kudos alerts waiting for a moderator)`,
  );
};
