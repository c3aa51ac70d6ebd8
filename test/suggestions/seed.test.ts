import { beforeAll, expect, test } from 'vitest';
import { createDepartment } from '../../server/shared/departments.ts';
import { DEMO_DEPARTMENTS } from '../../server/seed/departments.ts';
import type { DemoSeedResult } from '../../server/seed/types.ts';
import { seed } from '../../server/suggestions/seed.ts';
import { seed as seedEnrolment } from '../../server/tokens/seed.ts';
import { build } from '../helpers/build.ts';

const t = build();
const result: DemoSeedResult = {
  admin: { username: '', password: '' },
  moderator: { username: '', password: '' },
  notes: [],
};
const daysAgo = (day: string) => Math.round((Date.now() - Date.parse(`${day}T12:00:00Z`)) / 86_400_000);

beforeAll(async () => {
  for (const department of DEMO_DEPARTMENTS) await createDepartment(t.app.db, department);
  // Teams enrolled first, as in the demo: a department label needs k members who could prove it.
  await seedEnrolment(t.app, result);
  await seed(t.app, result);
});

test('about 120 suggestions over the last 90 days, most published, some waiting, a few rejected', async () => {
  const rows = await t.app.db.selectFrom('suggestion').select(['moderation', 'day']).execute();
  expect(rows.length).toBeGreaterThanOrEqual(110);
  expect(rows.every((row) => daysAgo(row.day) >= 0 && daysAgo(row.day) <= 90)).toBe(true);
  const by = (state: string) => rows.filter((row) => row.moderation === state).length;
  expect(by('published')).toBeGreaterThan(100);
  expect(by('pending')).toBeGreaterThanOrEqual(5);
  expect(by('rejected')).toBeGreaterThanOrEqual(1);
  expect(result.notes.join('\n')).toMatch(/Suggestions: \d+ published/);
});

test('the loan-system theme rises in the last two weeks; the parking theme fades', async () => {
  const rows = await t.app.db
    .selectFrom('suggestion')
    .select(['text', 'day'])
    .where('moderation', '=', 'published')
    .execute();
  const recentShare = (pattern: RegExp) => {
    const matching = rows.filter((row) => pattern.test(row.text));
    return matching.filter((row) => daysAgo(row.day) <= 14).length / matching.length;
  };
  expect(recentShare(/loan (origination )?system|LOS outage|loan system/i)).toBeGreaterThan(0.5);
  expect(recentShare(/park/i)).toBeLessThan(0.1);
});

test('statuses across the lifecycle, public responses, replies, votes and PII flags on the queue', async () => {
  const statuses = await t.app.db
    .selectFrom('suggestion')
    .select('status')
    .where('moderation', '=', 'published')
    .execute();
  for (const status of ['new', 'under_review', 'planned', 'in_progress', 'done', 'wont_do']) {
    expect(statuses.map((row) => row.status)).toContain(status);
  }
  const responses = await t.app.db
    .selectFrom('suggestion')
    .select('id')
    .where('response', 'is not', null)
    .execute();
  expect(responses.length).toBeGreaterThanOrEqual(5);
  const messages = await t.app.db.selectFrom('thread_message').select(['sender']).execute();
  expect(messages.some((row) => row.sender === 'author')).toBe(true);
  const voted = await t.app.db.selectFrom('suggestion').select('votes').where('votes', '>', 10).execute();
  expect(voted.length).toBeGreaterThan(20);
  const flagged = await t.app.db
    .selectFrom('suggestion')
    .select('pii_flags')
    .where('moderation', '=', 'pending')
    .execute();
  const kinds = new Set(flagged.flatMap((row) => row.pii_flags));
  for (const kind of ['email', 'phone', 'person-name', 'branch-number']) expect(kinds).toContain(kind);
  // Every item has a receipt row, as real ones do.
  const receipts = await t.app.db
    .selectFrom('thread_receipt')
    .select('item_id')
    .where('kind', '=', 'suggestion')
    .execute();
  expect(receipts.length).toBe((await t.app.db.selectFrom('suggestion').select('id').execute()).length);
});

test('the board shows own departments only above k, with everyone else grouped', async () => {
  const board = (await t.app.inject({ method: 'GET', url: '/api/suggestions?sort=top' })).json();
  expect(board.total).toBeGreaterThan(100);
  expect(board.voices.length).toBeGreaterThan(2);
  for (const voice of board.voices) expect(voice.count).toBeGreaterThanOrEqual(5);
  expect(board.items[0].votes).toBeGreaterThanOrEqual(board.items.at(-1).votes);
});
