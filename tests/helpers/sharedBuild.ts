/**
 * Builds of the site shared by every test file of one Vitest run.
 *
 * An `astro build` is the slowest step of the suite, and many files only read
 * what it wrote. So a build is named by a variant (what is changed in a copy of
 * the project before building, and the environment), built once per run by the
 * first file that asks for it, and read by every other file that asks for the
 * same variant. Vitest runs files in separate worker processes, so the first
 * asker takes a lock (a folder created exclusively) and the others wait for its
 * result; nothing is kept between runs, so a build never outlives the code it
 * was built from.
 *
 * The folder lives in the run's directory, provided by tests/helpers/globalSetup.ts
 * and removed when the run ends. A shared build is read-only: a test that
 * changes the files or the dist/ must make its own copy (project.ts copyProject).
 *
 * Use:
 *   import { REAL_SITE } from './helpers/sites.ts';
 *   const { dist } = sharedBuild(REAL_SITE);   // in beforeAll; throws with the build's output if it failed
 *
 * A new variant: `{ name, prepare(dir), env }` in tests/helpers/sites.ts when
 * more than one file uses it, or in the test file itself. Two different
 * variants under one name are refused, so a shared build is never mistaken
 * for another.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { astroBuild, copyProjectInto, ROOT } from './project.ts';

export interface BuildVariant {
  /** Names the build in the run's folder: letters, digits and dashes. */
  name: string;
  /** Changes the fresh copy of the project (content, layouts…) before it is built. */
  prepare?: (dir: string) => void;
  /**
   * Builds the working tree itself (into the run's folder) rather than a copy: its git history gives
   * the pages' "last updated" dates, which a copy does not have. Only for a variant without `prepare`.
   */
  inPlace?: boolean;
  /** Environment of the build, e.g. EDIT_BASE_URL. */
  env?: Record<string, string>;
}

export interface SharedBuild {
  /** The project that was built: a copy, or the working tree for a build in place (read-only). */
  dir: string;
  /** Its dist/ (read-only). */
  dist: string;
  /** What `astro build` printed. */
  output: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's shared builds (tests/helpers/globalSetup.ts). */
    sharedBuilds: string;
  }
}

/** How long a waiting file sleeps between looks at the lock: short next to a build, long next to a system call. */
const POLL_MS = 250;

/** What tells two variants apart: a variant's name must always mean the same preparation. */
function fingerprint(variant: BuildVariant): string {
  return createHash('sha256')
    .update(`${variant.prepare?.toString() ?? ''}\n${JSON.stringify(variant.env ?? {})}\n${variant.inPlace === true}`)
    .digest('hex');
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface Outcome {
  fingerprint: string;
  code: number | null;
  output: string;
}

/**
 * The variant's build in this run: built here if no other file has started it,
 * otherwise waited for. Throws with the build's output when it failed, in
 * every file that asked for it. No time limit of its own: a waiting file waits
 * for one build, which its hook's limit (tests/helpers/work.ts) already allows.
 */
export function sharedBuild(variant: BuildVariant): SharedBuild {
  if (!/^[a-z0-9-]+$/.test(variant.name)) throw new Error(`Shared build name "${variant.name}": use letters, digits and dashes.`);
  const root = inject('sharedBuilds');
  if (!root) throw new Error('No shared build folder: run the tests with vitest.config.ts, whose globalSetup provides it.');
  const folder = join(root, variant.name);
  if (variant.inPlace && variant.prepare) throw new Error(`Shared build "${variant.name}": a build in place cannot be prepared.`);
  const dir = variant.inPlace ? ROOT : join(folder, 'project');
  const dist = variant.inPlace ? join(folder, 'dist') : join(dir, 'dist');
  const result = join(folder, 'result.json');
  const print = fingerprint(variant);
  try {
    // Exclusive: exactly one file of the run creates the folder and builds.
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    while (!existsSync(result)) sleep(POLL_MS);
  }
  if (!existsSync(result)) {
    let outcome: Outcome;
    try {
      if (!variant.inPlace) {
        copyProjectInto(dir);
        variant.prepare?.(dir);
      }
      const built = astroBuild(dir, variant.inPlace ? dist : undefined, variant.env);
      outcome = { fingerprint: print, code: built.code, output: built.output };
    } catch (error) {
      outcome = { fingerprint: print, code: null, output: `preparing the copy failed: ${(error as Error).stack ?? String(error)}` };
    }
    // Written whole under another name, then renamed: a waiting file never reads half of it.
    writeFileSync(`${result}.tmp`, JSON.stringify(outcome));
    renameSync(`${result}.tmp`, result);
  }
  const outcome = JSON.parse(readFileSync(result, 'utf8')) as Outcome;
  if (outcome.fingerprint !== print)
    throw new Error(`Two different shared build variants are named "${variant.name}"; give one of them another name.`);
  if (outcome.code !== 0) throw new Error(`The shared build "${variant.name}" failed (exit ${outcome.code}):\n${outcome.output}`);
  return { dir, dist, output: outcome.output };
}
