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
    // A folder for the run's shared builds of the site (tests/helpers/sharedBuild.ts).
    globalSetup: ['tests/helpers/globalSetup.ts'],
  },
});
