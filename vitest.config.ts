import { configDefaults, defineConfig } from 'vitest/config';
import { missingTools, TOOLS } from './test/tools.ts';

const { exclude, lines } = missingTools(TOOLS, process.env.CI === 'true');
for (const line of lines) process.stderr.write(`${line}\n`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...exclude],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Simulations and child processes use the cores; two test files at a time suit 2 cores.
    maxWorkers: 2,
    // Test files import the sources natively (tsx compiles the TypeScript), not through
    // Vite's module runner, whose rewritten imports made simulations 2.4-3 times slower (the
    // Turin trajectory test: 36 s against 15 s). No test mocks modules, so Node 20 needs no
    // loader hooks of Vitest's.
    execArgv: ['--import', 'tsx'],
    experimental: { viteModuleRunner: false, nodeLoader: false },
  },
});
