import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../db/migrate.ts';
import { databaseUrl, withAdminClient } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

// Migrates one template database per run (named per run, so parallel runs never share one);
// every test file then gets its own copy (CREATE DATABASE … TEMPLATE).
export default async function setup(project: TestProject) {
  const template = `greenroom_template_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${template}`));
  const pool = new pg.Pool({ connectionString: databaseUrl(template), max: 1 });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db);
  await db.destroy();
  project.provide('templateDb', template);
  return async () => {
    await withAdminClient((client) => client.query(`drop database if exists ${template} with (force)`));
  };
}
