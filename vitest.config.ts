import { defineConfig } from 'vitest/config';
import { BUILD_LIMIT_MS } from './tests/helpers/work.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    // Integration tests run real `astro build`s; the machine has two cores. Their limits grow with the
    // site (tests/helpers/work.ts); tests of a fixed amount of work finish far inside them.
    testTimeout: BUILD_LIMIT_MS,
    hookTimeout: BUILD_LIMIT_MS + 60_000,
    maxWorkers: 2,
    // A worker runs file after file without importing Vitest and the project's modules again for each
    // (about 0.3 s a file, and the suite's CPU is the limit on two cores: 381 to 406 s against 356 s).
    // Tests keep no state in shared modules: each restores what it changes (mocks, the environment, the
    // folder of a command run in the worker, tests/helpers/inProcess.ts).
    isolate: false,
    // A folder for the run's shared builds of the site (tests/helpers/sharedBuild.ts).
    globalSetup: ['tests/helpers/globalSetup.ts'],
  },
});
