import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Simulations and child processes use the cores; two test files at a time suit 2 cores.
    maxWorkers: 2,
  },
});
