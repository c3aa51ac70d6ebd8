import { describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given } from '../helpers/given.ts';
import { enrolMember } from '../helpers/members.ts';

// Postgres text cannot hold U+0000 (the statement fails) and stores a lone surrogate as U+FFFD. Such
// text is refused with a 400 before any handler runs: never a 500, never a row, never a spent token.
// (Focus-group frames get the same rule: test/reliability/ws-fuzz.test.ts.)

const t = build();
const TEXT = 'The loan origination system times out every afternoon around three o’clock.';
const rows = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('suggestion')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('text the database cannot store', () => {
  test.each([
    ['a NUL character', `${TEXT} \u0000`],
    ['a lone surrogate', `${TEXT} \ud800`],
  ])('an anonymous suggestion with %s is refused and its token stays unspent', async (_what, text) => {
    const member = await enrolMember(t.app);
    const [token] = await member.tokens('general', 1);
    const before = await rows();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers: { authorization: token!, 'content-type': 'application/json' },
      payload: JSON.stringify({ text }),
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toEqual({ error: 'invalid_request', message: expect.stringMatching(/NUL/) });
    expect(await rows()).toBe(before);
    // The same token still works: the refusal spent nothing.
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/suggestions',
      headers: { authorization: token!, 'content-type': 'application/json' },
      payload: JSON.stringify({ text: TEXT }),
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await rows()).toBe(before + 1);
  });

  test('a staff write, a key and a query string are checked too', async () => {
    const admin = await given(t.app).staff('admin');
    const department = await t.app.inject({
      method: 'POST',
      url: '/api/admin/departments',
      headers: admin.headers,
      payload: { name: 'IT\u0000', kind: 'backstage' },
    });
    expect(department.statusCode, department.body).toBe(400);
    expect(department.json().error).toBe('invalid_request');
    const count = await t.app.db
      .selectFrom('department')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'like', 'IT%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    const query = await t.app.inject({ method: 'GET', url: '/api/suggestions?sort=top%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
  });
});

test('a logged database error keeps its message and code but never the statement parameters', async () => {
  // PGlite's errors carry the failed statement's parameters (people's texts, seat ids).
  const error = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    code: '22021',
    query: 'insert into "focus_group_message" ("text") values ($1)',
    params: ['what I said in the room', 'seat-4f1c'],
  });
  t.app.log.error({ err: error }, 'focus-group frame failed');
  const line = t.rawLogs.find((raw) => raw.includes('focus-group frame failed'))!;
  expect(JSON.parse(line).err).toMatchObject({ type: 'Error', code: '22021', message: error.message });
  expect(line).not.toContain('what I said in the room');
  expect(line).not.toContain('seat-4f1c');
});
