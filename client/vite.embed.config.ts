/**
 * embed.js: one IIFE for other people's pages. React is swapped for preact/compat (same
 * API, a tenth of the size) because the whole script has a budget of 130 KB gzip, and
 * vis-timeline alone takes most of it. CSS is inlined into the script (?inline imports)
 * and injected into each widget's shadow root.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: false,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    lib: {
      entry: fileURLToPath(new URL('src/embed/embed.tsx', import.meta.url)),
      name: 'ParleyEmbed',
      formats: ['iife'],
      fileName: () => 'embed.js',
    },
  },
});
