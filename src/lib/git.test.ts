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
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x', '--date', date], {
    cwd: root,
    env: { ...process.env, GIT_COMMITTER_DATE: date },
  });
}

describe('lastCommitDates', () => {
  it("reads every file's last commit date from one log, relative to the project folder", () => {
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

  it("in a shallow clone, dates no file by the clone's edge commit (only changes inside the clone's history)", () => {
    const repo = mkdtempSync(join(tmpdir(), 'git-dates-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    commit(repo, { 'content/en/a.mdx': 'a', 'content/en/b.mdx': 'b' }, '2026-01-01T00:00:00Z');
    commit(repo, { 'content/en/c.mdx': 'c' }, '2026-02-01T00:00:00Z');
    commit(repo, { 'content/en/a.mdx': 'a2' }, '2026-03-01T00:00:00Z');
    const clone = join(mkdtempSync(join(tmpdir(), 'git-shallow-')), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo}`, clone]);
    const dates = lastCommitDates(clone, 'content');
    // a.mdx changed inside the clone's history; c.mdx only in the edge commit, b.mdx before it: not known.
    expect(Object.fromEntries([...dates].map(([file, date]) => [file, date.toISOString().slice(0, 10)]))).toEqual({
      'content/en/a.mdx': '2026-03-01',
    });
    expect(lastCommitDates(repo, 'content').size).toBe(3);
  });

  it('is empty outside a git checkout', () => {
    expect(lastCommitDates(mkdtempSync(join(tmpdir(), 'no-git-'))).size).toBe(0);
  });
});
