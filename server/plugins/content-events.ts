import { EventEmitter } from 'node:events';
import fp from 'fastify-plugin';

/** What changed: the themes job listens and recomputes (debounced) when text is added, published or hidden. */
export interface ContentChange {
  source: 'suggestion' | 'kudos' | 'pulse' | 'focus-group' | 'handoff' | 'customer';
  /** A moderator replaced an author's words: copies of the original (theme snapshots) must go from disk too. */
  redacted?: boolean;
}

export interface ContentEvents {
  changed(change: ContentChange): void;
  onChanged(listener: (change: ContentChange) => void): () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    contentEvents: ContentEvents;
  }
}

export default fp(
  async (app) => {
    const emitter = new EventEmitter();
    app.decorate('contentEvents', {
      changed: (change) => emitter.emit('changed', change),
      onChanged(listener) {
        emitter.on('changed', listener);
        return () => emitter.off('changed', listener);
      },
    } satisfies ContentEvents);
    app.addHook('onClose', async () => emitter.removeAllListeners());
  },
  { name: 'content-events' },
);
