// The tagged-key attack (issue 13): the operator adds a second `general` key for the same period and
// hopes one employee's wallet takes tokens under it, so that employee's next suggestion is the only one
// signed by that key. The wallet must refuse the key, say so on the page, and spend nothing under it.
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import {
  encodeTokenKey,
  generateIssuerKey,
  tokenKeyIdOf,
  truncatedKeyId,
} from '../../server/tokens/crypto.ts';
import { portal } from './harness.ts';

const p = portal();

/** What an operator with the database does: a valid second key, straight into token_key. */
async function operatorAddsTaggedKey(): Promise<string> {
  const current = await sql<{ not_before: Date; not_after: Date; budget: number }>`
    select not_before, not_after, budget from token_key
    where scope = 'general' and not_before <= now() and now() < not_after`.execute(p.app.db);
  const { not_before: notBefore, not_after: notAfter, budget } = current.rows[0]!;
  const taken = new Set(
    (await sql<{ truncated_id: number }>`select truncated_id from token_key`.execute(p.app.db)).rows.map(
      (row) => row.truncated_id,
    ),
  );
  for (;;) {
    const keyPair = await generateIssuerKey();
    const tokenKey = encodeTokenKey(keyPair.publicKey);
    const idBytes = tokenKeyIdOf(tokenKey);
    if (taken.has(truncatedKeyId(idBytes))) continue;
    const sealed = p.app.secrets.encrypt(
      'token-key',
      keyPair.privateKey.export({ format: 'der', type: 'pkcs8' }),
    );
    // One second later than the honest key (the table keeps one key per scope and start), same end.
    await sql`insert into token_key (id, truncated_id, scope, token_key, private_key, budget, not_before, not_after)
      values (${idBytes.toString('hex')}, ${truncatedKeyId(idBytes)}, 'general', ${tokenKey}, ${sealed},
              ${budget}, ${new Date(notBefore.getTime() + 1000)}, ${notAfter})`.execute(p.app.db);
    await p.app.tokenKeys.reload();
    return idBytes.toString('hex');
  }
}

test('a second key for the same scope and period is refused, shown, and never used', async () => {
  const victim = await p.employee();
  await victim.goto(`${p.url}/#/wallet`);
  await expect
    .poll(() => victim.getByRole('row', { name: /Suggestions, votes and kudos/ }).textContent())
    .toMatch(/\d/);

  const tagged = await operatorAddsTaggedKey();

  // The wallet notices the key at its next look at the directory (here: the person asks for tokens).
  await victim.getByRole('button', { name: 'Check for new tokens' }).click();
  const warning = victim.getByTestId('key-warning');
  await warning.waitFor();
  expect(await warning.textContent()).toContain('second key for “general”');
  await victim.getByRole('alert').filter({ hasText: 'a fair server never does' }).first().waitFor();
  await p.screenshot(victim, 'wallet-tagged-key-warning');

  // The victim goes on as usual: the suggestion is paid with a token of the honest key.
  await victim.goto(`${p.url}/#/suggest`);
  await victim.getByLabel('Your suggestion').fill('The loan system drops uploaded payslips every Friday.');
  await victim.getByRole('button', { name: 'Send anonymously' }).click();
  await victim.getByText('✓ Sent.').waitFor();

  const issued = await sql<{
    n: string;
  }>`select count(*) as n from token_issuance where key_id = ${tagged}`.execute(p.app.db);
  const spent = await sql<{
    n: string;
  }>`select count(*) as n from spent_token where key_id = ${tagged}`.execute(p.app.db);
  expect(Number(issued.rows[0]!.n), 'tokens issued under the tagged key').toBe(0);
  expect(Number(spent.rows[0]!.n), 'tokens spent under the tagged key').toBe(0);
  const honestSpent = await sql<{
    n: string;
  }>`select count(*) as n from spent_token where key_id <> ${tagged}`.execute(p.app.db);
  expect(Number(honestSpent.rows[0]!.n)).toBe(1);
});
