/**
 * The little of git the site and the checkers need. Every call is bounded and
 * fails soft: outside a git checkout, or with git missing, the callers just
 * have less to say. History that every page needs ("last updated") is read
 * with one git process for the whole repository, never one per page.
 */
import { execFileSync } from 'node:child_process';

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000, maxBuffer: 256 * 1024 * 1024 });
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

/**
 * The date of the last commit that touched each file under `folder`, from one
 * `git log` over the whole history (newest first, so a file's first mention
 * wins). Paths are relative to the repository root. Empty outside git.
 */
export function lastCommitDates(root: string, folder = '.'): Map<string, Date> {
  const dates = new Map<string, Date>();
  const prefix = git(root, ['rev-parse', '--show-prefix'])?.trim() ?? '';
  const log = git(root, ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', folder]);
  if (!log) return dates;
  for (const commit of log.split('\0')) {
    const [iso, ...files] = commit.split('\n');
    if (!iso) continue;
    const date = new Date(iso);
    for (const file of files) {
      // git prints paths from the repository's top; the callers speak from `root`.
      if (!file.startsWith(prefix)) continue;
      const path = file.slice(prefix.length);
      if (path && !dates.has(path)) dates.set(path, date);
    }
  }
  return dates;
}
