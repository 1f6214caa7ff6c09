/**
 * A problem found in the content tree, located where a person must edit.
 *
 * Every check in this project (the build's content guard, `check:i18n`,
 * `check:links`) speaks this one shape, so the formatters in `scripts/` can
 * print any of them the same way. Paths are relative to the repository root
 * with forward slashes; `line` and `column` are 1-based.
 */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What to do about it, in one sentence a translator can act on. */
  hint?: string;
  /** What kind of problem: a file that does not parse, or frontmatter that breaks the schema. */
  kind?: 'syntax' | 'frontmatter';
}

/** Thrown when content cannot be loaded at all; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** `file:line:col message (hint)`: the form editors and terminals turn into links. */
export function formatProblem(problem: Problem): string {
  const place = [problem.file, problem.line, problem.line === undefined ? undefined : (problem.column ?? 1)]
    .filter((part) => part !== undefined)
    .join(':');
  return `${place}  ${problem.message}${problem.hint ? `\n    → ${problem.hint}` : ''}`;
}
