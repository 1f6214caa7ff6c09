/**
 * Fixes that edit text (the `fix` of a finding, src/content/finding.ts): where
 * a link's target is written inside the link, so that a fix replaces exactly
 * that, and applying fixes to a file's text, which is what a test (or an
 * editor) does with them. Positions are 1-based, ends exclusive.
 */
import type { Place } from '../content/outline.ts';
import type { Replacement } from './report.ts';

export interface Range extends Place {
  endLine: number;
  endColumn: number;
}

/** The offset at which each line starts (after `\n`; a `\r` before it stays part of the line, as parsers count columns). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

const offsetOf = (starts: readonly number[], place: Place) => (starts[place.line - 1] ?? Number.NaN) + place.column - 1;

function placeAt(starts: readonly number[], offset: number): Place {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

/**
 * The range of `written`, the link target as the parser read it, inside the link or element that spans `span`
 * (a Markdown link or image, or a JSX element with `href`/`src`): where it stands as a destination, right after
 * `(` or `<` (the last such place: the link text comes first), or as an attribute value, right after `="` or `='`
 * (the first: attributes come before children). Undefined when it is not written there verbatim (escaped, or
 * percent-encoded differently), so no fix is offered rather than a wrong one.
 */
export function targetRange(text: string, span: Place & { end?: Place }, written: string): Range | undefined {
  if (!span.end || written === '') return undefined;
  const starts = lineStarts(text);
  const start = offsetOf(starts, span);
  const end = offsetOf(starts, span.end);
  if (!(start >= 0 && end <= text.length && start < end)) return undefined;
  const slice = text.slice(start, end);
  let found: number | undefined;
  if (slice.startsWith('<')) {
    for (let index = slice.indexOf(written); index !== -1; index = slice.indexOf(written, index + 1)) {
      const quote = slice[index - 1];
      if ((quote === '"' || quote === "'") && slice[index - 2] === '=' && slice[index + written.length] === quote) {
        found = index;
        break;
      }
    }
  } else {
    for (let index = slice.indexOf(written); index !== -1; index = slice.indexOf(written, index + 1)) {
      // CommonMark allows white space, a line end included, between `(` and the destination.
      let back = index - 1;
      while (back >= 0 && ' \t\r\n'.includes(slice[back]!)) back--;
      const before = slice[back];
      const after = slice[index + written.length];
      if (
        (before === '(' || (before === '<' && back === index - 1)) &&
        (after === ')' || after === '>' || after === ' ' || after === '\t' || after === '\n' || after === '\r')
      )
        found = index;
    }
  }
  if (found === undefined) return undefined;
  const from = placeAt(starts, start + found);
  const to = placeAt(starts, start + found + written.length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/**
 * A file's text with replacements applied (all of them for this file). Overlapping replacements cannot both be
 * right: that throws, naming them, rather than writing something neither meant.
 */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  const starts = lineStarts(text);
  const edits = replacements
    .map((replacement) => ({
      replacement,
      start: offsetOf(starts, replacement),
      end: offsetOf(starts, { line: replacement.endLine, column: replacement.endColumn }),
    }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  let limit = Infinity;
  for (const { replacement, start, end } of edits) {
    if (!(start >= 0 && end >= start && end <= text.length))
      throw new Error(`${replacement.file}:${replacement.line}:${replacement.column}: the range is outside the file.`);
    if (end > limit) throw new Error(`${replacement.file}:${replacement.line}:${replacement.column}: overlaps another replacement.`);
    result = result.slice(0, start) + replacement.text + result.slice(end);
    limit = start;
  }
  return result;
}
