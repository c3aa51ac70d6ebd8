import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { CSV_MAPPING, csv, feedbackCount, upload } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
});

const send = (body: string | Buffer, query?: Record<string, string>, type?: string) =>
  upload(t.app, moderator.cookie, body, query, type);

/** Imports nothing and reports exactly these rows. */
async function refused(
  body: string | Buffer,
  rejected: Array<{ line: number; reason: RegExp }>,
  query?: Record<string, string>,
  type?: string,
) {
  const before = await feedbackCount(t.app);
  const response = await send(body, query, type);
  expect(response.statusCode, response.body).toBe(200);
  const report = response.json();
  expect(report.committed).toBe(false);
  expect(report.imported).toBe(0);
  expect(report.rejectedRows).toHaveLength(rejected.length);
  rejected.forEach((row, i) => {
    expect(report.rejectedRows[i].line).toBe(row.line);
    expect(report.rejectedRows[i].reason).toMatch(row.reason);
  });
  expect(await feedbackCount(t.app)).toEqual(before);
  return report;
}

describe('importing a CSV export', () => {
  test('imports every row, redacted, and is idempotent by external id', async () => {
    const file = csv(
      'r-1,"The mortgage offer came fast, thank you Underwriting",10,2026-11-02,web,offer',
      'r-2,"My name is Jane Doe, call me on 07700 900123 about account 12345678",3,2026-11-03,phone,servicing',
    );
    const first = await send(file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      committed: true,
      rowsRead: 2,
      imported: 2,
      alreadyImported: 0,
      rejected: 0,
    });
    const stored = await t.app.db
      .selectFrom('customer_feedback')
      .select(['external_id', 'text', 'score', 'score_kind', 'day'])
      .orderBy('external_id')
      .execute();
    expect(stored[1]!.text).toBe('My name is [name], call me on [phone] about account [number]');
    expect(stored[0]).toMatchObject({ score: 10, score_kind: 'nps' });
    const again = await send(file);
    expect(again.json()).toMatchObject({ committed: true, imported: 0, alreadyImported: 2 });
    expect((await feedbackCount(t.app)).n).toBe(2);
  });

  test('a column mapped but missing from the header is reported on line 1, nothing imported', async () => {
    await refused(
      csv('r-10,"Fine",9,2026-11-02,web,offer'),
      [{ line: 1, reason: /column "verbatim" mapped to the text is not in the header/ }],
      {
        ...CSV_MAPPING,
        text: 'verbatim',
      },
    );
  });

  test('an unknown score kind is a per-row error', async () => {
    const file =
      'id,comment,score,kind,day\n' +
      'k-1,"Quick and friendly",9,nps,2026-11-01\n' +
      'k-2,"Slow letters",2,stars,2026-11-01\n' +
      'k-3,"Fine",4,csat,2026-11-01\n';
    await refused(file, [{ line: 3, reason: /unknown score kind "stars"/ }], {
      format: 'csv',
      text: 'comment',
      score: 'score',
      scoreKindColumn: 'kind',
      date: 'day',
      externalId: 'id',
    });
  });

  test('a score off its scale is a per-row error', async () => {
    await refused(csv('s-1,"Too high",11,2026-11-02,web,offer'), [
      { line: 2, reason: /not a whole number on the NPS \(0–10\) scale/ },
    ]);
  });

  test('a duplicate external id within the file names the first line', async () => {
    await refused(
      csv(
        'd-1,"First",8,2026-11-02,web,offer',
        'd-2,"Second",8,2026-11-02,web,offer',
        'd-1,"Again",8,2026-11-02,web,offer',
      ),
      [{ line: 4, reason: /external id "d-1" is on line 2 already/ }],
    );
  });

  test('broken UTF-8 is a per-row error', async () => {
    const body = Buffer.concat([
      Buffer.from(csv('u-1,"Good",9,2026-11-02,web,offer').trimEnd() + '\nu-2,"bad '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('",9,2026-11-02,web,offer\n'),
    ]);
    await refused(body, [{ line: 3, reason: /text is not valid UTF-8/ }]);
  });

  test('a 10 MB line is refused with its line and never held whole', async () => {
    const body = csv(
      'b-1,"Good",9,2026-11-02,web,offer',
      `b-2,"${'x'.repeat(10 * 1024 * 1024)}",9,2026-11-02,web,offer`,
      'b-3,"Good",9,2026-11-02,web,offer',
    );
    await refused(body, [{ line: 3, reason: /longer than 64 KB/ }]);
  });

  test('formula-looking cells are refused', async () => {
    await refused(
      csv(
        'f-1,"=HYPERLINK(""http://evil.example"",""click"")",9,2026-11-02,web,offer',
        'f-2,"Fine",9,2026-11-02,"+cmd|\' /C calc\'!A0",offer',
        'f-3,"@SUM(1+1)",9,2026-11-02,web,offer',
      ),
      [
        { line: 2, reason: /text looks like a spreadsheet formula/ },
        { line: 3, reason: /channel looks like a spreadsheet formula/ },
        { line: 4, reason: /text looks like a spreadsheet formula/ },
      ],
    );
  });

  test('a row with the wrong number of columns is a per-row error', async () => {
    await refused(csv('w-1,"Fine",9,2026-11-02,web'), [
      { line: 2, reason: /expected 6 columns as in the header, found 5/ },
    ]);
  });

  test('accept=valid imports the valid rows and still reports the rest', async () => {
    const response = await send(
      csv('v-1,"Good service at the branch",9,2026-11-02,branch,visit', 'v-2,"",9,2026-11-02,web,offer'),
      {
        ...CSV_MAPPING,
        accept: 'valid',
      },
    );
    expect(response.json()).toMatchObject({
      committed: true,
      imported: 1,
      rejected: 1,
      rejectedRows: [{ line: 3, reason: 'the text is empty' }],
    });
  });

  test('a dry run counts and stores nothing', async () => {
    const before = await feedbackCount(t.app);
    const response = await send(csv('y-1,"Dry run row",9,2026-11-02,web,offer'), {
      ...CSV_MAPPING,
      dryRun: 'true',
    });
    expect(response.json()).toMatchObject({ committed: false, imported: 1, rejected: 0 });
    expect(await feedbackCount(t.app)).toEqual(before);
  });

  test('a JSON body is not a file', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mod/customer-voice/imports',
      query: CSV_MAPPING,
      headers: moderator.headers,
      payload: { comment: 'x' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toBe('unsupported_media_type');
  });

  test('an employee (no staff session) cannot import', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mod/customer-voice/imports',
      query: CSV_MAPPING,
      headers: { 'content-type': 'text/csv' },
      payload: csv('e-1,"x",9,2026-11-02,web,offer'),
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('importing a JSONL export', () => {
  const mapping = {
    format: 'jsonl',
    text: 'text',
    score: 'score',
    scoreKindColumn: 'kind',
    date: 'date',
    externalId: 'id',
    channel: 'channel',
  };
  const line = (item: object) => JSON.stringify(item);

  test('imports objects line by line', async () => {
    const body = [
      line({
        id: 'j-1',
        text: 'Branch staff sorted my card in minutes',
        score: 5,
        kind: 'csat',
        date: '2026-10-20',
        channel: 'branch',
      }),
      line({ id: 'j-2', text: 'Effortless remortgage', score: 7, kind: 'ces', date: '2026-10-21' }),
    ].join('\n');
    const response = await send(body, mapping, 'application/x-ndjson');
    expect(response.json()).toMatchObject({ committed: true, imported: 2 });
  });

  test('wrong key, unknown kind, duplicate id, broken UTF-8, 10 MB line, formula: each reported, nothing imported', async () => {
    const body = Buffer.concat([
      Buffer.from(
        [
          line({ id: 'x-1', text: 'Fine', score: 9, kind: 'nps', date: '2026-11-01' }),
          line({ id: 'x-2', comment: 'No text key', score: 9, kind: 'nps', date: '2026-11-01' }),
          line({ id: 'x-3', text: 'Kind?', score: 9, kind: 'stars', date: '2026-11-01' }),
          line({ id: 'x-1', text: 'Again', score: 9, kind: 'nps', date: '2026-11-01' }),
          '{"id":"x-5","text":"bad ',
        ].join('\n'),
      ),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","score":9,"kind":"nps","date":"2026-11-01"}\n'),
      Buffer.from(
        line({ id: 'x-6', text: 'y'.repeat(10 * 1024 * 1024), score: 9, kind: 'nps', date: '2026-11-01' }) +
          '\n',
      ),
      Buffer.from(
        line({ id: 'x-7', text: '=HYPERLINK("http://x")', score: 9, kind: 'nps', date: '2026-11-01' }) + '\n',
      ),
      Buffer.from('not json\n'),
    ]);
    await refused(
      body,
      [
        { line: 2, reason: /no "text" field/ },
        { line: 3, reason: /unknown score kind "stars"/ },
        { line: 4, reason: /external id "x-1" is on line 1 already/ },
        { line: 5, reason: /not valid UTF-8/ },
        { line: 6, reason: /longer than 64 KB/ },
        { line: 7, reason: /spreadsheet formula/ },
        { line: 8, reason: /not valid JSON/ },
      ],
      mapping,
      'application/x-ndjson',
    );
  });
});

describe('preview', () => {
  test('shows the columns, the first rows and a suggested mapping', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/mod/customer-voice/preview',
      query: { format: 'csv' },
      headers: { cookie: moderator.cookie, 'content-type': 'text/csv' },
      payload: csv('p-1,"Great",9,2026-11-02,web,offer', 'p-2,"Cut off he'),
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.columns).toEqual(['response_id', 'comment', 'nps', 'submitted', 'channel', 'stage']);
    expect(preview.rows[0]).toMatchObject({ comment: 'Great' });
    expect(preview.suggested).toMatchObject({
      externalId: 'response_id',
      text: 'comment',
      score: 'nps',
      scoreKind: 'nps',
      date: 'submitted',
      channel: 'channel',
      stage: 'stage',
    });
  });
});

describe('over a real socket', () => {
  test('an upload streams through HTTP (app.inject hides how a live request body looks)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const signal = AbortSignal.timeout(30_000);
    const response = await fetch(
      `http://127.0.0.1:${port}/api/mod/customer-voice/imports?${new URLSearchParams(CSV_MAPPING)}`,
      {
        method: 'POST',
        headers: { cookie: moderator.cookie, 'content-type': 'text/csv' },
        body: csv('h-1,"Sent over a real socket",9,2026-11-02,web,offer'),
        signal,
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ committed: true, imported: 1 });
    const preview = await fetch(`http://127.0.0.1:${port}/api/mod/customer-voice/preview?format=csv`, {
      method: 'POST',
      headers: { cookie: moderator.cookie, 'content-type': 'text/csv' },
      body: csv('h-2,"Preview over a socket",9,2026-11-02,web,offer'),
      signal,
    });
    expect(preview.status).toBe(200);
  });
});
