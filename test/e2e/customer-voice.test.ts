import { expect, test } from 'vitest';
import { createDepartment } from '../../server/shared/departments.ts';
import { portal } from './harness.ts';

const p = portal();
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const STORY_TEXT = 'The valuation was booked within two days and our mortgage offer followed the same week';
const RAW_ONLY = 'Waited four weeks for the valuation and nobody called back';

function exportFile() {
  const rows = [
    `cv-1,"${STORY_TEXT}, thank you Underwriting.",10,${day(3)},web,valuation`,
    `cv-2,"${RAW_ONLY}, my number is 07700 900123.",2,${day(3)},phone,valuation`,
    ...Array.from(
      { length: 6 },
      (_, i) =>
        `cv-v${i},"Valuation went fine, offer arrived in good time",${8 + (i % 3)},${day(3)},web,valuation`,
    ),
    `cv-9,"The app crashed when I uploaded my payslips",3,${day(2)},app,online banking`,
    `cv-10,"Branch staff were lovely",9,${day(6)},branch,branch visit`,
  ];
  return ['response_id,comment,nps,submitted,channel,stage', ...rows].join('\n') + '\n';
}

test('a moderator imports customer feedback, maps it, curates a story; the department page shows it to an employee', async () => {
  const underwriting = (await createDepartment(p.app.db, {
    name: 'Underwriting',
    kind: 'backstage',
    description: 'Assesses risk on loans and mortgages.',
  }))!;
  await createDepartment(p.app.db, { name: 'Contact Centre', kind: 'frontstage' });
  const moderator = await p.staff('moderator');

  // 1. Import: choose the file, check the suggested mapping in the preview, import.
  const mod = await p.newPage();
  await mod.setViewportSize(DESKTOP);
  await p.signIn(mod, moderator);
  await mod.goto(`${p.url}/#/mod/customer-voice`);
  await mod.getByRole('heading', { name: 'Import a survey export' }).waitFor();
  await mod
    .getByLabel('File')
    .setInputFiles({ name: 'survey-export.csv', mimeType: 'text/csv', buffer: Buffer.from(exportFile()) });
  await mod.getByRole('heading', { name: 'Map the columns' }).waitFor();
  await expect.poll(() => mod.getByLabel('Column for Comment text').inputValue()).toBe('comment');
  expect(await mod.getByLabel('Column for External id').inputValue()).toBe('response_id');
  expect(await mod.getByLabel('Score scale').inputValue()).toBe('nps');
  await p.screenshot(mod, 'customer-voice-mapping-1280');
  await mod.getByRole('button', { name: 'Import', exact: true }).click();
  await mod.getByText('Imported 10 comments').waitFor();
  const stored = await p.app.db
    .selectFrom('customer_feedback')
    .select('text')
    .where('external_id', '=', 'cv-2')
    .executeTakeFirstOrThrow();
  expect(stored.text).toBe(`${RAW_ONLY}, my number is [phone].`);

  // 2. Map: a rule sends everything at the valuation stage to Underwriting.
  await mod.getByRole('tab', { name: 'Rules' }).click();
  await mod.getByLabel('Department').selectOption({ label: 'Underwriting' });
  await mod.getByLabel('Stage').fill('valuation');
  await mod.getByRole('button', { name: 'Add rule' }).click();
  await mod.getByText('Rule added; 8 department mappings by rule now.').waitFor();

  // 3. Curate: the queue offers the mapped comments; one becomes Underwriting's story.
  await mod.getByRole('tab', { name: 'Stories' }).click();
  const card = mod.locator('article', { hasText: STORY_TEXT });
  await card.getByRole('button', { name: 'Make it a story' }).click();
  await card.getByLabel('Story title').fill('A valuation in two days');
  await p.screenshot(mod, 'customer-voice-curate-1280');
  await card.getByRole('button', { name: 'Share story' }).click();
  await mod.getByText('Shared with Underwriting.').waitFor();
  await mod.setViewportSize(PHONE);
  await mod.getByRole('tab', { name: 'Feedback' }).click();
  await mod.getByText(RAW_ONLY, { exact: false }).waitFor();
  await p.screenshot(mod, 'customer-voice-feedback-390');

  // 4. An employee opens Underwriting's page: the curated story and the score trend, not the raw feedback.
  const employee = await p.employee();
  await employee.setViewportSize(DESKTOP);
  await employee.goto(`${p.url}/#/departments/${underwriting}`);
  await employee.getByRole('heading', { name: 'What customers say about work you touch' }).waitFor();
  await employee.getByRole('heading', { name: 'A valuation in two days' }).waitFor();
  await employee.getByText(STORY_TEXT, { exact: false }).waitFor();
  expect(await employee.getByText(RAW_ONLY, { exact: false }).count()).toBe(0);
  const trend = employee.getByRole('table', { name: 'Customer scores by month' });
  // Eight comments at the valuation stage within the last ten days: at least k = 5 in a month, so it shows.
  await expect
    .poll(async () =>
      (await trend.locator('tbody td:nth-child(2)').allTextContents()).map((cell) => cell.trim()).join(' '),
    )
    .toMatch(/\b[5-8]\b/);
  await p.screenshot(employee, 'customer-voice-department-1280');
  // Loaded afresh at phone width (the kudos chart sizes itself once, on load).
  await employee.setViewportSize(PHONE);
  await employee.reload();
  await employee.getByRole('heading', { name: 'A valuation in two days' }).waitFor();
  await p.screenshot(employee, 'customer-voice-department-390');
  // Nothing raw reached the employee's browser either.
  const api = await employee.evaluate(
    async (id) => (await fetch(`/api/departments/${id}/customer-voice`)).text(),
    underwriting,
  );
  expect(api).not.toContain(RAW_ONLY);
  const raw = await employee.evaluate(async () => (await fetch('/api/mod/customer-voice/feedback')).status);
  expect(raw).toBe(401);
});
