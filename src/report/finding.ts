/**
 * A finding: one problem found in the project, located where a person must
 * edit. Defined once, here: the build's content guard and the loaders it uses,
 * `check:i18n` and `check:links` all produce this shape, so every formatter in
 * `scripts/lib/format/` prints any of them, and nothing converts between kinds.
 *
 * Paths are relative to the repository root with forward slashes; `line` and
 * `column` are 1-based and absent only where a problem has no place in a file
 * (a missing folder, a file that cannot be read).
 */
export type Severity = 'error' | 'warning';

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export interface Finding extends Location {
  /** The rule that found it: a registry id for the checkers, a fixed id (`parse-error`, `config`, …) for loaders and the guard. */
  rule: string;
  severity: Severity;
  message: string;
  /** What to do about it, in one sentence a translator can act on. */
  hint?: string;
  /** The locale the file belongs to, where that means something. */
  locale?: string;
  /** The matching place in the source (English) file, where there is one. */
  source?: Location;
  /** The edit that resolves it, exact enough to apply mechanically; only offered once the checker has checked the result. */
  fix?: Fix;
  /** Checker-specific fields (the link checker adds `url` and `page`; `outdated` adds `sections` and `details`). */
  [extra: string]: unknown;
}

/**
 * A proposed edit: replacements of exact ranges of text. Lines and columns are 1-based and the end is exclusive
 * (the column after the last character replaced), as in SARIF, so a fix maps onto SARIF's `fixes` unchanged.
 */
export interface Fix {
  /** What the edit does, in one sentence (the finding's hint says the same). */
  description: string;
  replacements: Replacement[];
}

export interface Replacement {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text that takes the range's place. */
  text: string;
}

/** Thrown when content or configuration cannot be loaded at all; carries every finding, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly Finding[];

  constructor(problems: readonly Finding[]) {
    super(problems.map(oneLine).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** `file:line:col`, or less where the finding has no position: the form editors and terminals turn into links. */
export function placeOf(location: Location): string {
  if (location.line === undefined) return location.file;
  return `${location.file}:${location.line}:${location.column ?? 1}`;
}

/** `file:line:col  message` and the hint: for exception messages, where no formatter is at hand. */
function oneLine(finding: Finding): string {
  return `${placeOf(finding)}  ${finding.message}${finding.hint ? `\n    → ${finding.hint}` : ''}`;
}
