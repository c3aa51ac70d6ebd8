import type { SeedStep } from '../seed/types.ts';
import { seededRandom } from '../seeded-random.ts';
import { piiKinds } from '../../common/pii.ts';
import { insertSuggestion } from './queries.ts';
import { SEED_PENDING, SEED_REJECTED, SEED_THEMES, SEED_THREADS, type Trend } from './seed-content.ts';
import { addThreadMessage } from '../shared/threads/messages.ts';
import { createReceipt } from '../shared/threads/receipts.ts';
import { DAY_MS, dayOf, daysAgo } from '../shared/days.ts';

/** How many days ago item `index` of `count` was written, following the theme's trend. */
function daysAgoFor(trend: Trend, index: number, count: number, rnd: () => number): number {
  const between = (from: number, to: number) => from + Math.floor(rnd() * (to - from + 1));
  const share = index / count;
  if (trend === 'rising') return share < 0.3 ? between(20, 89) : between(0, 13);
  if (trend === 'fading')
    return share < 0.7 ? between(55, 89) : share < 0.9 ? between(30, 54) : between(15, 29);
  return between(0, 89);
}

/** ~130 suggestions over the last 90 days: themes rising and fading, a queue, replies and outcomes. */
export const seed: SeedStep = async (app, result) => {
  // Deterministic (same demo every time) but irregular enough to look like real life.
  const rnd = seededRandom(20240917);
  const departments = new Map(
    (await app.db.selectFrom('department').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  const department = (name: string | null) => (name ? (departments.get(name) ?? null) : null);
  const created: { id: string; text: string; day: string }[] = [];
  let published = 0;

  await app.db.transaction().execute(async (trx) => {
    const add = async (input: Parameters<typeof insertSuggestion>[1]) => {
      const id = await insertSuggestion(trx, input);
      // A receipt exists for every item, as for real ones; nobody holds these.
      await createReceipt(trx, app.secrets, { kind: 'suggestion', itemId: id });
      created.push({ id, text: input.text, day: input.day! });
      return id;
    };

    for (const theme of SEED_THEMES) {
      const items = theme.texts.map((text, index) => {
        const age = daysAgoFor(theme.trend, index, theme.texts.length, rnd);
        const recentBoost = theme.trend === 'rising' && age < 14 ? 15 : 0;
        return {
          text,
          daysAgo: age,
          own: theme.authors[index % theme.authors.length]!,
          votes: Math.floor(rnd() * 26) + recentBoost,
        };
      });
      // The most supported item that has been around for a while carries the public response.
      const answered = [...items].filter((item) => item.daysAgo >= 4).sort((a, b) => b.votes - a.votes)[0];
      for (const item of items) {
        const outcome = item === answered ? theme.outcome : undefined;
        const underReview = !outcome && item.daysAgo > 7 && rnd() < 0.15;
        await add({
          text: item.text,
          concernsDepartmentId: department(theme.concerns),
          ownDepartmentId: department(item.own),
          moderation: 'published',
          reviewed: true,
          piiFlags: piiKinds(item.text),
          day: daysAgo(item.daysAgo),
          votes: item.votes,
          status: outcome?.status ?? (underReview ? 'under_review' : 'new'),
          response: outcome?.response ?? null,
          responseDay: outcome ? daysAgo(Math.max(0, item.daysAgo - 3)) : null,
        });
        published += 1;
      }
    }

    for (const [index, item] of SEED_PENDING.entries()) {
      await add({
        text: item.text,
        concernsDepartmentId: department(item.concerns),
        ownDepartmentId: department(item.own),
        moderation: 'pending',
        piiFlags: piiKinds(item.text),
        day: daysAgo(index % 4),
      });
    }
    for (const [index, item] of SEED_REJECTED.entries()) {
      await add({
        text: item.text,
        concernsDepartmentId: department(item.concerns),
        ownDepartmentId: null,
        moderation: 'rejected',
        reviewed: true,
        rejectReason: item.reason,
        piiFlags: piiKinds(item.text),
        day: daysAgo(12 + index * 9),
      });
    }

    for (const [opening, messages] of SEED_THREADS) {
      const item = created.find((entry) => entry.text.startsWith(opening));
      if (!item) continue;
      const start = new Date(`${item.day}T00:00:00Z`).getTime();
      for (const [index, [from, body]] of messages.entries()) {
        const day = dayOf(new Date(Math.min(Date.now(), start + (index + 1) * DAY_MS)));
        await addThreadMessage(trx, { kind: 'suggestion', itemId: item.id, from, body, day });
      }
    }
  });

  app.contentEvents.changed({ source: 'suggestion' });
  result.notes.push(
    `Suggestions: ${published} published on the board, ${SEED_PENDING.length} waiting in the moderation queue (#/mod/queue).`,
  );
};
