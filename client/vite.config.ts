import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const api = process.env.GREENROOM_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [svelte()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Reproducible client build (threat model: a backdoored client must be detectable by rebuilding).
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': { target: api, ws: true },
      '/.well-known': { target: api },
    },
  },
});
