// The viewer's build: sources in web/, output in dist/web (served by the server).
// In dev, /api is proxied to a locally running `parley serve`.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'web'),
  base: './',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // The map's world shapes in a chunk of their own, preloaded by the page beside the app.
        manualChunks: (id) =>
          id.includes('world-atlas/countries-110m') ? 'world-110m' : undefined,
      },
    },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
