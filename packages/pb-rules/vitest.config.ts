import { defineConfig } from 'vitest/config';

// `npm test` from this folder: the package's own tests (its small corpus in test/corpus; the shared
// Pabulib corpus too when it is there).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    maxWorkers: 2,
  },
});
