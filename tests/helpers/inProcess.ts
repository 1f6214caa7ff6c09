/**
 * A command of scripts/ run inside the test's worker instead of a new Node
 * process: the same code, arguments, folder and environment, its output
 * captured and its exit code returned, as `run` in project.ts does for a
 * process.
 *
 * Why: a command's process costs about 1.4 s of CPU to start (Node, then the
 * command's whole import graph), and a workflow test runs dozens of them. Here
 * the modules load once per worker and only the command's own file runs again.
 * For tests whose point is what a command does to the content (stamping,
 * export and import), not how it behaves as a process: tests/cli.test.ts and
 * the others that check exit codes, usage and stack traces start real
 * processes.
 *
 * The command's file is the working tree's (a copy of the project has the same
 * code); it reads the project from its current folder, which is set to `cwd`
 * while it runs. Calls are queued: one command runs at a time in a worker.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, type RunResult } from './project.ts';

let runs = 0;
let queue: Promise<unknown> = Promise.resolve();

type Write = typeof process.stdout.write;

export function runInProcess(cwd: string, script: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const result = queue.then(() => runNow(cwd, script, args, env));
  queue = result.catch(() => undefined);
  return result;
}

async function runNow(cwd: string, script: string, args: string[], env: Record<string, string>): Promise<RunResult> {
  const saved = {
    argv: process.argv,
    cwd: process.cwd(),
    exitCode: process.exitCode,
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    env: new Map<string, string | undefined>(),
    listeners: [process.stdout.listeners('error'), process.stderr.listeners('error')],
  };
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as Write;
  for (const [key, value] of Object.entries({ NO_COLOR: '1', FORCE_COLOR: '0', ...env })) {
    saved.env.set(key, process.env[key]);
    process.env[key] = value;
  }
  process.argv = [process.execPath, join(cwd, script), ...args];
  process.exitCode = undefined;
  process.chdir(cwd);
  process.stdout.write = capture((text) => (stdout += text));
  process.stderr.write = capture((text) => (stderr += text));
  try {
    // A new URL each time: the module (and its top-level `await runCommand(…)`) runs again; what it imports is loaded once.
    await import(`${pathToFileURL(join(ROOT, script)).href}?run=${++runs}`);
    return { code: Number(process.exitCode ?? 0), stdout, stderr, output: `${stdout}\n${stderr}` };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    // runCommand adds an error listener to each stream per run (a closed pipe is not an error): drop this run's.
    for (const [index, stream] of [process.stdout, process.stderr].entries())
      for (const listener of stream.listeners('error'))
        if (!saved.listeners[index]!.includes(listener)) stream.off('error', listener as (...args: unknown[]) => void);
    process.chdir(saved.cwd);
    process.argv = saved.argv;
    process.exitCode = saved.exitCode;
    for (const [key, value] of saved.env) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
