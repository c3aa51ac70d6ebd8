import { hash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThemeScope, ThemeSource } from '../../db/tables/themes.ts';
import type { HiddenTheme, PreviousTheme, Theme, ThemeCorrection } from './engine/index.ts';

type Db = Kysely<Database>;

/** Themes a new computation may recognise: the current ones and the most recently retired. */
export async function previousThemes(db: Db, scope: ThemeScope): Promise<PreviousTheme[]> {
  const rows = await db
    .selectFrom('theme')
    .select(['id', 'signature', 'label', 'trend', 'hidden_items'])
    .where('scope', '=', scope)
    .orderBy('retired')
    // A hidden theme's row ages while it is hidden: it stays among those recognised however long.
    .orderBy(sql`hidden_items is null`)
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
  // A theme hidden as noise has no rows: its comments are on it, so an undone hide gives them back to it.
  return rows.map((row) => ({
    id: row.id,
    signature: row.signature,
    label: row.label,
    trend: row.trend,
    itemIds: byTheme.get(row.id) ?? row.hidden_items ?? [],
  }));
}

/**
 * The retired themes a recompute from the engine's held comments may still recognise (the current ones
 * and their comments it holds itself): ids, signatures and labels, and comment ids only for those hidden
 * as noise (the engine's result leaves them out).
 */
export async function retiredThemes(db: Db, scope: ThemeScope): Promise<PreviousTheme[]> {
  const rows = await db
    .selectFrom('theme')
    .select(['id', 'signature', 'label', 'trend', 'hidden_items'])
    .where('scope', '=', scope)
    .where('retired', '=', true)
    .orderBy(sql`hidden_items is null`)
    .orderBy('last_seen', 'desc')
    .limit(200)
    .execute();
  return rows.map(({ hidden_items, ...row }) => ({ ...row, itemIds: hidden_items ?? [] }));
}

export interface SnapshotItem {
  itemId: string;
  themeId: string;
  source: ThemeSource;
  /** The source's hash of everything the row copies from it (text, day, …): see SourceDigest. */
  hash: string;
  text: string;
  day: string;
  published: boolean;
  departmentId: string | null;
  status: string | null;
  /** The question the comment answers and the day that asking opened (pulse comments), else null. */
  prompt: string | null;
  promptAskedOn: string | null;
  sentiment: number;
  centrality: number;
}

export interface Snapshot {
  scope: ThemeScope;
  asOf: string;
  firstDay: string | null;
  themes: Theme[];
  /** Themes hidden as noise, with their comments: kept on their retired rows for an undone hide. */
  hidden?: HiddenTheme[];
  items: SnapshotItem[];
  itemCount: number;
  unclustered: number;
  durationMs: number;
  incremental: boolean;
}

/** A comment now in another theme, or scored anew, whose stored row still holds its current text. */
export type SnapshotMove = Pick<
  SnapshotItem,
  'itemId' | 'themeId' | 'source' | 'hash' | 'sentiment' | 'centrality'
>;

/**
 * A comment whose text this scope's snapshot takes from another scope's stored row (the employees' from
 * the moderators'), in SQL: the row there must still be the one `fromFingerprint` names and be published.
 */
export type SnapshotCopy = SnapshotMove & { fromScope: ThemeScope; fromFingerprint: string };

/**
 * A theme-item row's fingerprint: of the source's hash (which covers the text, day and every other copied
 * column) and what the engine decided (theme, sentiment), so a row can be compared, or moved, without its
 * text. Not of its centrality: that is compared within CENTRALITY_SLACK (`sameCentrality`).
 */
export const rowFingerprint = (scope: ThemeScope, row: Omit<SnapshotMove, 'centrality'>) =>
  fingerprint([scope, row.themeId, row.itemId, row.source, row.hash, row.sentiment]);

/** How far (relative) a comment's centrality may drift before its stored value is written again. */
export const CENTRALITY_SLACK = 0.05;

/**
 * Whether a stored centrality still stands for a computed one. Centrality only orders quotes and item
 * lists, and any change to the corpus nudges every comment's (after 40 comments added to 7,000, half of
 * them moved by 0.1 at the precision kept, 99 % by less than 3 %), as does a model computed on another
 * node: compared exactly, a save would rewrite half the snapshot for nothing a reader sees.
 */
