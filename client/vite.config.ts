import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const api = process.env.GREENROOM_API ?? 'http://127.0.0.1:3000';

/**
 * Writes `<file>.br` and `<file>.gz` next to every text file of the build, for @fastify/static's
 * `preCompressed` (server/plugins/client.ts): compressed once at build time at the highest levels,
 * never per request. Both encoders are deterministic (gzip's header carries no time), so the build
 * stays reproducible.
 */
function precompress(): Plugin {
  const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
  let outDir = '';
  return {
    name: 'greenroom-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const source = readFileSync(file);
        const brotli = brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        const gzip = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
        // A tiny file can grow when compressed: then the original is served as it is.
        if (brotli.length < source.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < source.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  // No svelte.config.js: the defaults are the configuration (said here, so the build does not ask).
  plugins: [svelte({ configFile: false }), precompress()],
  resolve: {
    // sjcl (in @cloudflare/blindrsa-ts) asks for Node's crypto and uses the browser's when it gets nothing.
    alias: { crypto: path.resolve(import.meta.dirname, 'src/lib/no-node-crypto.ts') },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Reproducible client build (threat model: a backdoored client must be detectable by rebuilding).
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The staff views load on demand (client/src/routes.ts); their styles stay in the one stylesheet, so
    // a page never waits on, or flashes without, a sliver of CSS.
    cssCodeSplit: false,
    // Rolldown's "callbacks took N s" note is about this machine's load, not the build: a build prints no
    // warnings, so a real one stands out.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: {
      '/api': { target: api, ws: true },
      '/.well-known': { target: api },
    },
  },
});
