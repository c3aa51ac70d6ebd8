import { existsSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';

/** Vite names everything under assets/ by a hash of its content: a new build means a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and the few unhashed files) are revalidated on every use, so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built Svelte client, with index.html for any non-API path (SPA fallback). Files are
 * sent as the brotli or gzip copies `npm run build` wrote next to them (client/vite.config.ts)
 * when the browser accepts one; nothing is compressed per request.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const hasClient = existsSync(`${config.clientDir}/index.html`);
    const assets = path.join(path.resolve(config.clientDir), 'assets') + path.sep;
    const cacheHeaders = (reply: FastifyReply, file: string) => {
      reply.header('cache-control', path.resolve(file).startsWith(assets) ? IMMUTABLE : REVALIDATE);
    };
    if (hasClient) {
      await app.register(fastifyStatic, {
        root: config.clientDir,
        wildcard: false,
        index: ['index.html'],
        preCompressed: true,
        cacheControl: false,
        setHeaders: cacheHeaders,
      });
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
