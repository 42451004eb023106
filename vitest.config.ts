import { defineConfig } from 'vitest/config';

// Three projects so each layer can run alone (npm run test:unit / test:integration / test:e2e);
// `npm test` runs all of them. Integration and e2e start real servers on port 0.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'rubric/**/*.test.ts', 'client/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // One browser at a time: two cores, and several contexts per test already.
          fileParallelism: false,
        },
      },
    ],
  },
});
