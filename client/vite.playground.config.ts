/**
 * Builds the GraphiQL playground (src/playground) into dist/playground. The server serves
 * its page at /graphql and its files at /graphql/assets/, hence the base.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('src/playground', import.meta.url)),
  base: '/graphql/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('dist/playground', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // GraphiQL is one big page by nature; it only ever loads on /graphql.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // graphiql's react-compiler-runtime opens with "use no memo", which bundling drops harmlessly.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
