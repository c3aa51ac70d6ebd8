import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../../db/migrate.ts';
import { databaseUrl, TEMPLATE_DB, withAdminClient } from './postgres.ts';

// Migrates one template database; every test file then gets its own copy (CREATE DATABASE … TEMPLATE).
export default async function setup() {
  await withAdminClient(async (client) => {
    await client.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await client.query(`create database ${TEMPLATE_DB}`);
  });
  const pool = new pg.Pool({ connectionString: databaseUrl(TEMPLATE_DB), max: 1 });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db);
  await db.destroy();
  return async () => {
    await withAdminClient((client) => client.query(`drop database if exists ${TEMPLATE_DB} with (force)`));
  };
}
