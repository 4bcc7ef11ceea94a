// Vite build of the web explorer: web/ into dist/web/, served by `dyad serve` at `/`. Run by `npm run build`.
// Not a vitest config: vitest reads the root vitest.config.ts, whose include does not reach web/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // ECharts and Cytoscape are large; each view's libraries load only when the view is opened.
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
  },
});
