/**
 * The little of git the checkers need: earlier versions of a file. Every call
 * is bounded and fails soft: outside a git checkout, or with git missing, the
 * callers just have less to say.
 */
import { execFileSync } from 'node:child_process';

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000, maxBuffer: 32 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Commits that touched `path`, newest first (at most `limit`). */
export function commitsOf(root: string, path: string, limit = 200): string[] {
  return (git(root, ['log', `--max-count=${limit}`, '--format=%H', '--', path]) ?? '').split('\n').filter(Boolean);
}

/** The text of `path` at `commit`, if it existed there. */
export function fileAt(root: string, commit: string, path: string): string | undefined {
  return git(root, ['show', `${commit}:${path}`]);
}

/** The date of the last commit that touched `path`, if any. */
export function lastCommitDate(root: string, path: string): Date | undefined {
  const iso = git(root, ['log', '-1', '--format=%cI', '--', path])?.trim();
  return iso ? new Date(iso) : undefined;
}
