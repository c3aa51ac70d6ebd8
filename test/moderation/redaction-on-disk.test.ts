import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { themesJob } from '../../server/themes/job.ts';
import pg from 'pg';
import { build, testDatabase } from '../helpers/build.ts';
import { POSTGRES_ADMIN_URL } from '../helpers/postgres.ts';
import { departmentId } from '../helpers/departments.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { enrolMember, type Member } from '../helpers/members.ts';
import { rawTableBytes, tablesHolding } from '../helpers/raw-pages.ts';

// The operator's attack on a redaction: after a moderator removes an email address from a suggestion or
// a kudos story, read the raw pages of every table the text went through and look for the original.
const t = build();
const SCANNED = ['suggestion', 'kudos', 'theme_item', 'theme', 'audit_log', 'thread_message'];
let moderator: SignedInStaff;
let member: Member;
let it: string;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  member = await enrolMember(t.app);
  it = await departmentId(t.app, 'IT');
});

const marker = () => `leak${randomBytes(6).toString('hex')}@example.com`;
/** Random words that do not compress, so a long text is stored as is in the TOAST table. */
const noise = (length: number) =>
  randomBytes(length).toString('base64').replace(/[+/=]/g, ' ').slice(0, length);

/** Everything a redaction sets off has finished: the themes recompute, and the disk clean-up after it. */
async function settled() {
  await themesJob(t.app).idle();
  await t.app.diskScrub.idle();
}

