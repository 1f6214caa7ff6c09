/**
 * Once per Vitest run: a folder for the run's shared builds (tests/helpers/sharedBuild.ts),
 * removed when the run ends, so no build outlives the code it was built from.
 *
 * It also holds Node's compile cache for every process the tests start (commands, builds, dev
 * servers), as the npm scripts turn it on (scripts/lib/compileCache.mjs): the suite starts a few
 * hundred of them, and each would otherwise type-strip and compile its whole import graph again
 * (about 0.3 s of CPU of a command's 1.2 s). The variable is set before Vitest starts its workers,
 * which pass it on to every child.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'publisher-docs-shared-builds-'));
  project.provide('sharedBuilds', folder);
  process.env.NODE_COMPILE_CACHE = join(folder, 'compile-cache');
  return () => rmSync(folder, { recursive: true, force: true });
}
