import { defineConfig } from 'vitest/config';

// Two projects: unit tests run in parallel with no database; integration and browser tests share
// one real Neo4j (started once by the global setup) and run one file at a time because they
// replace the graph between files.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.fault.test.ts', 'ui/e2e/**', '.data/**', '**/dist/**'],
          environment: 'node',
          // Generous: the suite shares two cores with a Neo4j and a browser; nothing here is timed.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts', 'ui/e2e/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**', '.data/**', '**/dist/**'],
          globalSetup: ['test/global-neo4j.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        // npm run test:faults: each file runs the product with its own Neo4j and kills parts of it.
        test: {
          name: 'faults',
          include: ['test/faults/**/*.fault.test.ts'],
          exclude: ['**/node_modules/**', '.data/**'],
          fileParallelism: false,
          // Outer bounds only: every wait inside is a bounded poll whose limit follows the time this
          // machine took to start Neo4j (a crash-and-rerun test runs the ingest five times).
          testTimeout: 1_800_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
