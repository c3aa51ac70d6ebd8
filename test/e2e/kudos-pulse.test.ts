import { expect, test } from 'vitest';
import { createDepartment } from '../../server/shared/departments.ts';
import { seed as seedKudos } from '../../server/kudos/seed.ts';
import { insertResponse } from '../../server/pulses/queries.ts';
import { seed as seedPulses } from '../../server/pulses/seed.ts';
import { DEMO_DEPARTMENTS } from '../../server/seed/departments.ts';
import { seed as seedSuggestions } from '../../server/suggestions/seed.ts';
import { themesJob } from '../../server/themes/job.ts';
import { portal } from './harness.ts';

const p = portal();
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('an employee thanks IT and answers the pulse; a moderator publishes the story and reads suppressed results', async () => {
  const it = await createDepartment(p.app.db, {
    name: 'IT',
    kind: 'backstage',
    description: 'Service desk, networks and laptops.',
  });
  const contact = await createDepartment(p.app.db, { name: 'Contact Centre', kind: 'frontstage' });
  const legal = await createDepartment(p.app.db, { name: 'Legal & Compliance', kind: 'backstage' });
  const [itId, contactId, legalId] = [it!, contact!, legal!];

  // A moderator schedules this week's pulse; colleagues have answered already (6 Contact Centre, 2 Legal, 3 undeclared).
  const moderator = await p.staff('moderator');
  const scheduled = await p.app.inject({
    method: 'POST',
    url: '/api/mod/pulses',
    headers: moderator.headers,
    payload: {
      question: 'How likely are you to recommend Greenroom Bank as a place to work?',
      scale: '0-10',
      opensOn: today(),
      closesOn: inDays(6),
    },
  });
  expect(scheduled.statusCode).toBe(201);
  const pulseId: string = scheduled.json().id;
  for (const [score, department] of [
    [9, contactId],
    [10, contactId],
    [8, contactId],
    [9, contactId],
    [6, contactId],
    [10, contactId],
    [4, legalId],
    [7, legalId],
    [8, null],
    [9, null],
    [3, null],
  ] as const) {
    await insertResponse(p.app.db, {
      pulseId,
      score,
      comment: score < 7 ? 'Too many system outages this week.' : null,
      ownDepartmentId: department,
    });
  }

  // 1. The employee thanks IT, is warned about a phone number and redacts it with one click.
  const author = await p.employee();
  await author.goto(`${p.url}/#/kudos`);
  await author.getByRole('heading', { name: 'Thank a team' }).waitFor();
  await author.getByLabel('Which team helped?').selectOption({ label: 'IT' });
  const story =
    'The service desk rebuilt my laptop in an hour so I could call back a customer about her mortgage. Call me on 07700 900123 to hear more.';
  await author.getByLabel('What did they do, and for whom?').fill(story);
  await author.getByText('This may identify you or someone else.').waitFor();
  await p.screenshot(author, 'kudos-pii-warning');
  await author.getByRole('button', { name: 'Redact all' }).click();
  await expect
    .poll(() => author.getByLabel('What did they do, and for whom?').inputValue())
    .not.toContain('07700');
  await author.getByRole('button', { name: 'Send kudos anonymously' }).click();
  await author.getByRole('heading', { name: /your kudos is on its way/ }).waitFor();
  const receipt = (await author.getByTestId('receipt').textContent())!.trim();
  expect(receipt).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}-[0-9A-Z]{6}$/);
  await p.screenshot(author, 'kudos-receipt');
  await author.getByText('✓ Sent.').waitFor();
  const row = await p.app.db
    .selectFrom('kudos')
    .select(['story', 'moderation', 'day', 'department_id'])
    .executeTakeFirstOrThrow();
  expect(row).toMatchObject({ moderation: 'pending', day: today(), department_id: itId });
  expect(row.story).not.toContain('07700');

  // 2. A tap picks a score on the home page; the card shows the choice and sends it only on confirm.
  await author.goto(`${p.url}/#/`);
  await author.getByText('How likely are you to recommend').waitFor();
  await p.screenshot(author, 'home-pulse-card');
  await author.getByRole('button', { name: 'Answer 7' }).first().click();
  await author.getByText('You picked').waitFor();
  // Changing one's mind before sending costs nothing.
  await author.getByRole('button', { name: 'Answer 9' }).first().click();
  expect(await author.getByRole('button', { name: 'Answer 9' }).first().getAttribute('aria-pressed')).toBe(
    'true',
  );
  await p.screenshot(author, 'home-pulse-confirm');
  expect(
    await p.app.db.selectFrom('pulse_response').select('id').where('pulse_id', '=', pulseId).execute(),
  ).toHaveLength(11);
  await author.getByRole('button', { name: 'Send answer 9' }).click();
  await author.getByText('Thank you — your answer is in.').waitFor();
  await p.screenshot(author, 'home-pulse-thanks');
  // The browser remembers (locally) that it answered: no second scale, just the thank-you.
  await author.goto(`${p.url}/#/pulse`);
  await author.getByRole('heading', { name: 'Weekly pulse' }).waitFor();
  await author.getByText('Thank you — your answer is in.').waitFor();
  await p.screenshot(author, 'pulse-page-answered');
  expect(
    await p.app.db.selectFrom('pulse_response').select('id').where('pulse_id', '=', pulseId).execute(),
  ).toHaveLength(12);

  // 3. The moderator publishes and features the story.
  const mod = await p.newPage();
  await p.signIn(mod, moderator);
  await mod.goto(`${p.url}/#/mod/kudos`);
  await mod.getByText('The service desk rebuilt my laptop').waitFor();
  await p.screenshot(mod, 'mod-kudos-queue');
  await mod.getByRole('button', { name: 'Publish', exact: true }).click();
  await mod.getByText('No kudos waits for a decision.').waitFor();
  await mod.getByRole('tab', { name: 'Published' }).click();
  await mod.getByRole('button', { name: 'Feature on home' }).click();
  await mod.getByText('★ featured').waitFor();
  await p.screenshot(mod, 'mod-kudos-published');

  // 4. While the pulse is open its numbers are not released, to moderators either (no before/after diffing).
  await mod.goto(`${p.url}/#/mod/pulses`);
  await mod.getByRole('link', { name: 'How likely are you to recommend' }).click();
  await mod.getByText('The numbers are released once, when the pulse closes').waitFor();
  expect(await mod.getByTestId('answers').textContent()).toBe('12');
  await p.screenshot(mod, 'mod-pulse-open');
  // A week later the pulse has closed. Legal's 2 answers are hidden — folded into one unnamed row, so
  // nobody learns that someone from Legal answered; the hidden remainder (2 + 4 undeclared) is ≥ k, so
  // Contact Centre's 6 show.
  await p.app.db
    .updateTable('pulse')
    .set({ opens_on: inDays(-7), closes_on: inDays(-1) })
    .where('id', '=', pulseId)
    .execute();
  await mod.goto(`${p.url}/#/mod/pulses`);
  await mod.getByRole('link', { name: 'How likely are you to recommend' }).click();
  await mod.getByRole('heading', { name: 'Breakdown' }).waitFor();
  const hiddenRow = mod.getByRole('row', { name: /Other departments/ });
  await expect.poll(() => hiddenRow.textContent()).toContain('hidden: fewer than 5');
  expect(await mod.getByRole('row', { name: /Legal & Compliance/ }).count()).toBe(0);
  await expect.poll(() => mod.getByRole('row', { name: /Contact Centre/ }).textContent()).toContain('6');
  expect(await mod.getByTestId('answers').textContent()).toBe('12');
  // Pulse comments are moderated like suggestions: a moderator hides one, with a reason.
  // They were answered post-moderated, so they are on the Published tab of the comment queue.
  await mod.getByRole('tab', { name: /^Published/ }).click();
  const comment = mod.getByRole('article', { name: 'Comment' }).first();
  await comment.getByLabel('Why hide it').fill('Describes a small team’s shift');
  await comment.getByRole('button', { name: 'Hide', exact: true }).click();
  await mod.getByRole('tab', { name: /^Hidden \(1\)/ }).click();
  await mod.getByText('Hidden because: Describes a small team’s shift').waitFor();
  const hidden = await p.app.db
    .selectFrom('pulse_response')
    .select(['comment_moderation', 'comment_hide_reason'])
    .where('comment_moderation', '=', 'hidden')
    .execute();
  expect(hidden).toEqual([
    { comment_moderation: 'hidden', comment_hide_reason: 'Describes a small team’s shift' },
  ]);
  await p.screenshot(mod, 'mod-pulse-results');
  await mod.goto(`${p.url}/#/mod/pulses`);
  await mod.getByRole('heading', { name: 'All pulses' }).waitFor();
  await p.screenshot(mod, 'mod-pulses');

  // 5. Everyone sees the story on IT's page, the recognition ranking, and the featured story at home.
  await author.goto(`${p.url}/#/departments/${itId}`);
  await author.getByText('The service desk rebuilt my laptop').waitFor();
  // Published stories are listed with their day, so their monthly counts are shown as counts.
  await author.getByText(/so its monthly count is shown as it is/).waitFor();
  await p.screenshot(author, 'department-it');
  await author.goto(`${p.url}/#/kudos`);
  await author.getByText('The service desk rebuilt my laptop').waitFor();
  await p.screenshot(author, 'kudos-page');
  await author.goto(`${p.url}/#/`);
  await author.getByRole('heading', { name: 'Thank-yous to the teams behind the scenes' }).waitFor();
  await p.screenshot(author, 'home-featured-kudos');
});

