// Receipts made in the author's browser (issue 13): the author holds the receipt before the write
// leaves the browser, so a write can wait in the wallet's outbox. The server keeps only its keyed hash.
import { describe, expect, test } from 'vitest';
import { newReceipt } from '../../common/receipts.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { enrolMember } from '../helpers/members.ts';

const t = build();

const post = (url: string, token: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { authorization: token }, payload });
const open = (receipt: string) =>
  t.app.inject({ method: 'POST', url: '/api/threads/open', payload: { receipt } });

describe.each([
  ['suggestion', '/api/suggestions', async () => ({ text: 'The VPN drops every time the laptop sleeps.' })],
  [
    'kudos',
    '/api/kudos',
    async () => ({ departmentId: await departmentId(t.app, 'IT'), story: 'IT rebuilt my laptop overnight.' }),
  ],
] as const)('a %s sent with the browser’s own receipt', (kind, url, body) => {
  test('is stored under that receipt (keyed hash only) and opens with it', async () => {
    const member = await enrolMember(t.app);
    const [token] = await member.tokens();
    const receipt = newReceipt();
    const response = await post(url, token, { ...(await body()), receipt });
    expect(response.statusCode).toBe(201);
    expect(response.json().receipt).toBe(receipt);
    const thread = await open(receipt.toLowerCase());
    expect(thread.statusCode).toBe(200);
    expect(thread.json().item).toMatchObject({ kind, id: response.json().id });
    const hashes = await t.app.db.selectFrom('thread_receipt').select('receipt_hash').execute();
    expect(JSON.stringify(hashes)).not.toContain(receipt.replace(/-/g, ''));
  });

  test('a receipt already in use is 409 and the token is not spent', async () => {
    const member = await enrolMember(t.app);
    const [first, second] = await member.tokens('general', 2);
    const receipt = newReceipt();
    expect((await post(url, first, { ...(await body()), receipt })).statusCode).toBe(201);
    const again = await post(url, second!, { ...(await body()), receipt });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('receipt_taken');
    // The refused write left its token unspent: it pays for the next one.
    expect((await post(url, second!, await body())).statusCode).toBe(201);
  });

  test('a malformed receipt is 400 invalid_receipt, nothing written, the token unspent', async () => {
    const member = await enrolMember(t.app);
    const [token] = await member.tokens();
    const before = await t.app.db.selectFrom('thread_receipt').select('receipt_hash').execute();
    for (const receipt of [
      'ABCDE-ABCDE-ABCDE-ABCDE-ABCDEU',
      'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE1',
      'short-receipt-x'.repeat(2),
    ]) {
      const response = await post(url, token, { ...(await body()), receipt });
      expect(response.statusCode, receipt).toBe(400);
      expect(response.json().error).toBe('invalid_receipt');
    }
    expect(await t.app.db.selectFrom('thread_receipt').select('receipt_hash').execute()).toHaveLength(
      before.length,
    );
    expect((await post(url, token, await body())).statusCode).toBe(201);
  });
});
