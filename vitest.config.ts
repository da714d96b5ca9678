import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['infra/local/quiet-warnings.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        // Synthesizing the CDK app bundles every function: give it time.
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One local stack, in memory, for the whole run.
          globalSetup: ['test/integration/setup/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // The ops console in Chromium against its own local stack; one browser at a time on two cores.
          globalSetup: ['test/integration/setup/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'clock',
          include: ['test/clock/**/*.test.ts'],
          // These tests move the local clock by weeks: their own stack, one file at a time. A move
          // fires every timer due on the way (earlier files' orders' included), so steps take minutes;
          // they run after the other projects, with the machine to themselves. The webhook burst is
          // here too: a load test wants the stack to itself and would starve a neighbouring file.
          globalSetup: ['test/integration/setup/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 360_000,
          hookTimeout: 360_000,
        },
      },
    ],
  },
});
