import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', '../scripts/summary-reporter.ts'],
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser journey at a time: 2 cores are shared with the server.
    fileParallelism: false,
    pool: 'forks',
  },
});
