/**
 * `npm run build` never leaves `dist/` half-written: Astro empties its output
 * folder first and writes page by page, so a build that fails or is killed
 * would leave a partial site where the last good one was. Instead Astro
 * builds into a staging folder beside `dist/` (`--outDir`; Astro's
 * incremental-build cache lives in node_modules/.astro and does not depend on
 * the output folder), the link check and Pagefind read it there, and only a
 * complete build is renamed over `dist/`. A failed build removes its staging
 * folder; a killed one leaves it, and the next build (holding the build lock,
 * so no other build can be using it) removes it.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './buildLock.ts';

const STAGING = '.dist-next-';
const RETIRED = '.dist-old-';

/** This build's staging folder, named by pid so a leftover says whose it was. */
export function stagingFolder(root: string, pid: number = process.pid): string {
  return join(root, `${STAGING}${pid}`);
}

/** Removes staging and retired folders of builds that no longer run; returns their names. */
export function removeLeftovers(root: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const prefix = [STAGING, RETIRED].find((candidate) => name.startsWith(candidate));
    if (!prefix) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid === process.pid || isAlive(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Puts a complete build in place: `dist/` is renamed aside, the staging
 * folder renamed to `dist/`, and the old one removed. Between the two renames
 * there is no `dist/` for an instant, but never a partial one.
 */
export function promote(staging: string, dist: string): void {
  const retired = join(dist, '..', `${RETIRED}${process.pid}`);
  if (existsSync(dist)) renameSync(dist, retired);
  renameSync(staging, dist);
  rmSync(retired, { recursive: true, force: true });
}
