import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { connect, type DatabaseHandle } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    database: DatabaseHandle;
  }
}

export default fp<{ config: Config; embeddedStart?: Blob }>(
  async (app, { config, embeddedStart }) => {
    const handle = await connect({ ...config, ...(embeddedStart ? { embeddedStart } : {}) });
    // Migrations run before the app answers anything, so /api/health means "schema is current".
    await migrateToLatest(handle.db);
    app.decorate('db', handle.db);
    app.decorate('database', handle);
    app.addHook('onClose', async () => handle.close());
  },
  { name: 'db' },
);
