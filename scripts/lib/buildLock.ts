/**
 * One `npm run build` at a time in a project folder. Two builds in one folder
 * share Astro's caches and output: one deletes the chunks the other is
 * loading, and the loser dies with hundreds of stack-trace lines. So a build
 * takes `.build.lock` in the project folder (created exclusively: `wx`), and a
 * second build exits 2 naming the folder and the pid that holds it, rather
 * than waiting: a second build in one folder is nearly always a mistake (two
 * terminals, an editor task beside a shell), it would only rebuild the same
 * thing, and a build waiting behind a hung one would hang too.
 *
 * A lock whose pid no longer runs (a build killed with SIGKILL, a machine
 * that rebooted) is stale and taken over. Taking over is itself guarded by a
 * short-lived `.build.lock.takeover` file, so two builds that find the same
 * stale lock cannot both remove it and both run.
 */
import { openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.build.lock';
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
/** A takeover file is held for a few system calls; one older than this belongs to a process that died holding it. */
const TAKEOVER_STALE_MS = 10_000;

export interface LockHolder {
  pid: number;
  started: string;
}

export type LockResult = { ok: true; release(): void; tookOver?: LockHolder } | { ok: false; holder: LockHolder; message: string };

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return { pid: Number(value.pid), started: String(value.started ?? '') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Unreadable or half-written: the pid is unknown, so it counts as a dead holder.
    return { pid: 0, started: '' };
  }
}

/** Creates `path` only if it does not exist, with `text` in it; false when it exists. */
function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the build lock of `root` for this process, or says who holds it. */
export function acquireBuildLock(root: string, pid: number = process.pid): LockResult {
  const path = join(root, LOCK_FILE);
  const mine = `${JSON.stringify({ pid, started: new Date().toISOString() })}\n`;
  const release = () => {
    if (readHolder(path)?.pid === pid) rmSync(path, { force: true });
  };
  if (createExclusive(path, mine)) return { ok: true, release };
  const holder = readHolder(path);
  if (holder && isAlive(holder.pid)) return refused(root, holder);

  // Stale: take it over, one process at a time.
  const takeover = join(root, TAKEOVER_FILE);
  try {
    if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) rmSync(takeover, { force: true });
  } catch {
    // No takeover file: nobody is taking over.
  }
  if (!createExclusive(takeover, mine)) return refused(root, holder ?? { pid: 0, started: '' });
  try {
    const current = readHolder(path);
    // Another build may have taken it over and released it, or hold it now.
    if (current && isAlive(current.pid)) return refused(root, current);
    rmSync(path, { force: true });
    if (!createExclusive(path, mine)) return refused(root, readHolder(path) ?? { pid: 0, started: '' });
    return { ok: true, release, ...(current ? { tookOver: current } : {}) };
  } finally {
    rmSync(takeover, { force: true });
  }
}

function refused(root: string, holder: LockHolder): LockResult {
  const since = holder.started ? `, started ${holder.started}` : '';
  return {
    ok: false,
    holder,
    message: `another build is running in ${root} (pid ${holder.pid}${since}). Wait for it to finish, or stop it; if no build runs, delete ${join(root, LOCK_FILE)}.`,
  };
}