export function sameCentrality(stored: number, computed: number): boolean {
  return Math.abs(stored - computed) <= CENTRALITY_SLACK * Math.max(1, Math.abs(stored));
}

/** A short hash of the values a row is written with: equal hashes, nothing to write. */
export function fingerprint(values: unknown[]): string {
  // One-shot hashing: a Hash object per item cost more than the SHA-1 itself over a corpus.
  return hash('sha1', JSON.stringify(values), 'base64url').slice(0, 22);
}

/**
 * Loops over a whole corpus on the server's thread (hashing, building snapshot rows) give the event loop
 * a turn every SLICE items, so a recompute never holds up focus-group delivery for more than a few
 * milliseconds at a time (the soak bench measured 60–150 ms stalls per save at 15k items before).
 */
export const SLICE = 1000;
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SaveStats {
  themesWritten: number;
  themesRetired: number;
  itemsWritten: number;
  /** Rows given another theme or scores, their text left as it was (a delta's `moved`). */
  itemsMoved: number;
  /** Rows written with their text copied in SQL from another scope's rows (`copied`). */
  itemsCopied: number;
  itemsDeleted: number;
  /** The saved run's time (theme_run.computed_at): what a later delta save names as its base. */
  computedAt: Date;
}

/**
 * A save that lists only the rows that changed since the caller's own last save of the scope (`since`,
 * that save's computed_at), and the item ids that left. It is applied only while theme_run still holds
 * that save: if anyone saved the scope since, it throws StaleSnapshotError and the caller saves in full.
 */
export interface SnapshotDelta {
  since: Date;
  removed: string[];
  /**
   * Rows whose comment is unchanged since that save (same source hash) but now in another theme or
   * scored anew: updated in place, without their text. A recompute regroups thousands of comments; read
   * and written again in full, their text crossed to this thread and back to Postgres for nothing.
   */
  moved?: SnapshotMove[];
}

export class StaleSnapshotError extends Error {
  constructor(scope: ThemeScope) {
    super(`the ${scope} themes snapshot changed since this node last saved it`);
  }
}

/** Rows to copy were not as the caller knew them (another node saved their scope since): nothing was saved. */
export class StaleCopyError extends Error {
  constructor(scope: ThemeScope, from: ThemeScope) {
    super(`the ${from} themes rows the ${scope} snapshot copies changed since this node last saved them`);
  }
}

const ITEM_BATCH = 500;

/**
 * Replaces a scope's snapshot in one transaction, writing only what changed: each theme and theme-item
 * row carries a fingerprint of its values (a theme-item row's leaves out its centrality, compared beside
 * it within CENTRALITY_SLACK), the stored fingerprints are read (ids, hashes and centralities, not text),
 * and only rows that are new, changed or gone are written. A recompute that moves a handful of
 * comments writes a handful of rows, not the whole corpus, on the main thread's connection.
 * `rewrite: true` is the old behaviour (delete and insert every row), kept for the bench's baseline.
 */
