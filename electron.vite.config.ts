import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      // zod is bundled (tree-shaken into one chunk): loaded from node_modules it is ~120 small ES
      // modules, and resolving them cost a one-shot CLI command ~0.1 s at every start.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          // The worker that parses untrusted workbooks in isolation (src/main/excel/).
          'excel-read-worker': resolve(__dirname, 'src/main/excel/read-cells.ts'),
          // The worker that analyses readings for search by reading off the main thread (src/main/store/).
          'reading-worker': resolve(__dirname, 'src/main/store/reading-worker.ts'),
          // The two doors that run on plain Node: bundled here with the app's main process, so they
          // share its chunks and start without transpiling anything (bin/council-desk.mjs, npm run web).
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          web: resolve(__dirname, 'src/main/web/index.ts'),
        },
        output: {
          // Shared chunks sit beside the entries: the worker is found as ./excel-read-worker.js from
          // whichever chunk starts it (excel/parse-in-worker.ts).
          chunkFileNames: '[name]-[hash].js',
          codeSplitting: {
            // The zip limits are read by code that must not load exceljs (the upload size check);
            // kept out of the worker's chunk, which imports exceljs at its top.
            groups: [{ name: 'zip-check', test: /src[\\/]main[\\/]excel[\\/]zip-check\.ts$/ }],
          },
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preload scripts must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // A smaller bundle parses faster on the modest PCs of a secure room (first paint).
      minify: true,
      // One bundle read from disk, not over a network: its size is what first paint is measured on
      // (bench:ui), not a reason to split it; the default 500 kB warning was noise on every rebuild.
      chunkSizeWarningLimit: 1024,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
