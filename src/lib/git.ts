/**
 * The little of git the site and the checkers need. Every call is bounded and
 * fails soft: outside a git checkout, or with git missing, the callers just
 * have less to say. History that every page needs ("last updated") is read
 * with one git process for the whole repository, never one per page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/** Commits that touched `path`, newest first (at most `limit`). */
export function commitsOf(root: string, path: string, limit = 200): string[] {
  return (git(root, ['log', `--max-count=${limit}`, '--format=%H', '--', path]) ?? '').split('\n').filter(Boolean);
}

/** The day a commit was made (`2026-11-28`), if git knows the commit. */
export function commitDay(root: string, commit: string): string | undefined {
  return git(root, ['show', '-s', '--format=%cs', commit])?.trim() || undefined;
}

/** The text of `path` at `commit`, if it existed there. */
export function fileAt(root: string, commit: string, path: string): string | undefined {
  return git(root, ['show', `${commit}:${path}`]);
}

/**
 * What the history a checker reads depends on: the commit checked out and the edge of a shallow clone
 * (a deeper fetch changes what `git log` finds without moving HEAD). `no git` outside a checkout.
 */
export function historyState(root: string): string {
  const [head, shallowFile] = (git(root, ['rev-parse', 'HEAD', '--path-format=absolute', '--git-path', 'shallow']) ?? '')
    .trim()
    .split('\n');
  if (!head) return 'no git';
  let shallow = '';
  try {
    shallow = readFileSync(shallowFile ?? '', 'utf8');
  } catch {
    // A full clone has no shallow file.
  }
  return `git ${head}\n${shallow}`;
}

/**
 * The commits at the edge of a shallow clone (`git clone --depth`): their parents are missing, so
 * git shows every file they hold as added by them. Empty in a full clone (or outside git).
 */
export function shallowEdge(root: string): Set<string> {
  if (git(root, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'true') return new Set();
  const file = git(root, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])?.trim();
  if (!file) return new Set();
  try {
    return new Set(
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
  } catch {
    return new Set();
  }
}

/**
 * The date of the last commit that touched each file under `folder`, from one
 * `git log` over the whole history (newest first, so a file's first mention
 * wins). Paths are relative to the repository root. Empty outside git.
 *
 * In a shallow clone, a file last changed before the clone's edge would get
 * the edge commit's date (the day of the clone's newest history, not of the
 * file's change): such files get no date here, and the page falls back to its
 * frontmatter `updated` or says the date is not known.
 */
export function lastCommitDates(root: string, folder = '.'): Map<string, Date> {
  const dates = new Map<string, Date>();
  const prefix = git(root, ['rev-parse', '--show-prefix'])?.trim() ?? '';
  const log = git(root, ['log', '--format=%x00%H %cI', '--name-only', '--no-renames', '--', folder]);
  if (!log) return dates;
  const edge = shallowEdge(root);
  const seen = new Set<string>();
  for (const commit of log.split('\0')) {
    const [head, ...files] = commit.split('\n');
    if (!head) continue;
    const [hash, iso] = head.split(' ');
    const date = new Date(iso ?? '');
    const unknown = edge.has(hash ?? '');
    for (const file of files) {
      // git prints paths from the repository's top; the callers speak from `root`.
      if (!file.startsWith(prefix)) continue;
      const path = file.slice(prefix.length);
      if (!path || seen.has(path)) continue;
      seen.add(path);
      if (!unknown) dates.set(path, date);
    }
  }
  return dates;
}
