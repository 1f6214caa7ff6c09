/**
 * Runs one command of a benchmark as its own process and measures it: wall
 * time and, where GNU time is installed (`/usr/bin/time`, Debian package
 * `time`), the peak resident memory of its largest process and the CPU time
 * it used (user + system, its children included): on a shared machine the
 * CPU time says what the command costs, the wall time also what others cost.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  ms: number;
  /** Peak resident set of the largest process, in bytes; undefined without GNU time. */
  peakBytes: number | undefined;
  /** CPU time, user + system, in milliseconds; undefined without GNU time. */
  cpuMs: number | undefined;
  stdout: string;
  stderr: string;
  status: number | null;
}

/** A command of this project runs as its npm script runs it: with Node's compile cache turned on first (scripts/lib/compileCache.mjs). */
const COMPILE_CACHE = ['--import', pathToFileURL(join(import.meta.dirname, '../lib/compileCache.mjs')).href];

export function measure(command: string, commandArgs: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Measured {
  const args = command === process.execPath && commandArgs[0]?.startsWith('scripts/') ? [...COMPILE_CACHE, ...commandArgs] : commandArgs;
  const scratch = mkdtempSync(join(tmpdir(), 'bench-measure-'));
  const memoryFile = join(scratch, 'maxrss');
  const withTime = existsSync(GNU_TIME);
  const start = performance.now();
  const result = spawnSync(withTime ? GNU_TIME : command, withTime ? ['-f', '%M %U %S', '-o', memoryFile, command, ...args] : [...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  const ms = performance.now() - start;
  // GNU time prints kilobytes, then user and system seconds; the file may also hold "Command exited with non-zero status" first.
  const line = withTime && existsSync(memoryFile) ? readFileSync(memoryFile, 'utf8').trim().split('\n').at(-1)! : '';
  const [kilobytes = NaN, user = NaN, system = NaN] = line === '' ? [] : line.split(' ').map(Number);
  rmSync(scratch, { recursive: true, force: true });
  const cpuSeconds = user + system;
  return {
    ms,
    peakBytes: Number.isFinite(kilobytes) ? kilobytes * 1024 : undefined,
    cpuMs: Number.isFinite(cpuSeconds) ? cpuSeconds * 1000 : undefined,
    stdout: result.stdout,
    stderr: result.stderr,
    status: result.status,
  };
}

/** Throws with the command's last output when it did not exit as expected. */
export function expectExit(label: string, result: Measured, expected = 0): Measured {
  if (result.status !== expected)
    throw new Error(`${label} exited ${result.status}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return result;
}

export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

/** CPU seconds, or "n/a" without GNU time. */
export function cpuSeconds(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${(value / 1000).toFixed(2)} s CPU`;
}

export function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`;
}