export async function saveSnapshot(
  db: Db,
  snapshot: Snapshot,
  {
    rewrite = false,
    delta,
    copied = [],
  }: { rewrite?: boolean; delta?: SnapshotDelta; copied?: SnapshotCopy[] } = {},
): Promise<SaveStats> {
  const { scope, asOf } = snapshot;
  const computedAt = new Date();
  const stats: SaveStats = {
    themesWritten: 0,
    themesRetired: 0,
    itemsWritten: 0,
    itemsMoved: 0,
    itemsCopied: 0,
    itemsDeleted: 0,
    computedAt,
  };
  await db.transaction().execute(async (trx) => {
    if (delta) {
      // Locked until commit: no other save of this scope can slip in between the check and the writes.
      const base = await trx
        .selectFrom('theme_run')
        .select('computed_at')
        .where('scope', '=', scope)
        .forUpdate()
        .executeTakeFirst();
      if (!base || new Date(base.computed_at).getTime() !== delta.since.getTime())
        throw new StaleSnapshotError(scope);
    }
    if (rewrite) {
      const deleted = await trx.deleteFrom('theme_item').where('scope', '=', scope).executeTakeFirst();
      stats.itemsDeleted = Number(deleted.numDeletedRows);
    }
    const storedThemes = new Map(
      (
        await trx
          .selectFrom('theme')
          .select(['id', 'fingerprint'])
          .where('scope', '=', scope)
          .where('retired', '=', false)
          .execute()
      ).map((row) => [row.id, row.fingerprint]),
    );
    const ids = snapshot.themes.map((theme) => theme.id);
    let retire = trx
      .updateTable('theme')
      .set({ retired: true, rank: null, fingerprint: '' })
      .where('scope', '=', scope)
      .where('retired', '=', false);
    if (ids.length > 0) retire = retire.where('id', 'not in', ids);
    stats.themesRetired = Number((await retire.executeTakeFirst()).numUpdatedRows);
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
          window: theme.test.window,
          usual: theme.test.usual,
          overall: theme.test.overall,
        }),
        sentiment: theme.sentiment,
        tone: JSON.stringify(theme.tone),
        pinned: theme.pinned,
        daily: JSON.stringify(theme.daily),
        quotes: JSON.stringify(theme.quotes),
        rank,
        last_seen: asOf,
        retired: false,
      };
      const hash = fingerprint(Object.values(values));
      if (!rewrite && storedThemes.get(theme.id) === hash) continue;
      stats.themesWritten++;
      await trx
        .insertInto('theme')
        .values({ id: theme.id, scope, first_seen: asOf, ...values, fingerprint: hash })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, fingerprint: hash }))
        .execute();
    }
    // A hidden theme's comments, on its retired row, written only when they changed; any other row's are
    // cleared (a theme shown again, a hide undone whose theme did not come back, a hidden theme left
    // empty): the computation that needed them has read them.
    const hidden = (snapshot.hidden ?? []).map((theme) => theme.id);
    let cleared = trx
      .updateTable('theme')
      .set({ hidden_items: null })
      .where('scope', '=', scope)
      .where('hidden_items', 'is not', null);
    if (hidden.length > 0) cleared = cleared.where('id', 'not in', hidden);
    stats.themesWritten += Number((await cleared.executeTakeFirst()).numUpdatedRows);
    for (const theme of snapshot.hidden ?? []) {
      const itemIds = JSON.stringify(theme.itemIds);
      const written = await trx
        .updateTable('theme')
        .set({ hidden_items: itemIds })
        .where('scope', '=', scope)
        .where('id', '=', theme.id)
        .where('retired', '=', true)
        .where(sql<boolean>`hidden_items is distinct from ${itemIds}::jsonb`)
        .executeTakeFirst();
      stats.themesWritten += Number(written.numUpdatedRows);
    }
    // The stored assignment: item ids, hashes and centralities only (no text), read in pages by key. A
    // delta save knows it already: its items are the changed rows, its `removed` the rows that left.
    const stored = new Map<string, { fingerprint: string; centrality: number }>();
    if (!rewrite && !delta)
      for (let after = ''; ;) {
        const page = await trx
          .selectFrom('theme_item')
          .select(['item_id', 'fingerprint', 'centrality'])
          .where('scope', '=', scope)
          .where('item_id', '>', after)
          .orderBy('item_id')
          .limit(10_000)
          .execute();
        for (const row of page)
          stored.set(row.item_id, { fingerprint: row.fingerprint, centrality: row.centrality });
        if (page.length < 10_000) break;
        after = page[page.length - 1]!.item_id;
      }
    /** Whether the row is stored as it would be written; either way it is no longer left to delete. */
    const storedAs = (itemId: string, hash: string, centrality: number) => {
      const before = stored.get(itemId);
      stored.delete(itemId);
      return before?.fingerprint === hash && sameCentrality(before.centrality, centrality);
    };
    const changed = [];
    for (const [n, item] of snapshot.items.entries()) {
      if (n % SLICE === SLICE - 1) await nextTurn();
      const hash = rowFingerprint(scope, item);
      if (storedAs(item.itemId, hash, item.centrality)) continue;
      changed.push({
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
        prompt: item.prompt,
        prompt_asked_on: item.promptAskedOn,
        fingerprint: hash,
      });
    }
    // A row to copy that is stored as it would be written (a save that compares in full) is left as it is.
    copied = copied.filter((row) => !storedAs(row.itemId, rowFingerprint(scope, row), row.centrality));
    // What is left of the stored assignment is no longer in any theme.
    const gone = delta ? delta.removed : [...stored.keys()];
    for (let start = 0; start < gone.length; start += ITEM_BATCH) {
      const result = await trx
        .deleteFrom('theme_item')
        .where('scope', '=', scope)
        .where('item_id', 'in', gone.slice(start, start + ITEM_BATCH))
        .executeTakeFirst();
      stats.itemsDeleted += Number(result.numDeletedRows);
    }
    const moved = delta?.moved ?? [];
    for (let start = 0; start < moved.length; start += ITEM_BATCH) {
      const batch = moved.slice(start, start + ITEM_BATCH);
      const result = await sql`update theme_item as t
        set theme_id = m.theme_id, sentiment = m.sentiment, centrality = m.centrality, fingerprint = m.fingerprint
        from unnest(${batch.map((row) => row.itemId)}::text[], ${batch.map((row) => row.themeId)}::uuid[],
          ${batch.map((row) => row.sentiment)}::float8[], ${batch.map((row) => row.centrality)}::float8[],
          ${batch.map((row) => rowFingerprint(scope, row))}::text[])
          as m(item_id, theme_id, sentiment, centrality, fingerprint)
        where t.scope = ${scope} and t.item_id = m.item_id`.execute(trx);
      // A row the caller's last save wrote is gone: that save is not what is stored (compare in full).
      if (Number(result.numAffectedRows) !== batch.length) throw new StaleSnapshotError(scope);
      stats.itemsMoved += batch.length;
    }
    for (let start = 0; start < copied.length; start += ITEM_BATCH) {
      const batch = copied.slice(start, start + ITEM_BATCH);
      // Text and the other copied columns never cross to this thread: Postgres takes them from the row of
      // the other scope, which must be the one the caller computed from, and published.
      const result = await sql`insert into theme_item as t (scope, theme_id, item_id, source, text, day,
          published, department_id, status, sentiment, centrality, prompt, prompt_asked_on, fingerprint)
        select ${scope}, m.theme_id, f.item_id, f.source, f.text, f.day, f.published, f.department_id,
          f.status, m.sentiment, m.centrality, f.prompt, f.prompt_asked_on, m.fingerprint
        from unnest(${batch.map((row) => row.itemId)}::text[], ${batch.map((row) => row.themeId)}::uuid[],
          ${batch.map((row) => row.sentiment)}::float8[], ${batch.map((row) => row.centrality)}::float8[],
          ${batch.map((row) => rowFingerprint(scope, row))}::text[],
          ${batch.map((row) => row.fromScope)}::text[], ${batch.map((row) => row.fromFingerprint)}::text[])
          as m(item_id, theme_id, sentiment, centrality, fingerprint, from_scope, from_fingerprint)
        join theme_item as f on f.scope = m.from_scope and f.item_id = m.item_id
          and f.fingerprint = m.from_fingerprint and f.published
        on conflict (scope, item_id) do update set theme_id = excluded.theme_id, source = excluded.source,
          text = excluded.text, day = excluded.day, published = excluded.published,
          department_id = excluded.department_id, status = excluded.status, sentiment = excluded.sentiment,
          centrality = excluded.centrality, prompt = excluded.prompt, prompt_asked_on = excluded.prompt_asked_on,
          fingerprint = excluded.fingerprint`.execute(trx);
      if (Number(result.numAffectedRows) !== batch.length)
        throw new StaleCopyError(scope, batch[0]!.fromScope);
      stats.itemsCopied += batch.length;
    }
    for (let start = 0; start < changed.length; start += ITEM_BATCH) {
      const batch = changed.slice(start, start + ITEM_BATCH);
      await trx
        .insertInto('theme_item')
        .values(batch)
        .onConflict((oc) =>
          oc.columns(['scope', 'item_id']).doUpdateSet((eb) => ({
            theme_id: eb.ref('excluded.theme_id'),
            source: eb.ref('excluded.source'),
            text: eb.ref('excluded.text'),
            day: eb.ref('excluded.day'),
            published: eb.ref('excluded.published'),
            department_id: eb.ref('excluded.department_id'),
            status: eb.ref('excluded.status'),
            sentiment: eb.ref('excluded.sentiment'),
            centrality: eb.ref('excluded.centrality'),
            prompt: eb.ref('excluded.prompt'),
            prompt_asked_on: eb.ref('excluded.prompt_asked_on'),
            fingerprint: eb.ref('excluded.fingerprint'),
          })),
        )
        .execute();
      stats.itemsWritten += batch.length;
    }
    const run = {
      computed_at: computedAt,
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
  return stats;
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
      'tone',
      'pinned',
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

/**
 * Clustered comments of a scope, newest first (then by id), optionally filtered; `page` takes `limit` of
 * them after the comment `after` (by key, so comments joining or leaving the theme meanwhile do not shift
 * the pages).
 */
export async function listThemeItems(
  db: Db,
  scope: ThemeScope,
  filters: ItemFilters = {},
  page?: { after?: { day: string; itemId: string } | undefined; limit: number },
) {
  return filteredItems(db, scope, filters)
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
      'i.prompt',
      'i.prompt_asked_on as promptAskedOn',
    ])
    .orderBy('i.day', 'desc')
    .orderBy('i.item_id')
    .$if(page?.after !== undefined, (q) => {
      const { day, itemId } = page!.after!;
      return q.where((eb) =>
        eb.or([eb('i.day', '<', day), eb.and([eb('i.day', '=', day), eb('i.item_id', '>', itemId)])]),
      );
    })
    .$if(page !== undefined, (q) => q.limit(page!.limit))
    .execute();
}

