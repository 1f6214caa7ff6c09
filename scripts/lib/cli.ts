/**
 * What every command in scripts/ shares: argument parsing with usage errors
 * (exit 2) instead of stack traces, and color only where it helps.
 */
import { enableCompileCache } from 'node:module';
import { relative } from 'node:path';
import { parseArgs, styleText, type ParseArgsConfig } from 'node:util';
import { ContentError } from '../../src/report/finding.ts';
import { EXIT, UsageError } from '../../src/report/usage.ts';

export { EXIT, UsageError };
import { wantsColor } from '../../src/report/format/color.ts';
import { formatPretty } from '../../src/report/format/pretty.ts';

/** Colors on a terminal, plain text in pipes, files and CI logs (and when NO_COLOR is set). */
export function paint(format: Parameters<typeof styleText>[0], text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return styleText(format, text, { stream, validateStream: true });
}

/** parseArgs, with its errors turned into UsageErrors that name the option (`--help` is runCommand's, so every command takes it). */
export function parseCli<T extends ParseArgsConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv.filter((arg) => !HELP.includes(arg)), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const HELP = ['--help', '-h'];

/**
 * Runs a command's main function (or, asked for `--help` or `-h`, prints its usage and exits 0): usage errors print the usage and exit 2;
 * broken configuration (a ContentError from the registry, glossary or config
 * file) prints each problem with its file and line and exits 2; anything
 * unexpected prints one line (not a stack trace) and exits 2.
 */
export async function runCommand(usage: string, main: () => Promise<number> | number): Promise<void> {
  // Node keeps the compiled code of what loads from here on in its cache folder for the next run. The
  // npm scripts turn it on earlier, before the command's own modules load (scripts/lib/compileCache.mjs).
  enableCompileCache();
  // A reader that stops early (`| head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  if (process.argv.slice(2).some((arg) => HELP.includes(arg))) {
    process.stdout.write(`${usage}\n`);
    process.exitCode = EXIT.ok;
    return;
  }
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${paint('red', 'error', process.stderr)} ${error.message}\n\n${usage}\n`);
    } else if (error instanceof ContentError) {
      process.stderr.write(
        `${paint('red', 'Configuration error', process.stderr)}\n${formatPretty({ findings: [...error.problems], summary: undefined }, { color: wantsColor(process.stderr), totals: false })}`,
      );
    } else {
      // Unexpected: one line saying what failed, never a stack trace (DEBUG=1 shows it).
      process.stderr.write(`${paint('red', 'error', process.stderr)} ${describeError(error)}\n`);
      if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    }
    process.exitCode = EXIT.usage;
  }
}

/** A file-system error as a sentence naming the path (relative to the current folder) and what to do; other errors by their message. */
export function describeError(error: unknown): string {
  const { code, path, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (path && code) {
    const shown = relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path) || '.';
    const what: Record<string, string> = {
      ENOENT: 'does not exist (a broken symbolic link, or removed during the run); restore it or delete the reference to it',
      EACCES: 'cannot be read (permission denied); give your user read permission (chmod u+r)',
      EPERM: 'cannot be read (permission denied); give your user read permission (chmod u+r)',
      EISDIR: 'is a folder where a file was expected; rename or remove it',
      ENOTDIR: 'has a file where a folder was expected in its path',
    };
    return `${shown} ${what[code] ?? `cannot be read (${code}); check the file and its disk`}.`;
  }
  return message ?? String(error);
}
