/**
 * Copies of this project in a temporary folder, so a test can break the
 * content (or remove a page) and run the real build on it without touching
 * the working tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILD_LIMIT_MS } from './work.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts'];

export interface ProjectCopy {
  dir: string;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'publisher-docs-'));
  copyProjectInto(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the project into `dir` (created if missing), its packages linked one by one. */
export function copyProjectInto(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  // Link each package, not node_modules itself: Astro and Vite keep caches in node_modules/.astro and
  // .vite, and two builds sharing them (tests run in parallel) can read each other's content store.
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry), 'dir');
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Runs a command in `cwd` with this project's Node first on PATH, as npm scripts do. Killed after
 * `timeoutMs`: one build's limit unless the command does more (work.ts).
 */
export function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}, timeoutMs = BUILD_LIMIT_MS): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: timeoutMs,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` };
}

/** `astro build` in a project folder. */
export function astroBuild(cwd: string, outDir?: string, env: Record<string, string> = {}): RunResult {
  return run(
    cwd,
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(outDir ? ['--outDir', outDir] : [])],
    env,
  );
}
