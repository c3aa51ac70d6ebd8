import fp from 'fastify-plugin';
import { memoryBus, postgresBus } from './bus.ts';
import { FocusGroupHub } from './room.ts';

// The focus-group hub service: this node's live rooms, and the bus that carries "room R reached seq N"
// between nodes (Postgres LISTEN/NOTIFY on Postgres, in memory on the embedded database).

declare module 'fastify' {
  interface FastifyInstance {
    /** This node's live focus-group rooms. */
    focusGroups: FocusGroupHub;
  }
}

export default fp(
  async (app) => {
    const bus =
      app.database.kind === 'postgres' && app.database.pool
        ? await postgresBus(app.database.pool, app.log)
        : memoryBus();
    const hub = new FocusGroupHub(app, bus);
    app.decorate('focusGroups', hub);
    app.addHook('preClose', async () => hub.close());
    app.addHook('onClose', async () => bus.close());
  },
  { name: 'focus-group-hub', dependencies: ['db', 'secrets', 'staff-session', 'content-events'] },
);
