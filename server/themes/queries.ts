import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThemeScope, ThemeSource } from '../../db/tables/themes.ts';
import type { PreviousTheme, Theme, ThemeCorrection } from './engine/index.ts';

type Db = Kysely<Database>;

/** Themes a new computation may recognise: the current ones and the most recently retired. */
export async function previousThemes(db: Db, scope: ThemeScope): Promise<PreviousTheme[]> {
  const rows = await db
    .selectFrom('theme')
    .select(['id', 'signature', 'label', 'trend'])
    .where('scope', '=', scope)
    .orderBy('retired')
    .orderBy('last_seen', 'desc')
    .limit(200)
    .execute();
  const items = await db
    .selectFrom('theme_item')
    .select(['theme_id', 'item_id'])
    .where('scope', '=', scope)
    .execute();
  const byTheme = new Map<string, string[]>();
  for (const { theme_id, item_id } of items) {
    const list = byTheme.get(theme_id) ?? [];
    list.push(item_id);
    byTheme.set(theme_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    signature: row.signature,
    label: row.label,
    trend: row.trend,
    itemIds: byTheme.get(row.id) ?? [],
  }));
}

export interface SnapshotItem {
  itemId: string;
  themeId: string;
  source: ThemeSource;
  text: string;
  day: string;
  published: boolean;
  departmentId: string | null;
  status: string | null;
  sentiment: number;
  centrality: number;
}

export interface Snapshot {
  scope: ThemeScope;
  asOf: string;
  firstDay: string | null;
  themes: Theme[];
  items: SnapshotItem[];
  itemCount: number;
  unclustered: number;
  durationMs: number;
  incremental: boolean;
}

/** Replaces a scope's snapshot in one transaction: themes upserted by id, vanished ones retired. */
export async function saveSnapshot(db: Db, snapshot: Snapshot): Promise<void> {
  const { scope, asOf } = snapshot;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('theme_item').where('scope', '=', scope).execute();
    const ids = snapshot.themes.map((theme) => theme.id);
    let retire = trx
      .updateTable('theme')
      .set({ retired: true, rank: null })
      .where('scope', '=', scope)
      .where('retired', '=', false);
    if (ids.length > 0) retire = retire.where('id', 'not in', ids);
    await retire.execute();
    for (const [rank, theme] of snapshot.themes.entries()) {
      const values = {
        label: theme.label,
        keywords: JSON.stringify(theme.keywords),
        signature: JSON.stringify(theme.signature),
        size: theme.size,
        trend: theme.trend,
        trend_test: JSON.stringify({
          recent: theme.test.recent,
          baseline: theme.test.baseline,
          ratio: Number.isFinite(theme.test.ratio) ? theme.test.ratio : null,
          pValue: theme.test.pValue,
        }),
        sentiment: theme.sentiment,
        daily: JSON.stringify(theme.daily),
        quotes: JSON.stringify(theme.quotes),
        rank,
        last_seen: asOf,
        retired: false,
      };
      await trx
        .insertInto('theme')
        .values({ id: theme.id, scope, first_seen: asOf, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    }
    for (let start = 0; start < snapshot.items.length; start += 500) {
      const batch = snapshot.items.slice(start, start + 500).map((item) => ({
        scope,
        theme_id: item.themeId,
        item_id: item.itemId,
        source: item.source,
        text: item.text,
        day: item.day,
        published: item.published,
        department_id: item.departmentId,
        status: item.status,
        sentiment: item.sentiment,
        centrality: item.centrality,
      }));
      await trx.insertInto('theme_item').values(batch).execute();
    }
    const run = {
      computed_at: new Date(),
      as_of: asOf,
      first_day: snapshot.firstDay,
      item_count: snapshot.itemCount,
      theme_count: snapshot.themes.length,
      unclustered: snapshot.unclustered,
      duration_ms: Math.round(snapshot.durationMs),
      incremental: snapshot.incremental,
    };
    await trx
      .insertInto('theme_run')
      .values({ scope, ...run })
      .onConflict((oc) => oc.column('scope').doUpdateSet(run))
      .execute();
  });
}

export async function latestRun(db: Db, scope: ThemeScope) {
  return (
    (await db
      .selectFrom('theme_run')
      .select([
        'computed_at as computedAt',
        'as_of as asOf',
        'first_day as firstDay',
        'item_count as itemCount',
        'theme_count as themeCount',
        'unclustered',
      ])
      .where('scope', '=', scope)
      .executeTakeFirst()) ?? null
  );
}