async function submit(kind: 'suggestion' | 'kudos', words: string): Promise<string> {
  const [authorization] = await member.tokens('general', 1);
  const response = await t.app.inject({
    method: 'POST',
    url: kind === 'suggestion' ? '/api/suggestions' : '/api/kudos',
    headers: { authorization },
    payload: kind === 'suggestion' ? { text: words } : { departmentId: it, story: words },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function redact(kind: 'suggestion' | 'kudos', id: string, text: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/mod/${kind === 'suggestion' ? 'suggestions' : 'kudos'}/${id}/decision`,
    headers: moderator.headers,
    payload: { action: 'redact', text },
  });
  expect(response.statusCode, response.body).toBe(200);
}

/**
 * Fills the table's last page with rows the size of `row` until it turns over, then leaves room for
 * exactly one more: the next row inserted is the last one on a full page, so its redacted version has
 * to move to another page and nothing is ever moved over the original's bytes.
 */
async function lastOnAFullPage(table: string, copyOf: string) {
  const copy = async () => {
    const { rows } = await sql<{ block: number }>`
      insert into ${sql.table(table)} select (jsonb_populate_record(t, jsonb_build_object('id', gen_random_uuid()))).*
      from ${sql.table(table)} t where id = ${copyOf}
      returning (ctid::text::point)[0]::int as block`.execute(t.app.db);
    return rows[0]!.block;
  };
  let block = await copy();
  while ((await copy()) === block);
  block += 1;
  let perPage = 1;
  while ((await copy()) === block) perPage++;
  // Now a fresh page holds one copy: fill it to one short of what a page takes.
  for (let i = 0; i < perPage - 2; i++) await copy();
}

describe('a redaction leaves no readable old version on disk', () => {
  test('the original email is in no table page, free space and TOAST included (suggestions and kudos)', async () => {
    const inline = marker();
    const toasted = marker();
    const story = marker();
    const text = (email: string) =>
      `The door badge reader at the back entrance fails daily; write to ${email} for the log.`;

    // A filler row shaped like the real one, then the real one last on a full page.
    const shape = await submit('suggestion', text(marker()));
    await lastOnAFullPage('suggestion', shape);
    const short = await submit('suggestion', text(inline));
    const long = await submit('suggestion', `Write to ${toasted} please. ${noise(3800)}`);
    const kudosShape = await submit('kudos', text(marker()));
    await lastOnAFullPage('kudos', kudosShape);
    const kudos = await submit('kudos', text(story));
    // Colleagues raised the same problem; a recompute copies pending text that joins a theme into the
    // moderators' snapshot (theme_item) before the moderator gets to it.
    for (let i = 0; i < 12; i++) {
      await insertSuggestion(t.app.db, {
        text: `The badge reader at the back entrance fails again, ${['every morning', 'after lunch', 'when it rains'][i % 3]} (${i}).`,
        concernsDepartmentId: null,
        ownDepartmentId: null,
        moderation: 'published',
        piiFlags: [],
      });
    }
    await themesJob(t.app).recompute();
    const copied = [
      ...(await tablesHolding(t.app, ['theme_item'], inline)),
      ...(await tablesHolding(t.app, ['theme_item'], toasted)),
    ];
    expect(copied).toContain('theme_item');
    expect(await tablesHolding(t.app, ['suggestion'], inline)).toEqual(['suggestion']);
    expect((await rawTableBytes(t.app, 'suggestion')).includes(toasted)).toBe(true);

    await redact('suggestion', short, text('[email removed]'));
    await redact('suggestion', long, `Write to [email removed] please. ${noise(200)}`);
    await redact('kudos', kudos, text('[email removed]'));
    await settled();

    const found: Record<string, string[]> = {};
    for (const [name, email] of Object.entries({ inline, toasted, story }))
      found[name] = await tablesHolding(t.app, SCANNED, email);
    // On a failure, say what the disk scrub did (its log lines), so the cause can be read from CI.
    const scrubLog = t.logs.filter((line) => /rewrit|snapshot older/.test(String(line.msg)));
    expect(found, JSON.stringify(scrubLog)).toEqual({ inline: [], toasted: [], story: [] });
    // The redacted versions are what remains, and they are published.
    const board = (await t.app.inject({ method: 'GET', url: '/api/suggestions?sort=new' })).json().items;
    expect(board.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([short, long]));
  });
});

/**
 * The scrub's rewrite has not run 1.5 s after a redaction while `holder` could still see the original;
 * once `release` ends the holder's transaction it runs, and no table keeps `email`.
 */
async function rewriteWaitsFor(release: () => Promise<unknown>, email: string, holder: string) {
  let rewritten = false;
  const scrubbed = t.app.diskScrub.idle().then(() => (rewritten = true));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(rewritten, `the rewrite ran while ${holder} could still see the original`).toBe(false);
  await release();
  await scrubbed;
  await settled();
  expect(await tablesHolding(t.app, SCANNED, email)).toEqual([]);
}

describe('a snapshot taken after the redaction can still see the original', () => {
  // Postgres only: PGlite has one connection, so no other transaction can hold a snapshot.
  test.runIf(testDatabase === 'postgres')(
    'a transaction that began after the redaction, while an older one ran, holds the old horizon: the rewrite waits for it',
    async () => {
      const email = marker();
      const id = await submit(
        'suggestion',
        `The car park barrier fails in the rain; mail ${email} about it.`,
      );
      await settled();
      const [older, later] = [
        new pg.Client({ connectionString: t.config.databaseUrl! }),
        new pg.Client({ connectionString: t.config.databaseUrl! }),
      ];
      await Promise.all([older.connect(), later.connect()]);
      try {
        // A transaction with an id, begun before the redaction...
        await older.query('begin');
        await older.query('select txid_current()');
        await redact(
          'suggestion',
          id,
          'The car park barrier fails in the rain; mail [email removed] about it.',
        );
        // ...and one begun after it, whose snapshot still counts the first as running.
        await later.query('begin isolation level repeatable read');
        await later.query('select count(*) from department');
        await older.query('commit');
        // Only the later transaction is open now, and it started after the redaction. Its horizon keeps
        // the original alive; the rewrite must wait for it rather than run and leave the bytes behind.
        await rewriteWaitsFor(() => later.query('commit'), email, 'a snapshot');
      } finally {
        await Promise.all([older.end(), later.end()]);
      }
    },
  );
});

describe('a transaction in another database of the same cluster', () => {
  // Postgres only: PGlite is one database. The horizon VACUUM FULL keeps is the cluster's: a transaction
  // open in another database since before the redaction keeps the original in the rewritten table.
  test.runIf(testDatabase === 'postgres')('holds the old horizon too: the rewrite waits for it', async () => {
    const email = marker();
    const id = await submit('suggestion', `The lift on floor two is stuck again; mail ${email} about it.`);
    await settled();
    const elsewhere = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await elsewhere.connect();
    try {
      await elsewhere.query('begin');
      await elsewhere.query('select txid_current()');
      await redact('suggestion', id, 'The lift on floor two is stuck again; mail [email removed] about it.');
      await rewriteWaitsFor(() => elsewhere.query('commit'), email, 'another database');
    } finally {
      await elsewhere.end();
    }
  });
});

describe('why the clean-up rewrites the table', () => {
  test('plain VACUUM removes the dead version but leaves its bytes in the page free space; VACUUM FULL does not', async () => {
    await sql`create table scrub_probe (id uuid primary key default gen_random_uuid(), text text not null)`.execute(
      t.app.db,
    );
    const email = marker();
    const text = (words: string) => `${words} ${'x'.repeat(120)}`;
    const { rows } = await sql<{
      id: string;
    }>`insert into scrub_probe (text) values (${text('shape')}) returning id`.execute(t.app.db);
    await lastOnAFullPage('scrub_probe', rows[0]!.id);
    await sql`insert into scrub_probe (text) values (${text(email)})`.execute(t.app.db);
    await sql`update scrub_probe set text = ${text('[email removed]')} where text like ${`%${email}%`}`.execute(
      t.app.db,
    );
    await sql`vacuum scrub_probe`.execute(t.app.db);
    const visible = await sql<{
      n: number;
    }>`select count(*)::int as n from scrub_probe where text like ${`%${email}%`}`.execute(t.app.db);
    expect(visible.rows[0]!.n).toBe(0);
    expect((await rawTableBytes(t.app, 'scrub_probe')).includes(email)).toBe(true);
    await sql`vacuum full scrub_probe`.execute(t.app.db);
    expect((await rawTableBytes(t.app, 'scrub_probe')).includes(email)).toBe(false);
  });
});
