import { expect, test } from 'vitest';
import { createDepartment } from '../../server/shared/departments.ts';
import { portal } from './harness.ts';

const p = portal();

test('submit with a PII warning → moderator publishes and replies → author answers with the receipt → board shows it', async () => {
  await createDepartment(p.app.db, {
    name: 'IT',
    kind: 'backstage',
    description: 'Service desk and the loan system.',
  });
  await createDepartment(p.app.db, { name: 'Branches', kind: 'frontstage' });
  const author = await p.employee();

  // 1. The author writes, is warned about personal data, and redacts it with one click.
  await author.goto(`${p.url}/#/suggest`);
  await author.getByRole('heading', { name: 'Make a suggestion' }).waitFor();
  const text =
    'The loan origination system crashes every morning at nine. Email me at sam.porter@greenbank.example for the screen.';
  await author.getByLabel('Your suggestion').fill(text);
  await author.getByText('This may identify you or someone else.').waitFor();
  await p.screenshot(author, 'suggest-pii-warning');
  await author.getByRole('button', { name: 'Redact all' }).click();
  await expect.poll(() => author.getByLabel('Your suggestion').inputValue()).not.toContain('sam.porter');
  await author.getByLabel('Which team does it concern? (optional)').selectOption({ label: 'IT' });
  await author.getByRole('button', { name: 'Send anonymously' }).click();

  // 2. The receipt: shown, kept in the wallet, the only way back.
  await author.getByRole('heading', { name: 'Here is your receipt.' }).waitFor();
  // The suggestion waits in the wallet's outbox for its moment (fractions of a second here), then leaves.
  await author.getByText('✓ Sent.').waitFor();
  const receipt = (await author.getByTestId('receipt').textContent())!.trim();
  expect(receipt).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}-[0-9A-Z]{6}$/);
  await author.getByText('This receipt is the only way back to your suggestion.').waitFor();
  await author.getByText('Saved in this browser’s wallet').waitFor();
  await p.screenshot(author, 'suggest-receipt');
  const [row] = await p.app.db.selectFrom('suggestion').select(['id', 'text', 'moderation']).execute();
  expect(row).toMatchObject({ moderation: 'pending' });
  expect(row!.text).not.toContain('sam.porter');

  // 3. A moderator publishes it, replies, and sets a status with a public response.
  const moderator = await p.staff('moderator');
  const console_ = await p.newPage();
  await p.signIn(console_, moderator);
  await console_.goto(`${p.url}/#/mod/queue`);
  const card = console_.getByRole('article').filter({ hasText: 'crashes every morning at nine' });
  await card.waitFor();
  await p.screenshot(console_, 'moderator-queue');
  await card.getByRole('button', { name: 'Publish', exact: true }).click();
  await card.getByRole('button', { name: 'Status and response…' }).waitFor();
  await card.getByRole('button', { name: /^Conversation/ }).click();
  await card
    .getByLabel('Reply to the author (they read it with their receipt)')
    .fill('Thanks — does it fail before or after you log in?');
  await card.getByRole('button', { name: 'Send reply' }).click();
  await card.getByText('Thanks — does it fail before or after you log in?').waitFor();
  await card.getByRole('button', { name: 'Status and response…' }).click();
  await card.getByLabel('Status', { exact: true }).selectOption('planned');
  await card
    .getByLabel('Public response (“we did”)')
    .fill('IT is moving the morning batch job out of office hours next week.');
  await card.getByRole('button', { name: 'Save status' }).click();
  await card.getByText('Saved. The board shows it now.').waitFor();
  await p.screenshot(console_, 'moderator-status');
  const audit = await p.app.db
    .selectFrom('audit_log')
    .select(['action', 'staff_username'])
    .where('target_id', '=', row!.id)
    .orderBy('id')
    .execute();
  expect(audit.map((entry) => entry.action)).toEqual([
    'suggestion.publish',
    'suggestion.reply',
    'suggestion.status',
  ]);
  expect(audit.every((entry) => entry.staff_username === moderator.username)).toBe(true);

  // 4. The author opens the thread with the wallet's receipt and answers.
  await author.goto(`${p.url}/#/mine`);
  const thread = author.getByRole('article').filter({ hasText: 'crashes every morning at nine' });
  await thread.getByText('Thanks — does it fail before or after you log in?').waitFor();
  await thread.getByText('Planned').waitFor();
  await thread
    .getByLabel('Answer the moderators (anonymously)')
    .fill('After login, right when the dashboard loads.');
  await thread.getByRole('button', { name: 'Send reply' }).click();
  await thread.getByText('After login, right when the dashboard loads.').waitFor();
  await p.screenshot(author, 'my-suggestions');
  const messages = await p.app.db
    .selectFrom('thread_message')
    .select(['sender', 'body'])
    .orderBy('seq')
    .execute();
  expect(messages).toEqual([
    { sender: 'moderator', body: 'Thanks — does it fail before or after you log in?' },
    { sender: 'author', body: 'After login, right when the dashboard loads.' },
  ]);

  // 5. The moderator sees the author waiting for an answer.
  await console_.goto(`${p.url}/#/mod/queue`);
  await console_.getByRole('tab', { name: /Authors waiting/ }).click();
  await console_
    .getByRole('article')
    .filter({ hasText: 'crashes every morning at nine' })
    .getByText('author waiting')
    .waitFor();

  // 6. Everyone sees it on the board with its status and response; another employee says "me too".
  const colleague = await p.employee();
  await colleague.goto(`${p.url}/#/board`);
  const item = colleague.getByRole('article').filter({ hasText: 'crashes every morning at nine' });
  await item.getByText('IT is moving the morning batch job out of office hours next week.').waitFor();
  await item.getByText('Planned').waitFor();
  await item.getByRole('button', { name: '+ Me too' }).click();
  await item.getByText('1 person').waitFor();
  await p.screenshot(colleague, 'board');
  // The vote leaves the outbox at its own moment; the count on the page shows it at once.
  await expect
    .poll(
      async () =>
        (
          await p.app.db
            .selectFrom('suggestion')
            .select('votes')
            .where('id', '=', row!.id)
            .executeTakeFirstOrThrow()
        ).votes,
      { timeout: 30_000 },
    )
    .toBe(1);
});