/** Current themes of a scope, most urgent first. */
export async function listThemes(db: Db, scope: ThemeScope) {
  return db
    .selectFrom('theme')
    .select([
      'id',
      'label',
      'keywords',
      'size',
      'trend',
      'sentiment',
      'daily',
      'quotes',
      'trend_test as trendTest',
      'first_seen as firstSeen',
    ])
    .where('scope', '=', scope)
    .where('retired', '=', false)
    .orderBy('rank')
    .execute();
}

export async function findTheme(db: Db, scope: ThemeScope, id: string) {
  return (
    (await db
      .selectFrom('theme')
      .select(['id', 'label', 'keywords', 'trend'])
      .where('scope', '=', scope)
      .where('id', '=', id)
      .where('retired', '=', false)
      .executeTakeFirst()) ?? null
  );
}

export interface ItemFilters {
  themeId?: string;
  source?: ThemeSource;
  since?: string;
  departmentId?: string;
}

/** Clustered comments of a scope, newest first, optionally filtered. */
export async function listThemeItems(db: Db, scope: ThemeScope, filters: ItemFilters = {}) {
  return db
    .selectFrom('theme_item as i')
    .leftJoin('department as d', 'd.id', 'i.department_id')
    .select([
      'i.theme_id as themeId',
      'i.item_id as id',
      'i.source',
      'i.text',
      'i.day',
      'i.published',
      'i.department_id as departmentId',
      'd.name as departmentName',
      'i.status',
      'i.sentiment',
      'i.centrality',
    ])
    .where('i.scope', '=', scope)
    .$if(filters.themeId !== undefined, (q) => q.where('i.theme_id', '=', filters.themeId!))
    .$if(filters.source !== undefined, (q) => q.where('i.source', '=', filters.source!))
    .$if(filters.since !== undefined, (q) => q.where('i.day', '>=', filters.since!))
    .$if(filters.departmentId !== undefined, (q) => q.where('i.department_id', '=', filters.departmentId!))
    .orderBy('i.day', 'desc')
    .orderBy('i.item_id')
    .execute();
}

export async function departmentNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('department').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Debug/ops: how many comments each scope holds (used by tests and the dashboard footer). */
export async function countThemeItems(db: Db, scope: ThemeScope): Promise<number> {
  const row = await db
    .selectFrom('theme_item')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('scope', '=', scope)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every moderator correction, oldest first (the engine applies them in order). */
export async function listCorrections(db: Db): Promise<ThemeCorrection[]> {
  const rows = await db
    .selectFrom('theme_correction')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((row): ThemeCorrection[] => {
    const anchorItems = row.anchor_items;
    switch (row.kind) {
      case 'rename':
        return row.label ? [{ kind: 'rename', themeId: row.theme_id, label: row.label, anchorItems }] : [];
      case 'merge':
        return row.into_theme_id
          ? [
              {
                kind: 'merge',
                themeId: row.theme_id,
                intoThemeId: row.into_theme_id,
                anchorItems,
                intoAnchorItems: row.into_anchor_items,
              },
            ]
          : [];
      default:
        return [{ kind: row.kind, themeId: row.theme_id, anchorItems }];
    }
  });
}

/** The comments a theme holds now (what a correction made on it is anchored to). */
export async function themeItemIds(db: Db, scope: ThemeScope, themeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('theme_item')
    .select('item_id')
    .where('scope', '=', scope)
    .where('theme_id', '=', themeId)
    .execute();
  return rows.map((row) => row.item_id);
}

export async function insertCorrection(
  db: Db,
  correction: {
    id: string;
    kind: 'rename' | 'merge' | 'pin' | 'hide';
    themeId: string;
    intoThemeId?: string;
    label?: string;
    anchorItems: string[];
    intoAnchorItems?: string[];
    createdBy: string;
  },
) {
  await db
    .insertInto('theme_correction')
    .values({
      id: correction.id,
      kind: correction.kind,
      theme_id: correction.themeId,
      into_theme_id: correction.intoThemeId ?? null,
      label: correction.label ?? null,
      anchor_items: JSON.stringify(correction.anchorItems),
      into_anchor_items: JSON.stringify(correction.intoAnchorItems ?? []),
      created_by: correction.createdBy,
    })
    .execute();
}
