/**
 * Once per Vitest run: a folder for the run's shared builds (tests/helpers/sharedBuild.ts),
 * removed when the run ends, so no build outlives the code it was built from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'publisher-docs-shared-builds-'));
  project.provide('sharedBuilds', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
