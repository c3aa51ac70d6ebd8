import { expect, test } from 'vitest';
import { givenRatings, repeat } from '../handoffs/helpers.ts';
import { portal } from './harness.ts';

const p = portal();
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

test('an employee rates a handoff with a kudos; the moderator approves it; the team page shows the score at k', async () => {
  // Through the admin API, as an admin adds a team: that makes the team's handoff token keys at once.
  // (Inserted straight into the database, the team got its keys only from the hourly job, and on a
  // loaded machine that job's first tick could come before the team existed: no token to rate with.)
  const admin = await p.staff('admin');
  const addTeam = async (payload: object) => {
    const response = await p.app.inject({
      method: 'POST',
      url: '/api/admin/departments',
      headers: admin.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const it = await addTeam({
    name: 'IT',
    kind: 'backstage',
    description: 'Service desk, networks and laptops.',
  });
  const contact = await addTeam({ name: 'Contact Centre', kind: 'frontstage' });
  // k − 1 colleagues rated IT this month already (k = 5): the score is still hidden.
  await givenRatings(p.app, it, repeat(4, { effort: 6, outcome: 4 }));
  const moderator = await p.staff('moderator');

  const reader = await p.newPage();
  await reader.setViewportSize(PHONE);
  await reader.goto(`${p.url}/#/departments/${it}`);
  await reader.getByRole('heading', { name: 'How working with IT goes' }).waitFor();
  await expect.poll(() => reader.getByText('hidden — fewer than 5 people').count()).toBeGreaterThan(0);
  await p.screenshot(reader, 'handoff-department-hidden-390');

  // 1. A Contact Centre employee rates IT and raises a kudos alert.
  const author = await p.employee(contact);
  await author.goto(`${p.url}/#/handoff`);
  await author.getByRole('heading', { name: 'Rate a handoff' }).waitFor();
  await author.getByLabel('Team', { exact: true }).selectOption({ label: 'IT' });
  await author.getByRole('button', { name: 'Ease 7' }).click();
  await author.getByRole('button', { name: 'Outcome 5' }).click();
  const story =
    'The service desk swapped a broken card reader before the branch opened. Customers never noticed.';
  await author.getByLabel('Comment (optional)').fill(story);
  await author.getByLabel(/This deserves a kudos/).check();
  await p.screenshot(author, 'handoff-rate-filled');
  await author.getByRole('button', { name: 'Send rating' }).click();
  // The first handoff token is fetched on this click, behind the enrolment's refill (slow on a loaded
  // machine); an error notice instead fails at once with what it says.
  const thanks = author.getByRole('heading', { name: 'Thank you' });
  await thanks.or(author.locator('.notice.error')).first().waitFor({ timeout: 150_000 });
  expect(await thanks.isVisible(), await author.locator('main').innerText()).toBe(true);
  // The outbox sends it at a random (compressed) moment.
  await expect
    .poll(async () => (await p.app.db.selectFrom('handoff_rating').select('id').execute()).length, {
      timeout: 30_000,
    })
    .toBe(5);
  const kudos = await p.app.db.selectFrom('kudos').select(['story', 'moderation']).execute();
  expect(kudos).toEqual([{ story, moderation: 'pending' }]);

  // 2. The moderator approves the kudos, then publishes the comment and sees IT side by side.
  const mod = await p.newPage();
  await mod.setViewportSize(DESKTOP);
  await p.signIn(mod, moderator);
  await mod.goto(`${p.url}/#/mod/kudos`);
  await mod.getByText('The service desk swapped a broken card reader').waitFor();
  await mod.getByRole('button', { name: 'Publish', exact: true }).click();
  await mod.getByText('No kudos waits for a decision.').waitFor();
  await mod.goto(`${p.url}/#/mod/handoffs`);
  await mod.getByRole('heading', { name: 'Handoff ratings' }).waitFor();
  await mod.getByText('The service desk swapped a broken card reader').waitFor();
  await p.screenshot(mod, 'handoff-mod-1280');
  await mod.getByRole('button', { name: 'Publish', exact: true }).click();
  await mod.getByText('No comment in this list.').waitFor();
  await mod.getByRole('button', { name: 'By change' }).click();
  await mod.getByRole('button', { name: 'By change', pressed: true }).waitFor();
  await mod.setViewportSize(PHONE);
  await p.screenshot(mod, 'handoff-mod-390');
  expect(await p.app.db.selectFrom('kudos').select('moderation').executeTakeFirstOrThrow()).toEqual({
    moderation: 'published',
  });

  // 3. With k people the department page shows IT's score, its distribution and the published comment.
  for (const [size, viewport] of [
    ['1280', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await reader.setViewportSize(viewport);
    await reader.goto(`${p.url}/#/departments/${it}`);
    await reader.reload();
    await reader.getByRole('heading', { name: 'How working with IT goes' }).waitFor();
    await reader.getByText('5 people').first().waitFor();
    await reader.getByText(story).first().waitFor();
    await p.screenshot(reader, `handoff-department-${size}`);
  }
  const scores = await reader.locator('.score strong').allTextContents();
  // (4 × 6 + 7) / 5 = 6.2
  expect(scores).toContain('6.2');
}, 300_000);
