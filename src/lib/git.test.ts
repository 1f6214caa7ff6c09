import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastCommitDates } from './git.ts';

function commit(root: string, files: Record<string, string>, date: string) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  execFileSync('git', ['add', '-A'], { cwd: root });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x', '--date', date], { cwd: root, env: { ...process.env, GIT_COMMITTER_DATE: date } });
}

describe('lastCommitDates', () => {
  it('reads every file\'s last commit date from one log, relative to the project folder', () => {
    const repo = mkdtempSync(join(tmpdir(), 'git-dates-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    commit(repo, { 'site/content/en/a.mdx': 'a', 'site/content/en/b.mdx': 'b', 'other.txt': 'o' }, '2026-01-01T00:00:00Z');
    commit(repo, { 'site/content/en/a.mdx': 'a2' }, '2026-02-01T00:00:00Z');
    const dates = lastCommitDates(join(repo, 'site'), 'content');
    expect(Object.fromEntries([...dates].map(([file, date]) => [file, date.toISOString().slice(0, 10)]))).toEqual({
      'content/en/a.mdx': '2026-02-01',
      'content/en/b.mdx': '2026-01-01',
    });
  });

  it('is empty outside a git checkout', () => {
    expect(lastCommitDates(mkdtempSync(join(tmpdir(), 'no-git-'))).size).toBe(0);
  });
});
