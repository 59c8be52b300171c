/**
 * electron-vite build of the desktop app: main (ES module, Node target), the sandboxed preload
 * (CommonJS with everything bundled in: a sandboxed preload can `require` only a few Electron
 * modules, not node_modules), and the renderer (root `renderer/`, the same app `vite.web.config.ts`
 * builds for the browser). Output: out/main/index.js (+ picture-worker.js), out/preload/index.cjs, out/renderer/.
 * Main and preload bundle their dependencies, so the packaged app needs no node_modules.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // picture-worker.js: the worker thread that reads designs out of pictures (picture-reader.ts).
      lib: {
        entry: { index: resolve(root, 'electron/main/index.ts'), 'picture-worker': resolve(root, 'electron/main/picture-worker.ts') },
        formats: ['es'],
      },
      // Bundle zod and shared/ too: the packaged app then ships no node_modules at all.
      externalizeDeps: false,
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      // Bundle zod and shared/ into the preload: it runs sandboxed and cannot load them.
      externalizeDeps: false,
      rolldownOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
