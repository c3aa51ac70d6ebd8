import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

// What an operator with the database files reads: every byte of a table's pages and of its TOAST
// table, free space included — not just the tuples heap_page_items reports.
// Postgres: pageinspect's get_raw_page over every block (read through the buffer cache, so nothing
// waits for a checkpoint). PGlite cannot load pageinspect into an app's running instance, so its relation
// files are read from PGlite's own file system after a CHECKPOINT wrote every dirty page to them.

const BLOCK = 8192;

async function relationsOf(app: FastifyInstance, table: string): Promise<string[]> {
  const { rows } = await sql<{ toast: string | null }>`
    select nullif(reltoastrelid, 0)::regclass::text as toast from pg_class where oid = ${table}::regclass`.execute(
    app.db,
  );
  return [table, ...(rows[0]?.toast ? [rows[0].toast] : [])];
}

export async function rawTableBytes(app: FastifyInstance, table: string): Promise<Buffer> {
  const relations = await relationsOf(app, table);
  const chunks: Buffer[] = [];
  const pglite = app.database.pglite;
  if (pglite) {
    await sql`checkpoint`.execute(app.db);
    const { rows } = await sql<{ dir: string }>`select current_setting('data_directory') as dir`.execute(
      app.db,
    );
    for (const relation of relations) {
      const { rows: path } = await sql<{
        file: string;
      }>`select pg_relation_filepath(${relation}) as file`.execute(app.db);
      chunks.push(Buffer.from(pglite.Module.FS.readFile(`${rows[0]!.dir}/${path[0]!.file}`)));
    }
    return Buffer.concat(chunks);
  }
  await sql`create extension if not exists pageinspect`.execute(app.db);
  for (const relation of relations) {
    const { rows } = await sql<{ page: Uint8Array }>`
      select get_raw_page(${relation}, block::int) as page
      from generate_series(0, pg_relation_size(${relation}) / ${BLOCK} - 1) as block order by block`.execute(
      app.db,
    );
    for (const row of rows) chunks.push(Buffer.from(row.page));
  }
  return Buffer.concat(chunks);
}

/** The tables (TOAST included) whose raw bytes contain `marker`. */
export async function tablesHolding(
  app: FastifyInstance,
  tables: string[],
  marker: string,
): Promise<string[]> {
  const holding: string[] = [];
  for (const table of tables) if ((await rawTableBytes(app, table)).includes(marker)) holding.push(table);
  return holding;
}
