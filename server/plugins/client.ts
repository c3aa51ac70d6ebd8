import { existsSync } from 'node:fs';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';

/** Serves the built Svelte client, with index.html for any non-API path (SPA fallback). */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const hasClient = existsSync(`${config.clientDir}/index.html`);
    if (hasClient) {
      await app.register(fastifyStatic, { root: config.clientDir, wildcard: false, index: ['index.html'] });
    }
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const isApi = path.startsWith('/api/') || path.startsWith('/.well-known/');
      if (request.method === 'GET' && !isApi && hasClient) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'not_found', message: `No route for ${request.method} ${path}` });
    });
  },
  { name: 'client', dependencies: ['errors'] },
);
