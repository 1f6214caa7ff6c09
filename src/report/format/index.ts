/**
 * The output formats, one formatter file each, registered here by name: the
 * CLIs' `--format` and `--output <format>=<file>` pick from this table. A new
 * format is one file exporting `(report, options) => string` plus a line below.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../usage.ts';
import type { Report } from '../report.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatPretty } from './pretty.ts';
import { formatSarif } from './sarif.ts';
import type { FormatOptions } from './types.ts';

export type { FormatOptions } from './types.ts';

export const FORMATTERS = {
  pretty: formatPretty,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
  markdown: formatMarkdown,
} satisfies Record<string, (report: Report, options: FormatOptions) => string>;

export type Format = keyof typeof FORMATTERS;
export const FORMATS = Object.keys(FORMATTERS) as Format[];

export function parseFormat(value: string | undefined, option = '--format'): Format {
  const format = value ?? 'pretty';
  if (!Object.hasOwn(FORMATTERS, format)) throw new UsageError(`${option} must be one of ${FORMATS.join(', ')}; got "${format}".`);
  return format as Format;
}

export interface Output {
  format: Format;
  /** Absolute path of the file to write. */
  path: string;
}

/** `--output sarif=reports/i18n.sarif`: a format and a file, relative to the current folder. */
export function parseOutput(value: string): Output {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1)
    throw new UsageError(`--output takes <format>=<file>, such as sarif=reports/i18n.sarif; got "${value}".`);
  return { format: parseFormat(value.slice(0, at), '--output'), path: resolve(value.slice(at + 1)) };
}

export function formatReport(report: Report, format: Format, options: FormatOptions = {}): string {
  return FORMATTERS[format](report, options);
}

/** Writes each `--output` file (creating its folder); a file that cannot be written is a usage error naming it. */
export function writeOutputs(report: Report, outputs: readonly Output[], options: FormatOptions): void {
  for (const output of outputs) {
    try {
      mkdirSync(dirname(output.path), { recursive: true });
      // Colors never go into files.
      writeFileSync(output.path, formatReport(report, output.format, { ...options, color: false }));
    } catch (error) {
      throw new UsageError(
        `cannot write ${output.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the folder is writable.`,
      );
    }
  }
}

/** GitHub's blob URL of the checked commit, so the Markdown summary links each line (only inside GitHub Actions). */
export function githubLinkBase(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA } = env;
  return GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_SHA ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/blob/${GITHUB_SHA}/` : undefined;
}
