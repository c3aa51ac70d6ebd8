// k counts people (issue 14): codes are minted per department, a member proves only its own team, and
// everyone can check the enrolment figures on the public transparency page.
import { expect, test } from 'vitest';
import { createDepartment } from '../../server/shared/departments.ts';
import { DEMO_DEPARTMENTS } from '../../server/seed/departments.ts';
import { seed as seedEnrolment } from '../../server/tokens/seed.ts';
import { portal } from './harness.ts';

const p = portal();
const today = () => new Date().toISOString().slice(0, 10);

test('an admin mints codes for a department, a member says which team it works in, and the padding is public', async () => {
  for (const department of DEMO_DEPARTMENTS) await createDepartment(p.app.db, department);
  await seedEnrolment(p.app, {
    admin: { username: '', password: '' },
    moderator: { username: '', password: '' },
    notes: [],
  });
  const idOf = async (name: string) =>
    (await p.app.db.selectFrom('department').select('id').where('name', '=', name).executeTakeFirstOrThrow())
      .id;
  const [it, legal] = [await idOf('IT'), await idOf('Legal & Compliance')];

  // 1. The admin mints four codes for Legal: the department is required in the form.
  const admin = await p.newPage();
  await p.signIn(admin, await p.staff('admin'));
  await admin.goto(`${p.url}/#/admin/codes`);
  await admin.getByRole('heading', { name: 'Generate enrolment codes' }).waitFor();
  expect(await admin.getByRole('button', { name: 'Generate' }).isDisabled()).toBe(true);
  await admin.getByLabel('For department').selectOption({ label: 'Legal & Compliance' });
  await admin.getByLabel('How many').fill('4');
  await admin.getByRole('button', { name: 'Generate' }).click();
  await admin.getByText('codes for Legal & Compliance now').waitFor();
  await admin.getByRole('cell', { name: 'Legal & Compliance' }).first().waitFor();
  await p.screenshot(admin, 'admin-codes-department');

  // 2. Everyone sees it on the transparency page: Legal's codes this week, and its members.
  const reader = await p.newPage();
  await reader.goto(`${p.url}/#/transparency`);
  await reader.getByRole('heading', { name: 'Who enrolled, team by team' }).waitFor();
  const legalRow = reader.getByRole('row', { name: /Legal & Compliance/ });
  await expect.poll(() => legalRow.locator('td').nth(1).textContent()).toMatch(/\d+/);
  const before = await p.app.db
    .selectFrom('enrolment_batch')
    .select('count')
    .where('department_id', '=', legal)
    .execute();
  expect(Number(await legalRow.locator('td').nth(1).textContent())).toBe(
    before.reduce((sum, row) => sum + row.count, 0),
  );
  await p.screenshot(reader, 'transparency');
  await reader.setViewportSize({ width: 390, height: 844 });
  await p.screenshot(reader, 'transparency-phone');

  // 3. A member enrolled with an IT code can say it works in IT — and only IT.
  const author = await p.employee(it);
  await author.goto(`${p.url}/#/suggest`);
  await author
    .getByLabel('Your suggestion')
    .fill('The VPN drops every afternoon when the backups start on the file servers.');
  await author.getByLabel('Say I work in IT').check();
  await p.screenshot(author, 'suggest-own-team');
  await author.setViewportSize({ width: 390, height: 844 });
  await p.screenshot(author, 'suggest-own-team-phone');
  await author.getByRole('button', { name: 'Send anonymously' }).click();
  await author.getByTestId('receipt').waitFor();
  // The suggestion waits in the wallet's outbox for its moment (fractions of a second here), then leaves.
  await author.getByText('✓ Sent.').waitFor();
  const row = await p.app.db.selectFrom('suggestion').select('own_department_id').executeTakeFirstOrThrow();
  expect(row.own_department_id).toBe(it);

  // 4. Its pulse answer counts for IT: picked, shown, confirmed.
  const moderator = await p.staff('moderator');
  const scheduled = await p.app.inject({
    method: 'POST',
    url: '/api/mod/pulses',
    headers: moderator.headers,
    payload: {
      question: 'I have the tools I need to do my job.',
      scale: '1-5',
      opensOn: today(),
      closesOn: today(),
    },
  });
  expect(scheduled.statusCode).toBe(201);
  await author.goto(`${p.url}/#/pulse`);
  await author.getByRole('button', { name: 'Answer 4' }).first().click();
  await author.getByText('Counts in IT’s breakdown').waitFor();
  await p.screenshot(author, 'pulse-confirm-phone');
  await author.setViewportSize({ width: 1280, height: 860 });
  await p.screenshot(author, 'pulse-confirm');
  await author.getByRole('button', { name: 'Send answer 4' }).click();
  await author.getByText('Thank you — your answer is in.').first().waitFor();
  const answer = await p.app.db
    .selectFrom('pulse_response')
    .select(['score', 'own_department_id'])
    .executeTakeFirstOrThrow();
  expect(answer).toEqual({ score: 4, own_department_id: it });
});