test('a receipt pasted into another browser opens only its own conversation', async () => {
  const author = await p.employee();
  await author.goto(`${p.url}/#/suggest`);
  await author
    .getByLabel('Your suggestion')
    .fill('Expense claims take six weeks to be reimbursed, please pay them weekly.');
  await author.getByRole('button', { name: 'Send anonymously' }).click();
  const receipt = (await author.getByTestId('receipt').textContent())!.trim();
  await author.getByText('✓ Sent.').waitFor();

  const laptop = await p.employee();
  await laptop.goto(`${p.url}/#/mine`);
  await laptop.getByLabel('Receipt').fill('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA0');
  await laptop.getByRole('button', { name: 'Open' }).click();
  await laptop.getByText('No conversation belongs to that receipt.').waitFor();
  await laptop.getByLabel('Receipt').fill('my receipt is on the fridge');
  await laptop.getByRole('button', { name: 'Open' }).click();
  await laptop.getByText('That is not a receipt').waitFor();
  // Typed by hand, lower case with spaces: kept and shown as the portal writes it, not as typed.
  await laptop.getByLabel('Receipt').fill(receipt.toLowerCase().replaceAll('-', ' '));
  await laptop.getByRole('button', { name: 'Open' }).click();
  const thread = laptop.getByRole('article').filter({ hasText: 'six weeks to be reimbursed' });
  await thread.getByText('Waiting for a moderator').waitFor();
  expect(await laptop.getByRole('article').count()).toBe(1);
  await thread.getByRole('button', { name: 'Show receipt' }).click();
  expect((await thread.locator('code').textContent())!.trim()).toBe(receipt);
  await p.screenshot(laptop, 'my-suggestions-added-receipt');
});
