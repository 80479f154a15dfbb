import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page updates after its request returns; on a loaded CI machine that can take seconds, not the default 1.
    expect: { poll: { timeout: 10_000 } },
    // Store suites share one PostgreSQL database: run files one at a time there.
    fileParallelism: true,
    pool: 'forks',
  },
});
