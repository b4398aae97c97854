/**
 * The explorer: built into dist/ (served by the Parley server at /), or served by Vite in
 * development with the API proxied to a Parley server (PARLEY_API_URL, default :4000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.PARLEY_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  plugins: [react()],
  logLevel: 'warn',
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, changeOrigin: false },
      '/export': { target: api, changeOrigin: false },
      '/health': { target: api },
      '/ready': { target: api },
    },
  },
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // React and vis-timeline (with moment) are most of the bundle, ~200 KB gzip in all.
    chunkSizeWarningLimit: 900,
  },
});
