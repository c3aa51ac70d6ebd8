import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { themesJob } from '../../server/themes/job.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { csv, upload } from './helpers.ts';

const t = build();
let moderator: SignedInStaff;
let underwriting: string;
let legal: string;

const month = new Date().toISOString().slice(0, 7);
const day = `${month}-01`;

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  underwriting = await departmentId(t.app, 'Underwriting');
  legal = await departmentId(t.app, 'Legal & Compliance');
  // Seven comments at the offer stage, two about letters (a group below k = 5 on its own).
  const rows = Array.from(
    { length: 7 },
    (_, i) =>
      `o-${i},"The mortgage offer arrived within a week and the valuation was handled without any fuss at all",${i < 5 ? 10 : 3},${day},web,offer`,
  );
  rows.push(`l-1,"The letter about my loan was confusing and full of legal jargon",4,${day},post,letters`);
  rows.push(`l-2,"Another confusing letter arrived, again with legal jargon",5,${day},post,letters`);
  const response = await upload(t.app, moderator.cookie, csv(...rows));
  expect(response.json()).toMatchObject({ committed: true, imported: 9 });
});

const mod = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: moderator.headers, ...(payload ? { payload } : {}) });

describe('mapping feedback to departments', () => {
  test('a stage rule maps existing feedback and later imports', async () => {
    const rule = await mod('POST', '/api/mod/customer-voice/rules', {
      departmentId: underwriting,
      stage: 'offer',
    });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(rule.json().mapped).toBe(7);
    const later = await upload(
      t.app,
      moderator.cookie,
      csv(`o-late,"Offer came quickly, thanks",9,${day},web,Offer`),
    );
    expect(later.json()).toMatchObject({ imported: 1, mappedToDepartments: 1 });
    const keyword = await mod('POST', '/api/mod/customer-voice/rules', {
      departmentId: legal,
      keyword: 'jargon',
    });
    expect(keyword.json().mapped).toBe(10); // 8 offer rows stay mapped, 2 letters join
    const empty = await mod('POST', '/api/mod/customer-voice/rules', { departmentId: legal });
    expect(empty.json().error).toBe('empty_rule');
  });

  test('a moderator maps one comment by hand; deleting a rule keeps hand mappings', async () => {
    const list = await mod(
      'GET',
      `/api/mod/customer-voice/feedback?search=${encodeURIComponent('Another confusing')}`,
    );
    const [letter] = list.json().items;
    const mapped = await mod('PUT', `/api/mod/customer-voice/feedback/${letter.id}/departments`, {
      departmentIds: [underwriting],
    });
    expect(
      mapped
        .json()
        .departments.map((d: { name: string; mappedBy: string }) => `${d.name}:${d.mappedBy}`)
        .sort(),
    ).toEqual(['Legal & Compliance:rule', 'Underwriting:hand']);
    const rules = (await mod('GET', '/api/mod/customer-voice/rules')).json().rules;
    const jargon = rules.find((rule: { keyword: string | null }) => rule.keyword === 'jargon');
    await mod('DELETE', `/api/mod/customer-voice/rules/${jargon.id}`);
    const after = (await mod('GET', `/api/mod/customer-voice/feedback?department=${legal}`)).json();
    expect(after.total).toBe(0);
    const mine = (await mod('GET', `/api/mod/customer-voice/feedback?department=${underwriting}`)).json();
    expect(mine.total).toBe(9);
  });
});

describe('stories and what employees see', () => {
  test('the curation queue offers mapped comments; sharing one puts it on the department page', async () => {
    const queue = (await mod('GET', '/api/mod/customer-voice/stories/queue')).json().items;
    expect(queue.length).toBeGreaterThan(0);
    const candidate = queue[0];
    const shared = await mod('POST', '/api/mod/customer-voice/stories', {
      feedbackId: candidate.id,
      departmentId: underwriting,
      title: 'An offer in a week',
      text: `${candidate.text} (Mrs Patel, 07700 900123)`,
    });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json().text).toContain('([name], [phone])');
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/departments/${underwriting}/customer-voice`,
    });
    expect(page.statusCode).toBe(200);
    const voice = page.json();
    expect(voice.stories).toHaveLength(1);
    expect(voice.stories[0]).toMatchObject({ title: 'An offer in a week', month });
    expect(voice.feedback).toBe(9);
    const current = voice.trend.find((entry: { month: string }) => entry.month === month);
    // 9 NPS answers: 6 promoters (five 10s and the late 9), 3 detractors → 33.
    expect(current).toMatchObject({ responses: 9, nps: 33 });
    expect(
      (await mod('GET', '/api/mod/customer-voice/stories/queue'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(candidate.id);
  });

  test('aggregates below k are hidden from employees', async () => {
    const tiny = await departmentId(t.app, 'Facilities');
    const list = await mod('GET', `/api/mod/customer-voice/feedback?search=confusing`);
    for (const item of list.json().items)
      await mod('PUT', `/api/mod/customer-voice/feedback/${item.id}/departments`, { departmentIds: [tiny] });
    const voice = (
      await t.app.inject({ method: 'GET', url: `/api/departments/${tiny}/customer-voice` })
    ).json();
    expect(voice.feedback).toBeNull();
    expect(voice.trend.every((entry: { responses: number | null }) => entry.responses === null)).toBe(true);
    expect(voice.stories).toEqual([]);
  });

  test('employees cannot read raw feedback, the queue or drivers', async () => {
    for (const url of [
      '/api/mod/customer-voice/feedback',
      '/api/mod/customer-voice/stories/queue',
      '/api/mod/customer-voice/drivers',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
    }
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/departments/${underwriting}/customer-voice`,
    });
    expect(page.body).not.toContain('valuation was handled without any fuss at all",');
    expect(Object.keys(page.json().stories[0]).sort()).toEqual(
      ['channel', 'department', 'id', 'month', 'score', 'scoreKind', 'stage', 'text', 'title'].sort(),
    );
  });

  test('NPS drivers answer from the moderators’ themes; customer text is never published to employee themes', async () => {
    await themesJob(t.app).recompute(['all']);
    const drivers = await mod('GET', '/api/mod/customer-voice/drivers');
    expect(drivers.statusCode, drivers.body).toBe(200);
    const body = drivers.json();
    expect(body.detractors).toBeGreaterThan(0);
    expect(body.promoters).toBeGreaterThan(0);
    const publicItems = await t.app.db
      .selectFrom('theme_item')
      .select('source')
      .where('source', '=', 'customer')
      .where('published', '=', true)
      .execute();
    expect(publicItems).toEqual([]);
  });
});
