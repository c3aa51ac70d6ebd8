import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { JourneyDefinitionT } from '../../common/api/journeys.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface JourneyVersion {
  id: string;
  version: number;
  versions: number;
  createdAt: string;
  createdBy: string;
  definition: JourneyDefinitionT;
}

/** Departments a journey may name: every one, with whether an admin archived it. */
export async function departmentIds(db: Db): Promise<Map<string, { name: string; archived: boolean }>> {
  const rows = await db.selectFrom('department').select(['id', 'name', 'archived_at']).execute();
  return new Map(rows.map((row) => [row.id, { name: row.name, archived: row.archived_at !== null }]));
}

export async function listDepartments(db: Db) {
  return db.selectFrom('department').select(['id', 'name', 'kind']).execute();
}

export async function createJourney(db: Kysely<Database>, definition: JourneyDefinitionT, createdBy: string) {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('journey').defaultValues().returning('id').executeTakeFirstOrThrow();
    await insertVersion(trx, id, 1, definition, createdBy);
    return { id, version: 1 };
  });
}

/**
 * An edit: the next version, never an update. Two concurrent edits cannot both become version n+1 (the
 * primary key refuses the second; the caller answers 409).
 */
export async function addVersion(
  db: Kysely<Database>,
  id: string,
  definition: JourneyDefinitionT,
  createdBy: string,
): Promise<{ id: string; version: number } | null> {
  return db.transaction().execute(async (trx) => {
    const journey = await trx
      .selectFrom('journey')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!journey) return null;
    const { latest } = await trx
      .selectFrom('journey_version')
      .select(sql<number>`coalesce(max(version), 0)::int`.as('latest'))
      .where('journey_id', '=', id)
      .executeTakeFirstOrThrow();
    const version = Number(latest) + 1;
    await insertVersion(trx, id, version, definition, createdBy);
    return { id, version };
  });
}

async function insertVersion(
  trx: Db,
  id: string,
  version: number,
  definition: JourneyDefinitionT,
  createdBy: string,
) {
  await trx
    .insertInto('journey_version')
    .values({
      journey_id: id,
      version,
      name: definition.name,
      definition: JSON.stringify(definition),
      created_by: createdBy,
    })
    .execute();
}

/** A version of a journey (the newest without `version`), or null. */
export async function findJourney(db: Db, id: string, version?: number): Promise<JourneyVersion | null> {
  const row = await db
    .selectFrom('journey_version')
    .innerJoin('journey', 'journey.id', 'journey_version.journey_id')
    .select([
      'journey_version.journey_id as id',
      'journey_version.version',
      'journey_version.created_at',
      'journey_version.created_by',
      'journey_version.definition',
      sql<number>`(select max(v.version) from journey_version v where v.journey_id = journey.id)::int`.as(
        'versions',
      ),
    ])
    .where('journey.id', '=', id)
    .where('journey.archived', '=', false)
    .$if(version !== undefined, (qb) => qb.where('journey_version.version', '=', version!))
    .orderBy('journey_version.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    versions: Number(row.versions),
    createdAt: new Date(row.created_at as unknown as Date).toISOString(),
    createdBy: row.created_by,
    definition: row.definition as JourneyDefinitionT,
  };
}

/** The newest version of every journey, by name. */
export async function listJourneys(db: Db): Promise<JourneyVersion[]> {
  const rows = await db
    .selectFrom('journey_version as v')
    .innerJoin('journey', 'journey.id', 'v.journey_id')
    .select(['v.journey_id as id', 'v.version', 'v.created_at', 'v.created_by', 'v.definition', 'v.name'])
    .where('journey.archived', '=', false)
    .where(
      'v.version',
      '=',
      sql<number>`(select max(w.version) from journey_version w where w.journey_id = v.journey_id)`,
    )
    .orderBy('v.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    versions: row.version,
    createdAt: new Date(row.created_at as unknown as Date).toISOString(),
    createdBy: row.created_by,
    definition: row.definition as JourneyDefinitionT,
  }));
}

export async function listVersions(db: Db, id: string) {
  const rows = await db
    .selectFrom('journey_version')
    .select(['version', 'name', 'created_at', 'created_by'])
    .where('journey_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    name: row.name,
    createdAt: new Date(row.created_at as unknown as Date).toISOString(),
    createdBy: row.created_by,
  }));
}

/** Moderator-mapped themes per stage key. */
export async function stageThemes(db: Db, journeyId: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('journey_stage_theme')
    .select(['stage_key', 'theme_id'])
    .where('journey_id', '=', journeyId)
    .execute();
  const map = new Map<string, Set<string>>();
  for (const row of rows) map.set(row.stage_key, (map.get(row.stage_key) ?? new Set()).add(row.theme_id));
  return map;
}

export async function publicThemeExists(db: Db, themeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('theme')
    .select('id')
    .where('id', '=', themeId)
    .where('scope', '=', 'public')
    .where('retired', '=', false)
    .executeTakeFirst();
  return !!row;
}

export async function mapTheme(db: Db, journeyId: string, stageKey: string, themeId: string, by: string) {
  await db
    .insertInto('journey_stage_theme')
    .values({ journey_id: journeyId, stage_key: stageKey, theme_id: themeId, created_by: by })
    .onConflict((oc) => oc.columns(['journey_id', 'stage_key', 'theme_id']).doNothing())
    .execute();
}

export async function unmapTheme(
  db: Db,
  journeyId: string,
  stageKey: string,
  themeId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('journey_stage_theme')
    .where('journey_id', '=', journeyId)
    .where('stage_key', '=', stageKey)
    .where('theme_id', '=', themeId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