/** How many comments `listThemeItems` lists with these filters (all pages). */
export async function countFilteredItems(db: Db, scope: ThemeScope, filters: ItemFilters): Promise<number> {
  const row = await filteredItems(db, scope, filters)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function filteredItems(db: Db, scope: ThemeScope, filters: ItemFilters) {
  return db
    .selectFrom('theme_item as i')
    .where('i.scope', '=', scope)
    .$if(filters.themeId !== undefined, (q) => q.where('i.theme_id', '=', filters.themeId!))
    .$if(filters.source !== undefined, (q) => q.where('i.source', '=', filters.source!))
    .$if(filters.since !== undefined, (q) => q.where('i.day', '>=', filters.since!))
    .$if(filters.departmentId !== undefined, (q) => q.where('i.department_id', '=', filters.departmentId!));
}

export async function departmentNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('department').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
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
      case 'move':
        return row.into_theme_id
          ? [
              {
                kind: 'move',
                themeId: row.theme_id,
                intoThemeId: row.into_theme_id,
                itemIds: row.item_ids,
                anchorItems,
                intoAnchorItems: row.into_anchor_items,
              },
            ]
          : [];
      case 'split':
        return [
          {
            kind: 'split',
            themeId: row.theme_id,
            itemIds: row.item_ids,
            ...(row.label ? { label: row.label } : {}),
            anchorItems,
          },
        ];
      default:
        return [{ kind: row.kind, themeId: row.theme_id, anchorItems }];
    }
  });
}

