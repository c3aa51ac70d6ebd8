import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { counts, givenSuggestion, published } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
});

const open = (receipt: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/threads/open', payload: { receipt } });
const reply = (receipt: unknown, body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/threads/reply', payload: { receipt, body } });
const modReply = (id: string, body: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/mod/suggestions/${id}/replies`,
    headers: moderator.headers,
    payload: { body },
  });

describe('opening a thread with a receipt', () => {
  test('shows the item, its status and the conversation in order', async () => {
    const { id, receipt } = await givenSuggestion(t.app, {
      text: 'Underwriting handoffs lose documents between teams.',
    });
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]{6}$/);
    let response = await open(receipt);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      item: expect.objectContaining({
        kind: 'suggestion',
        id,
        text: 'Underwriting handoffs lose documents between teams.',
        status: 'pending',
      }),
      messages: [],
    });
    await modReply(id, 'Which handoff exactly?');
    await reply(receipt, 'From underwriting back to loan processing.');
    await modReply(id, 'Thanks, passing it on.');
    response = await open(receipt);
    expect(
      response.json().messages.map((message: { from: string; body: string }) => [message.from, message.body]),
    ).toEqual([
      ['moderator', 'Which handoff exactly?'],
      ['author', 'From underwriting back to loan processing.'],
      ['moderator', 'Thanks, passing it on.'],
    ]);
    for (const message of response.json().messages) expect(message.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('is forgiving about how the receipt was typed back (case, spaces, look-alikes)', async () => {
    const { id, receipt } = await givenSuggestion(t.app);
    const typed = ` ${receipt.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    const response = await open(typed);
    expect(response.statusCode).toBe(200);
    expect(response.json().item.id).toBe(id);
  });

  test('a rejected item shows the reason; a published one its status and public response', async () => {
    const rejected = await givenSuggestion(t.app);
    await t.app.inject({
      method: 'POST',
      url: `/api/mod/suggestions/${rejected.id}/decision`,
      headers: moderator.headers,
      payload: { action: 'reject', reason: 'Please leave out the colleague’s name.' },
    });
    expect((await open(rejected.receipt)).json().item).toMatchObject({
      status: 'rejected',
      moderation: 'rejected',
      reason: 'Please leave out the colleague’s name.',
    });
    const done = await published(t.app, { status: 'done', response: 'Fixed in the April release.' });
    expect((await open(done.receipt)).json().item).toMatchObject({
      status: 'done',
      response: 'Fixed in the April release.',
    });
  });

  test('a receipt opens only its own thread', async () => {
    const first = await givenSuggestion(t.app, { text: 'First suggestion about parking at head office.' });
    const second = await givenSuggestion(t.app, {
      text: 'Second suggestion about expense reimbursement delays.',
    });
    await modReply(second.id, 'A reply meant only for the second author.');
    const response = await open(first.receipt);
    expect(response.json().item.id).toBe(first.id);
    expect(JSON.stringify(response.json())).not.toContain('second author');
    expect(JSON.stringify(response.json())).not.toContain(second.id);
    // Replying with the first receipt writes into the first thread, never the second.
    await reply(first.receipt, 'Reply from the first author.');
    const rows = await t.app.db
      .selectFrom('thread_message')
      .select(['item_id', 'sender', 'body'])
      .where('item_id', 'in', [first.id, second.id])
      .execute();
    expect(rows).toContainEqual({
      item_id: first.id,
      sender: 'author',
      body: 'Reply from the first author.',
    });
    expect(rows.filter((row) => row.item_id === second.id)).toEqual([
      { item_id: second.id, sender: 'moderator', body: 'A reply meant only for the second author.' },
    ]);
  });

  test('an unknown, malformed or missing receipt is refused and nothing is written', async () => {
    await givenSuggestion(t.app);
    const before = await counts(t.app);
    expect((await open('AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA')).statusCode).toBe(404);
    expect((await open('AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA')).json()).toEqual({
      error: 'not_found',
      message: expect.any(String),
    });
    expect((await open('not a receipt')).statusCode).toBe(404);
    expect((await open('')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/threads/open', payload: {} })).statusCode).toBe(
      400,
    );
    expect((await reply('AAAAA-AAAAA-AAAAA-AAAAA-AAAAAA', 'hello')).statusCode).toBe(404);
    expect(await counts(t.app)).toEqual(before);
  });
});

describe('replying as the author', () => {
  test('a reply is stored with a day only and returned', async () => {
    const { id, receipt } = await givenSuggestion(t.app);
    const response = await reply(receipt, 'It happened again today at 9am.');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      message: { from: 'author', body: 'It happened again today at 9am.', day: expect.any(String) },
    });
    const row = await t.app.db
      .selectFrom('thread_message')
      .selectAll()
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['body', 'day', 'id', 'item_id', 'kind', 'sender', 'seq']);
    expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('empty, too long, garbage JSON and extra fields are refused with nothing written', async () => {
    const { receipt } = await givenSuggestion(t.app);
    const before = await counts(t.app);
    expect((await reply(receipt, '  ')).json().error).toBe('empty_reply');
    expect((await reply(receipt, '')).statusCode).toBe(400);
    expect((await reply(receipt, 'x'.repeat(2001))).statusCode).toBe(400);
    expect((await reply(receipt, { nested: 'object' })).statusCode).toBe(400);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/threads/reply',
      headers: { 'content-type': 'application/json' },
      payload: '{"receipt": "x", "body": ',
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error).toBe('invalid_json');
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/threads/reply',
      payload: { receipt, body: 'hi', itemId: 'x' },
    });
    expect(extra.statusCode).toBe(400);
    expect(await counts(t.app)).toEqual(before);
  });

  test('concurrent replies get distinct positions in the thread', async () => {
    const { id, receipt } = await givenSuggestion(t.app);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 ? reply(receipt, `author ${i}`) : modReply(id, `moderator ${i}`),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const seqs = await t.app.db
      .selectFrom('thread_message')
      .select('seq')
      .where('item_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(seqs.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('kudos threads share the same receipts', () => {
  test('a kudos receipt opens its kudos thread and nothing else; replies land there', async () => {
    const { enrolMember } = await import('../helpers/members.ts');
    const member = await enrolMember(t.app);
    const department = await t.app.db
      .insertInto('department')
      .values({ name: 'Facilities (kudos thread test)', kind: 'backstage' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [authorization] = await member.tokens('general', 1);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/kudos',
      headers: { authorization },
      payload: {
        departmentId: department.id,
        story: 'Facilities fixed the heating on floor three within an hour of our call. Thank you!',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { id, receipt } = sent.json();
    const opened = await open(receipt);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      item: { kind: 'kudos', id, text: expect.stringContaining('heating') },
      messages: [],
    });
    expect((await reply(receipt, 'It was the Tuesday morning shift.')).statusCode).toBe(201);
    const rows = await t.app.db
      .selectFrom('thread_message')
      .select(['kind', 'item_id', 'sender'])
      .where('item_id', '=', id)
      .execute();
    expect(rows).toEqual([{ kind: 'kudos', item_id: id, sender: 'author' }]);
    // A suggestion's receipt never opens the kudos thread.
    const suggestion = await givenSuggestion(t.app);
    expect((await open(suggestion.receipt)).json().item).toMatchObject({
      kind: 'suggestion',
      id: suggestion.id,
    });
  });
});
