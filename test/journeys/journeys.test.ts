import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { createJourney, journey, stage } from './helpers.ts';
import type { JourneyDefinitionT } from '../../common/api/journeys.ts';

const t = build();
let admin: SignedInStaff;
let moderator: SignedInStaff;
let legal: string;
let it: string;

beforeAll(async () => {
  admin = await given(t.app).staff('admin');
  moderator = await given(t.app).staff('moderator');
  legal = await departmentId(t.app, 'Legal');
  it = await departmentId(t.app, 'IT');
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('journeys as data', () => {
  test('only admins define journeys; everyone reads them', async () => {
    const definition = journey([stage('enquiry', [legal])]);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/admin/journeys', payload: definition });
    expect(anonymous.statusCode).toBe(401);
    const asModerator = await t.app.inject({
      method: 'POST',
      url: '/api/admin/journeys',
      headers: moderator.headers,
      payload: definition,
    });
    expect(asModerator.statusCode).toBe(403);
    const { id, version } = await createJourney(t.app, admin.headers, definition);
    expect(version).toBe(1);
    const read = (await get(`/api/journeys/${id}`)).json();
    expect(read).toMatchObject({
      id,
      version: 1,
      versions: 1,
      name: 'Open an account',
      createdBy: admin.username,
    });
    expect(read.stages[0].backstage).toEqual([
      { departmentId: legal, actions: ['Backstage works on enquiry'] },
    ]);
    const list = (await get('/api/journeys')).json();
    expect(list.journeys.map((entry: { id: string }) => entry.id)).toContain(id);
  });

  test('an edit is a new version and never rewrites the past', async () => {
    const first = journey([stage('a', [legal]), stage('b', [it])], 'Versioned');
    const { id } = await createJourney(t.app, admin.headers, first);
    const second = journey([stage('b', [it]), stage('a', [legal, it])], 'Versioned, reordered');
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/journeys/${id}`,
      headers: admin.headers,
      payload: second,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toEqual({ id, version: 2 });
    const v1 = (await get(`/api/journeys/${id}?version=1`)).json();
    const v2 = (await get(`/api/journeys/${id}`)).json();
    expect(v1.stages.map((s: { key: string }) => s.key)).toEqual(['a', 'b']);
    expect(v1.name).toBe('Versioned');
    expect(v2).toMatchObject({ version: 2, versions: 2, name: 'Versioned, reordered' });
    expect(v2.stages.map((s: { key: string }) => s.key)).toEqual(['b', 'a']);
    const versions = (await get(`/api/journeys/${id}/versions`)).json().versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await get(`/api/journeys/${id}?version=3`)).statusCode).toBe(404);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['journey.create', 'journey.edit']);
  });

  test('bad input is a clear 400 and writes nothing', async () => {
    const before = await t.app.db
      .selectFrom('journey_version')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: Array<[object, string]> = [
      [journey([]), 'empty_journey'],
      [journey([stage('a', [legal]), stage('a', [it])]), 'duplicate_stage_key'],
      [journey([stage('a', ['00000000-0000-4000-8000-000000000000'])]), 'unknown_department'],
      [journey([stage('a', [legal], { customerActions: ['  '] })]), 'empty_stage'],
      [journey([stage('a', [legal, legal])]), 'duplicate_department'],
      [journey([stage('Not a key!', [legal])]), 'invalid_request'],
      [{ name: 'x', description: '', stages: [{ key: 'a' }] }, 'invalid_request'],
      [{ ...journey([stage('a', [legal])]), next: 'a' }, 'invalid_request'],
    ];
    for (const [payload, code] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/admin/journeys',
        headers: admin.headers,
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ error: code, message: expect.any(String) });
    }
    const after = await t.app.db
      .selectFrom('journey_version')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  test('export, import and export again give the same journey; import into adds a version', async () => {
    const definition = journey(
      [stage('apply', [legal], { touchpoints: ['application'] }), stage('decide', [it, legal])],
      'Round trip',
    );
    const { id } = await createJourney(t.app, admin.headers, definition);
    const exported = (await get(`/api/admin/journeys/${id}/export`, admin.headers)).json();
    expect(exported).toEqual({ format: 'greenroom.journey', formatVersion: 1, journey: definition });
    expect((await get(`/api/admin/journeys/${id}/export`)).statusCode).toBe(401);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/admin/journeys/import',
      headers: admin.headers,
      payload: exported,
    });
    expect(imported.statusCode).toBe(201);
    const copy = imported.json();
    expect(copy.id).not.toBe(id);
    const again = (await get(`/api/admin/journeys/${copy.id}/export`, admin.headers)).json();
    expect(again).toEqual(exported);
    const into = await t.app.inject({
      method: 'POST',
      url: `/api/admin/journeys/import?into=${id}`,
      headers: admin.headers,
      payload: exported,
    });
    expect(into.json()).toEqual({ id, version: 2 });
    const wrongFormat = await t.app.inject({
      method: 'POST',
      url: '/api/admin/journeys/import',
      headers: admin.headers,
      payload: { ...exported, format: 'something.else' },
    });
    expect(wrongFormat.statusCode).toBe(400);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/admin/journeys/import?into=00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
      payload: exported,
    });
    expect(missing.statusCode).toBe(404);
  });

  test('property: any valid journey survives export → import → export unchanged, and every edit is one more version', async () => {
    const departments = [legal, it];
    const line = fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((text) => text.trim() === text && text.length > 0);
    const lines = fc.array(line, { maxLength: 3 });
    const stageArb = (key: string) =>
      fc
        .record({
          name: line,
          customerActions: fc.array(line, { minLength: 1, maxLength: 3 }),
          people: lines,
          actions: lines,
          systems: lines,
          policies: lines,
          touchpoints: lines,
          lineOfVisibility: fc.constantFrom('', 'The customer sees the letter.'),
          backstage: fc.subarray(departments),
        })
        .map((s) => ({
          key,
          name: s.name,
          customerActions: s.customerActions,
          frontstage: { actions: s.actions, people: s.people },
          lineOfVisibility: s.lineOfVisibility,
          backstage: s.backstage.map((departmentId) => ({ departmentId, actions: s.actions })),
          systems: s.systems,
          policies: s.policies,
          touchpoints: s.touchpoints,
        }));
    const journeyArb = fc
      .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 1, maxLength: 5 })
      .chain((keys) => fc.tuple(...keys.map(stageArb)))
      .chain((stages) =>
        fc.record({ name: line, description: fc.constantFrom('', 'Demo'), stages: fc.constant(stages) }),
      );
    await fc.assert(
      fc.asyncProperty(
        journeyArb,
        fc.integer({ min: 1, max: 3 }),
        async (definition: JourneyDefinitionT, edits) => {
          const { id } = await createJourney(t.app, admin.headers, definition);
          for (let i = 0; i < edits; i++) {
            const response = await t.app.inject({
              method: 'PUT',
              url: `/api/admin/journeys/${id}`,
              headers: admin.headers,
              payload: { ...definition, stages: [...definition.stages].reverse() },
            });
            expect(response.json().version).toBe(i + 2);
          }
          const v1 = (await get(`/api/admin/journeys/${id}/export?version=1`, admin.headers)).json();
          expect(v1.journey).toEqual(definition);
          const copy = (
            await t.app.inject({
              method: 'POST',
              url: '/api/admin/journeys/import',
              headers: admin.headers,
              payload: v1,
            })
          ).json();
          expect((await get(`/api/admin/journeys/${copy.id}/export`, admin.headers)).json()).toEqual(v1);
          expect((await get(`/api/journeys/${id}/versions`)).json().versions).toHaveLength(edits + 1);
        },
      ),
      { numRuns: 15 },
    );
  });

  test('the department page learns where the team sits on each journey', async () => {
    const finance = await departmentId(t.app, 'Finance');
    await createJourney(
      t.app,
      admin.headers,
      journey([stage('first', [legal]), stage('pay', [finance])], 'Pay out'),
    );
    const body = (await get(`/api/departments/${finance}/journeys`)).json();
    const entry = body.journeys.find((j: { name: string }) => j.name === 'Pay out');
    expect(entry.stages).toEqual([
      expect.objectContaining({ key: 'pay', position: 2, of: 2, actions: ['Backstage works on pay'] }),
    ]);
    expect((await get('/api/departments/00000000-0000-4000-8000-000000000000/journeys')).statusCode).toBe(
      404,
    );
  });
});
