import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; loading both gives "Cannot use GraphQLSchema from
    // another module or realm". Pin everything to the CommonJS entry.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['unit/**/*.test.ts'],
          exclude: ['unit/client/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // The explorer's components are TSX with React's automatic runtime.
        oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
        test: {
          name: 'client',
          include: ['unit/client/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['support/global-postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database, so files may run in parallel; the machine has
          // two cores, which is where parallelism stops paying.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        // Generated hostile input against a running server. `npm test` runs a short pass;
        // `npm run test:fuzz` (FUZZ_FULL=1) runs the full counts the suites document.
        test: {
          name: 'fuzz',
          include: ['fuzz/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['support/global-postgres.ts'],
          testTimeout: process.env.FUZZ_FULL ? 1_800_000 : 180_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['support/global-postgres.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
