import { defineConfig } from 'vitest/config';

// Node by default; browser flows drive Debian's Chromium through playwright-core from inside tests.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