test('with the demo organisation: recognition, a department chart, and closed pulse results with trend and suppression', async () => {
  for (const department of DEMO_DEPARTMENTS) await createDepartment(p.app.db, department);
  const notes = {
    admin: { username: 'x', password: 'x' },
    moderator: { username: 'y', password: 'y' },
    notes: [] as string[],
  };
  await seedSuggestions(p.app, notes);
  await seedKudos(p.app, notes);
  await seedPulses(p.app, notes);
  await themesJob(p.app).recompute();

  const reader = await p.newPage();
  await reader.goto(`${p.url}/#/kudos`);
  await reader.getByRole('heading', { name: 'Recognition this month' }).waitFor();
  // Several teams are ranked over the last 30 days. Counts of published stories are shown as counts
  // (the story list recounts them anyway), small ones included.
  const ranking = reader.locator('.ranking li');
  await ranking.first().waitFor();
  expect(await ranking.first().locator('.rank').textContent()).toBe('1');
  expect(await reader.locator('.ranking li .count').count()).toBeGreaterThanOrEqual(5);
  expect(await reader.getByText('hidden: fewer than 5').count()).toBe(0);
  await p.screenshot(reader, 'demo-kudos-page');
  const it = await p.app.db
    .selectFrom('department')
    .select('id')
    .where('name', '=', 'IT')
    .executeTakeFirstOrThrow();
  await reader.goto(`${p.url}/#/departments/${it.id}`);
  await reader.getByRole('heading', { name: 'Kudos per month' }).waitFor();
  // The themes people raise about IT: each one measured over comments about IT, never fewer than k.
  await reader.getByRole('heading', { name: 'What people raise about IT' }).waitFor();
  const cards = reader.locator('.themes .theme');
  await cards.first().waitFor();
  for (const size of await cards.locator('.meta .muted').allTextContents())
    expect(Number.parseInt(size, 10)).toBeGreaterThanOrEqual(5);
  await p.screenshot(reader, 'demo-department-it');
  await reader.goto(`${p.url}/#/pulse`);
  await reader.getByRole('heading', { name: 'Breakdown' }).waitFor();
  await reader.getByText('hidden: fewer than 5').first().waitFor();
  await p.screenshot(reader, 'demo-pulse-results-public');

  const mod = await p.newPage();
  await p.signIn(mod, await p.staff('moderator'));
  await mod.goto(`${p.url}/#/mod/pulses`);
  await mod.getByRole('heading', { name: 'All pulses' }).waitFor();
  await p.screenshot(mod, 'demo-mod-pulses');
  await mod.getByRole('link', { name: 'How likely are you to recommend' }).nth(1).click();
  await mod.getByRole('heading', { name: 'Trend' }).waitFor();
  await mod.getByText('hidden: fewer than 5').first().waitFor();
  await p.screenshot(mod, 'demo-mod-pulse-results');
  await mod.goto(`${p.url}/#/mod/kudos`);
  await mod
    .getByText(/May contain/)
    .first()
    .waitFor();
  await p.screenshot(mod, 'demo-mod-kudos-queue');
});
