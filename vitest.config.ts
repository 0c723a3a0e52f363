import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(`./packages/pb-rules/src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The voting rules from their sources, as tsconfig.json `paths` says (the package exports its dist/).
    alias: [
      { find: /^@concerta\/pb-rules$/, replacement: source('index.ts') },
      { find: /^@concerta\/pb-rules\/cli$/, replacement: source('cli/outcome-command.ts') },
      { find: /^@concerta\/pb-rules\/pabulib-node$/, replacement: source('node/pabulib-file.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: browser tests and PostgreSQL databases per file are heavy, keep the pool small.
    maxWorkers: 2,
  },
});