/** Every correction in force, newest first, with the current labels of the themes it names (for undoing one). */
export async function listCorrectionRows(db: Db) {
  const rows = await db
    .selectFrom('theme_correction as c')
    .leftJoin('theme as t', (join) =>
      join.onRef('t.id', '=', 'c.theme_id').on('t.scope', '=', 'all').on('t.retired', '=', false),
    )
    .leftJoin('theme as i', (join) =>
      join.onRef('i.id', '=', 'c.into_theme_id').on('i.scope', '=', 'all').on('i.retired', '=', false),
    )
    .select([
      'c.id',
      'c.kind',
      'c.theme_id as themeId',
      't.label as themeLabel',
      'c.label',
      'c.into_theme_id as intoThemeId',
      'i.label as intoThemeLabel',
      'c.item_ids as itemIds',
      'c.created_by as by',
      sql<string>`to_char(c.created_at, 'YYYY-MM-DD')`.as('day'),
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map(({ itemIds, ...row }) => ({ ...row, comments: itemIds.length }));
}

/** Withdraws a correction (the next computation no longer keeps it); its kind, or undefined if unknown. */
export async function deleteCorrection(db: Db, id: string) {
  const row = await db
    .deleteFrom('theme_correction')
    .where('id', '=', id)
    .returning(['kind', 'theme_id', 'into_theme_id', 'label', 'item_ids'])
    .executeTakeFirst();
  return (
    row && {
      kind: row.kind,
      themeId: row.theme_id,
      intoThemeId: row.into_theme_id,
      label: row.label,
      comments: row.item_ids.length,
    }
  );
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
    kind: 'rename' | 'merge' | 'pin' | 'hide' | 'move' | 'split';
    themeId: string;
    intoThemeId?: string;
    label?: string;
    anchorItems: string[];
    itemIds?: string[];
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
      item_ids: JSON.stringify(correction.itemIds ?? []),
      created_by: correction.createdBy,
    })
    .execute();
}
