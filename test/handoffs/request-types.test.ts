import { beforeAll, describe, expect, test } from 'vitest';
import { build } from '../helpers/build.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { departmentId } from '../helpers/departments.ts';
import { givenRatings } from './helpers.ts';

// Issue 17's admin page for request types: create, rename, reorder, archive. An archived type leaves the
// rating form; the ratings that named it keep it.

const t = build();
let admin: SignedInStaff;
let moderator: SignedInStaff;
let legal: string;

beforeAll(async () => {
  admin = await given(t.app).staff('admin');
  moderator = await given(t.app).staff('moderator');
  legal = await departmentId(t.app, 'Legal');
});

const send = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  staff = admin,
) => t.app.inject({ method, url, headers: staff.headers, ...(payload ? { payload } : {}) });
const formTypes = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/handoffs/teams' }))
    .json()
    .teams.find((team: { id: string }) => team.id === legal)
    .requestTypes.map((type: { label: string }) => type.label);
const adminTypes = async () =>
  (await send('GET', `/api/admin/handoffs/request-types?departmentId=${legal}`)).json().types;

describe('request types per team', () => {
  test('created types come last; the form offers them in the admins’ order', async () => {
    for (const label of ['Contract review', 'Complaint letter', 'Power of attorney']) {
      const response = await send('POST', '/api/admin/handoffs/request-types', {
        departmentId: legal,
        label,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    expect(await formTypes()).toEqual(['Contract review', 'Complaint letter', 'Power of attorney']);
    const ids = (await adminTypes()).map((type: { id: string }) => type.id);
    const reordered = await send('PUT', `/api/admin/handoffs/departments/${legal}/request-types/order`, {
      ids: [ids[2], ids[0], ids[1]],
    });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(await formTypes()).toEqual(['Power of attorney', 'Contract review', 'Complaint letter']);
    const incomplete = await send('PUT', `/api/admin/handoffs/departments/${legal}/request-types/order`, {
      ids: [ids[0]],
    });
    expect([incomplete.statusCode, incomplete.json().error]).toEqual([400, 'incomplete_order']);
  });

  test('renaming keeps the ratings that named the type; a taken name is 409', async () => {
    const [type] = (await adminTypes()).filter(
      (entry: { label: string }) => entry.label === 'Complaint letter',
    );
    await givenRatings(t.app, legal, [{ requestTypeId: type.id }]);
    const renamed = await send('PATCH', `/api/admin/handoffs/request-types/${type.id}`, {
      label: 'Complaint reply',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: type.id, label: 'Complaint reply', archived: false });
    const taken = await send('PATCH', `/api/admin/handoffs/request-types/${type.id}`, {
      label: 'Contract review',
    });
    expect([taken.statusCode, taken.json().error]).toEqual([409, 'label_taken']);
    const blank = await send('PATCH', `/api/admin/handoffs/request-types/${type.id}`, { label: '   ' });
    expect([blank.statusCode, blank.json().error]).toEqual([400, 'label_required']);
    const empty = await send('PATCH', `/api/admin/handoffs/request-types/${type.id}`, {});
    expect(empty.statusCode).toBe(400);
    const rows = await t.app.db.selectFrom('handoff_rating').select('request_type_id').execute();
    expect(rows).toEqual([{ request_type_id: type.id }]);
  });

  test('an archived type leaves the form, keeps its history, refuses new ratings, and can come back', async () => {
    const [type] = (await adminTypes()).filter(
      (entry: { label: string }) => entry.label === 'Complaint reply',
    );
    const archived = await send('PATCH', `/api/admin/handoffs/request-types/${type.id}`, { archived: true });
    expect(archived.json()).toMatchObject({ archived: true });
    expect(await formTypes()).toEqual(['Power of attorney', 'Contract review']);
    expect((await adminTypes()).map((entry: { label: string }) => entry.label)).toContain('Complaint reply');
    expect(await t.app.db.selectFrom('handoff_rating').select('request_type_id').execute()).toEqual([
      { request_type_id: type.id },
    ]);
    // The order lists only the types still offered.
    const current = (await adminTypes()).filter((entry: { archived: boolean }) => !entry.archived);
    const order = await send('PUT', `/api/admin/handoffs/departments/${legal}/request-types/order`, {
      ids: current.map((entry: { id: string }) => entry.id).reverse(),
    });
    expect(order.statusCode, order.body).toBe(200);
    const restored = await send('PATCH', `/api/admin/handoffs/request-types/${type.id}`, { archived: false });
    expect(restored.json()).toMatchObject({ archived: false });
    expect(await formTypes()).toContain('Complaint reply');
  });

  test('only admins: moderators and employees cannot reach these routes', async () => {
    const [type] = await adminTypes();
    for (const [method, url, payload] of [
      ['GET', '/api/admin/handoffs/request-types', undefined],
      ['PATCH', `/api/admin/handoffs/request-types/${type.id}`, { label: 'X' }],
      ['PUT', `/api/admin/handoffs/departments/${legal}/request-types/order`, { ids: [type.id] }],
    ] as const) {
      expect((await send(method, url, payload, moderator)).statusCode).toBe(403);
      expect((await t.app.inject({ method, url, ...(payload ? { payload } : {}) })).statusCode).toBe(401);
    }
    const missing = await send(
      'PATCH',
      '/api/admin/handoffs/request-types/00000000-0000-4000-8000-000000000000',
      {
        label: 'Y',
      },
    );
    expect(missing.statusCode).toBe(404);
  });
});
