import { describe, expect, test } from 'vitest';
import { handoffThemeSource } from '../../server/handoffs/queries.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { givenRatings, repeat } from './helpers.ts';

// The themes read handoff comments through this source. A team's month with fewer than k ratings must not
// reach them (a comment there could single its author out), in the digest the job compares or in the text
// it reads. The rule is counted in SQL, so it is attacked here through both questions the source answers.
const t = build();

describe('handoff comments as a themes source', () => {
  test('a team’s month under k reaches neither the digest nor the read; from k on it does, redacted', async () => {
    const legal = await departmentId(t.app, 'Legal');
    const mine = async () => {
      const [digests, items] = await Promise.all([
        handoffThemeSource.digest(t.app.db),
        handoffThemeSource.read(t.app.db),
      ]);
      const ours = items.filter((item) => item.departmentId === legal);
      const ids = new Set(ours.map((item) => item.id));
      return { ours, digests: digests.filter((digest) => ids.has(digest.id)), all: digests, items };
    };
    await givenRatings(t.app, legal, [
      { comment: 'The contract review took three weeks, call me on 07700 900123.' },
      { comment: 'Hidden: names a colleague.', commentModeration: 'hidden' },
      { comment: '   ' },
      ...repeat(1, {}),
    ]);
    let seen = await mine();
    expect(seen.ours).toEqual([]);
    // Nothing of Legal's month in the digest either (by id: every digest is a released item).
    expect(seen.all.length).toBe(seen.items.length);

    await givenRatings(t.app, legal, [{}]);
    seen = await mine();
    expect(seen.ours).toHaveLength(1);
    const [item] = seen.ours;
    expect(item!.text).not.toContain('07700');
    expect(item!.text).toMatch(/contract review/);
    expect(seen.digests).toEqual([
      { id: item!.id, source: 'handoff', hash: item!.hash, day: item!.day, published: true },
    ]);
    expect(seen.all.length).toBe(seen.items.length);

    // A read by id is held to the same rule: another team's month under k gives nothing back.
    const finance = await departmentId(t.app, 'Finance');
    await givenRatings(t.app, finance, [{ comment: 'Invoices bounce between us and procurement.' }]);
    const { items } = await mine();
    expect(items.some((entry) => entry.departmentId === finance)).toBe(false);
    const [underK] = await t.app.db
      .selectFrom('handoff_rating')
      .select('id')
      .where('department_id', '=', finance)
      .where('comment', 'is not', null)
      .execute();
    expect(await handoffThemeSource.read(t.app.db, [underK!.id])).toEqual([]);
  });
});
