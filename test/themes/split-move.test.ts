import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertSuggestion } from '../../server/suggestions/queries.ts';
import { themesJob } from '../../server/themes/job.ts';
import { build } from '../helpers/build.ts';
import { departmentId } from '../helpers/departments.ts';
import { given, type SignedInStaff } from '../helpers/given.ts';
import { CANTEEN, daysAgo, PARKING, type ThemeJson } from './fixtures.ts';

// Split and move through the API (audited, kept on every recompute), and snapshot saves that write only
// what changed.

const t = build();
let moderator: SignedInStaff;

const modThemes = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/mod/themes', headers: moderator.headers })).json()
    .themes as ThemeJson[];
const itemsOf = async (id: string) =>
  (
    (
      await t.app.inject({ method: 'GET', url: `/api/mod/themes/${id}/items`, headers: moderator.headers })
    ).json().items as Array<{ id: string; text: string }>
  ).map((item) => item);
const correct = (id: string, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/mod/themes/${id}/corrections`,
    headers: moderator.headers,
    payload: body as object,
  });
const recompute = () =>
  t.app.inject({ method: 'POST', url: '/api/mod/themes/recompute', headers: moderator.headers });
const about = (pattern: RegExp) => (theme: ThemeJson) =>
  pattern.test(`${theme.label} ${theme.keywords.join(' ')}`);

/** Which transaction last wrote each theme-item row (unchanged rows keep theirs). */
const writers = async () =>
  new Map(
    (
      await sql<{
        item_id: string;
        xmin: string;
      }>`select item_id, xmin::text as xmin from theme_item where scope = 'all'`.execute(t.app.db)
    ).rows.map((row) => [row.item_id, row.xmin]),
  );

beforeAll(async () => {
  moderator = await given(t.app).staff('moderator');
  const facilities = await departmentId(t.app, 'Facilities');
  await t.app.db.transaction().execute(async (trx) => {
    for (const [i, text] of [...PARKING, ...CANTEEN].entries())
      await insertSuggestion(trx, {
        text,
        concernsDepartmentId: facilities,
        ownDepartmentId: null,
        moderation: 'published',
        reviewed: true,
        piiFlags: [],
        day: daysAgo(1 + ((i * 5) % 80)),
      });
  });
  await themesJob(t.app).idle();
  await themesJob(t.app).recompute();
});

describe('split and move', () => {
  it('split by keywords makes a new theme of those comments; it holds across recomputes and is audited', async () => {
    // The theme that holds the coffee-machine comment (whatever the engine named it).
    let canteen: ThemeJson | undefined;
    let mentions: string[] = [];
    for (const theme of await modThemes()) {
      const items = await itemsOf(theme.id);
      if (!items.some((item) => /coffee machine/i.test(item.text))) continue;
      canteen = theme;
      mentions = items.filter((item) => /\b(coffee|salad)\b/i.test(item.text)).map((item) => item.id);
    }
    if (!canteen) {
      // Say what the engine made of the corpus, so a failure here can be read.
      const runs = await t.app.db.selectFrom('theme_run').selectAll().execute();
      const rows = await sql<{
        theme_id: string;
        n: number;
      }>`select theme_id, count(*)::int as n from theme_item where scope = 'all' group by theme_id`.execute(
        t.app.db,
      );
      console.log({ themes: await modThemes(), runs, rows: rows.rows });
    }
    expect(canteen).toBeDefined();
    expect(mentions.length).toBeLessThan(canteen!.size);
    const response = await correct(canteen!.id, {
      kind: 'split',
      keywords: ['coffee', 'salad'],
      label: 'Drinks and salads',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await recompute()).statusCode).toBe(200);
    const themes = await modThemes();
    const split = themes.find((theme) => theme.label === 'Drinks and salads')!;
    expect(split).toBeDefined();
    expect((await itemsOf(split.id)).map((item) => item.id).sort()).toEqual(mentions.sort());
    // The new theme has an id of its own: the theme it came from keeps its id for what is left (or
    // retires, when what is left is too small to stand), and no other theme holds those comments.
    expect(split.id).not.toBe(canteen!.id);
    for (const theme of themes.filter((theme) => theme.id !== split.id))
      expect((await itemsOf(theme.id)).filter((item) => mentions.includes(item.id))).toEqual([]);
    expect((await recompute()).statusCode).toBe(200);
    expect((await modThemes()).find((theme) => theme.label === 'Drinks and salads')?.id).toBe(split.id);
    const logged = await t.app.db
      .selectFrom('audit_log')
      .select(['staff_username', 'detail'])
      .where('action', '=', 'theme.split')
      .where('target_id', '=', canteen!.id)
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.staff_username).toBe(moderator.username);
    expect(logged[0]!.detail).toMatchObject({ comments: mentions.length, to: 'Drinks and salads' });
  });

  it('move puts chosen comments in another theme and they stay there', async () => {
    const themes = await modThemes();
    const parking = themes.find(about(/park/i))!;
    const canteen = themes.find(about(/canteen/i))!;
    const chosen = (await itemsOf(parking.id)).slice(0, 2).map((item) => item.id);
    const response = await correct(parking.id, { kind: 'move', into: canteen.id, itemIds: chosen });
    expect(response.statusCode, response.body).toBe(200);
    for (let run = 0; run < 2; run++) {
      expect((await recompute()).statusCode).toBe(200);
      const inCanteen = (await itemsOf(canteen.id)).map((item) => item.id);
      const inParking = (await itemsOf(parking.id)).map((item) => item.id);
      for (const id of chosen) {
        expect(inCanteen).toContain(id);
        expect(inParking).not.toContain(id);
      }
    }
    const logged = await t.app.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'theme.move')
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.detail).toMatchObject({ into: canteen.id, comments: 2 });
  });

  it('refuses splits and moves that make no sense', async () => {
    const themes = await modThemes();
    const [a, b] = [themes[0]!, themes[1]!];
    const held = (await itemsOf(a.id)).map((item) => item.id);
    const other = (await itemsOf(b.id)).map((item) => item.id);
    for (const body of [
      { kind: 'split' },
      { kind: 'split', itemIds: [held[0]], keywords: ['car'] },
      { kind: 'split', itemIds: held },
      { kind: 'split', itemIds: [other[0]] },
      { kind: 'split', keywords: ['zzzzunmentioned'] },
      { kind: 'split', itemIds: [] },
      { kind: 'move', into: a.id, itemIds: [held[0]] },
      { kind: 'move', into: b.id, itemIds: [other[0]] },
      { kind: 'move', into: b.id },
      { kind: 'move', into: b.id, itemIds: [held[0], held[0]] },
    ]) {
      const bad = await correct(a.id, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
    }
    const nowhere = await correct(a.id, {
      kind: 'move',
      into: '00000000-0000-4000-8000-000000000000',
      itemIds: [held[0]],
    });
    expect(nowhere.statusCode).toBe(404);
  });
});

describe('snapshot saves', () => {
  it('a recompute with nothing changed rewrites no theme-item row; one moderation decision rewrites one', async () => {
    const before = await writers();
    expect(before.size).toBeGreaterThan(10);
    expect((await recompute()).statusCode).toBe(200);
    expect(await writers()).toEqual(before);

    // A moderation decision on one comment (pending → published) changes that comment's row only: the
    // texts are the same, so the clustering and every other row are too.
    const someone = [...before.keys()][0]!;
    await t.app.db
      .updateTable('suggestion')
      .set({ moderation: 'pending' })
      .where('id', '=', someone)
      .execute();
    expect((await recompute()).statusCode).toBe(200);
    const after = await writers();
    const rewritten = [...after].filter(([id, xmin]) => before.get(id) !== xmin).map(([id]) => id);
    expect(rewritten).toEqual([someone]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('a node writes only the rows that changed since its own last save, and compares in full once another save came between', async () => {
    const sentimentOf = async (id: string) =>
      (
        await t.app.db
          .selectFrom('theme_item')
          .select('sentiment')
          .where('scope', '=', 'all')
          .where('item_id', '=', id)
          .executeTakeFirstOrThrow()
      ).sentiment;
    const [victim] = [...(await writers()).keys()];
    const truth = await sentimentOf(victim!);
    // Another node's save writes its own values with their fingerprint.
    const tamper = sql`update theme_item set sentiment = 0.123, fingerprint = 'another node'
      where scope = 'all' and item_id = ${victim}`;

    // A row changed behind the snapshot's back, with no save recorded: this node trusts its last save
    // and does not even read the row (nothing of the row's inputs changed).
    await tamper.execute(t.app.db);
    expect((await recompute()).statusCode).toBe(200);
    expect(await sentimentOf(victim!)).toBe(0.123);

    // The same row as another node's save leaves it: a newer theme_run. Now every row is compared.
    await sql`update theme_run set computed_at = computed_at + interval '1 second' where scope = 'all'`.execute(
      t.app.db,
    );
    expect((await recompute()).statusCode).toBe(200);
    expect(await sentimentOf(victim!)).toBe(truth);
  });

  it('comparing in full, it rewrites a centrality another node left beyond the slack and keeps one within it', async () => {
    const centralities = async () =>
      new Map(
        (
          await t.app.db
            .selectFrom('theme_item')
            .select(['item_id', 'centrality'])
            .where('scope', '=', 'all')
            .execute()
        ).map((row) => [row.item_id, row.centrality]),
      );
    /** Another node's save: its own centralities (not in the fingerprint), and a newer theme_run. */
    const anotherNodeSaves = async (values: Array<[string, number]>) => {
      for (const [id, centrality] of values)
        await sql`update theme_item set centrality = ${centrality} where scope = 'all' and item_id = ${id}`.execute(
          t.app.db,
        );
      await sql`update theme_run set computed_at = computed_at + interval '1 second' where scope = 'all'`.execute(
        t.app.db,
      );
    };
    // Two rows with room for a nudge inside the 5 % slack (it is relative above 1). A stored value may
    // stand up to the slack away from the computed one: first both are set far off, so the full compare
    // writes what this node computes.
    const [far, near] = [...(await centralities())]
      .filter(([, centrality]) => centrality >= 2)
      .map(([id]) => id);
    await anotherNodeSaves([
      [far!, 1000],
      [near!, 1000],
    ]);
    expect((await recompute()).statusCode).toBe(200);
    const computed = await centralities();
    expect(computed.get(far!)).toBeLessThan(1000);
    expect(computed.get(near!)).toBeLessThan(1000);

    const nudged = computed.get(near!)! * 1.04;
    await anotherNodeSaves([
      [far!, computed.get(far!)! + 100],
      [near!, nudged],
    ]);
    const before = await writers();
    expect((await recompute()).statusCode).toBe(200);
    const after = await centralities();
    expect(after.get(far!)).toBe(computed.get(far!));
    expect(after.get(near!)).toBe(nudged);
    expect((await writers()).get(near!)).toBe(before.get(near!));
  });
});
