/**
 * The designer as a plain web app: `vite build --config vite.web.config.ts` writes dist/web, and
 * `vite preview` serves it at http://127.0.0.1:4173 (npm run web). The same renderer/ is built by
 * electron-vite for the desktop app.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  // Relative asset URLs work both from a web server and from file:// (the desktop app).
  base: './',
  publicDir: resolve(import.meta.dirname, 'renderer/public'),
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
