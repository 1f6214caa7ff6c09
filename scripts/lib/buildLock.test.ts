/** The build lock: one holder at a time, a clear refusal naming the folder and pid, and stale locks taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireBuildLock, isAlive, LOCK_FILE } from './buildLock.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'build-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(child.stdout);
  expect(isAlive(pid)).toBe(false);
  return pid;
}

describe('build lock', () => {
  it("is held by one process: a second is refused with the folder and the holder's pid", () => {
    const first = acquireBuildLock(root);
    expect(first.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    // Another live process asks (its pid is this test's parent, which runs).
    const second = acquireBuildLock(root, process.ppid);
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid } });
    if (!second.ok)
      expect(second.message).toMatch(
        new RegExp(`^another build is running in ${root} \\(pid ${process.pid}, started .+\\)\\. Wait for it to finish`),
      );
    if (first.ok) first.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    expect(acquireBuildLock(root, process.ppid).ok).toBe(true);
  });

  it('takes over a lock whose process no longer runs, and says whose it was', () => {
    const pid = deadPid();
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid, started: '2026-01-01T00:00:00.000Z' }));
    const lock = acquireBuildLock(root);
    expect(lock).toMatchObject({ ok: true, tookOver: { pid } });
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock file that is empty or garbled (a build killed while writing it)', () => {
    writeFileSync(join(root, LOCK_FILE), '{"pi');
    expect(acquireBuildLock(root).ok).toBe(true);
  });

  it('lets only one of two takers have a stale lock', () => {
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: deadPid(), started: '' }));
    const first = acquireBuildLock(root);
    const second = acquireBuildLock(root, process.ppid);
    expect([first.ok, second.ok]).toEqual([true, false]);
  });

  it("release leaves another holder's lock alone", () => {
    const lock = acquireBuildLock(root);
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: process.ppid, started: '' }));
    if (lock.ok) lock.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
  });
});
