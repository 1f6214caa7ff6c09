/**
 * The checking build: the same `astro build`, into a temporary folder, with
 * every link element a `.astro` template writes stamped with the template
 * line that wrote it (templates.ts). The built pass runs it only when a broken
 * link's template line cannot be known otherwise (a link computed by an
 * expression), so a clean site never pays for it. The deployed build never
 * carries the stamps.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TraceBuild {
  dist: string;
  error?: string;
  /** Deletes the temporary build. */
  remove(): void;
}

/** Builds `root` with stamps into a new temporary folder; never throws, never waits longer than `timeoutMs`. */
export function traceBuild(root: string, timeoutMs = 600_000): TraceBuild {
  const folder = mkdtempSync(join(tmpdir(), 'link-trace-'));
  const dist = join(folder, 'dist');
  const remove = () => rmSync(folder, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [join(import.meta.dirname, 'traceBuildRunner.ts'), root, dist], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.status === 0) return { dist, remove };
  // The error's first lines name the file and what went wrong; the stack below them helps nobody here.
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line))
    .slice(0, 4)
    .join(' ');
  return { dist, remove, error: result.error ? result.error.message : `the checking build failed (exit ${result.status}): ${output}` };
}
