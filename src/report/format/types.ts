/** What every formatter receives besides the report. */
import type { Tool } from '../rules.ts';

export interface FormatOptions {
  /** The command and its rule registry (SARIF rule descriptors, summaries). */
  tool?: Tool;
  /** Terminal colors (readable output only). */
  color?: boolean;
  /** The checked project's absolute path (SARIF's SRCROOT). */
  root?: string;
  /** Where a file's lines can be linked (`https://github.com/o/r/blob/<sha>/`), for the Markdown job summary. */
  linkBase?: string;
  /** End readable output with the error and warning counts (default true). */
  totals?: boolean;
  /**
   * `summary`: readable output lists errors in full and, per locale, one line counting the warnings
   * with the command that lists them (what `npm run build` prints, so errors are not buried). The
   * machine formats (json, github, sarif, markdown) always carry every finding. Default `full`.
   */
  warnings?: 'full' | 'summary';
}
