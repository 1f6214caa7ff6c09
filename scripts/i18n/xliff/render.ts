/**
 * Turns a unit's target, as read from XLIFF, back into file text: text is
 * escaped for its context (MDX, or nothing for YAML and JSON values), and
 * every placeholder and span is replaced by the source's own markup with the
 * same id, never by what the file says it holds. Checks on the way that the
 * target keeps each of the source's protected pieces exactly once and
 * unchanged; each problem is one sentence naming the piece.
 */
import type { At, ReadSegment } from './xml.ts';
import { protectedPieces, type Placeholder, type Segment, type Span } from './segments.ts';

export interface RenderContext {
  /** `mdx` escapes text for an MDX page; `plain` writes it as it is (frontmatter values, JSON strings). */
  escape: 'mdx' | 'plain';
  /** How a line continues inside the block (list indentation), after a line break in the text. */
  continuation: string;
  /** A table cell: `|` is escaped too. */
  tableCell: boolean;
  /** Do-not-translate terms of the locale: a term placeholder must hold one. */
  terms: ReadonlySet<string>;
}

export interface RenderProblem {
  message: string;
  at?: At;
}

export function renderTarget(
  target: readonly ReadSegment[],
  source: readonly Segment[],
  context: RenderContext,
): { text: string } | { problems: RenderProblem[] } {
  const byId = new Map<string, Placeholder | Span>(protectedPieces(source).map((piece) => [piece.id, piece]));
  const uses = new Map<string, number>();
  const problems: RenderProblem[] = [];
  let atLineStart = true;
  const render = (segments: readonly ReadSegment[]): string => {
    let out = '';
    for (const segment of segments) {
      if (typeof segment === 'string') {
        out += escapeText(segment, context, atLineStart);
        if (segment !== '') atLineStart = segment.endsWith('\n');
        continue;
      }
      atLineStart = false;
      if (segment.kind === 'other') {
        problems.push({
          message: `<${segment.name}${segment.id ? ` id="${segment.id}"` : ''}> is not one of the source's tags; keep the source's <ph> and <g> tags (with their ids) and write everything else as text.`,
          at: segment.at,
        });
        continue;
      }
      const piece = segment.id === undefined ? undefined : byId.get(segment.id);
      if (
        segment.kind === 'ph' &&
        (piece === undefined || (piece.kind === 'ph' && piece.ctype === 'x-term')) &&
        context.terms.has(segment.native)
      ) {
        // A do-not-translate term may appear where the language needs it: it holds the term, nothing else.
        if (piece && piece.native !== segment.native)
          problems.push({
            message: `placeholder ${segment.id} was changed: it holds “${segment.native}”, the source's holds “${piece.native}”.`,
            at: segment.at,
          });
        out += escapeText(segment.native, context, false);
        continue;
      }
      if (segment.id === undefined) {
        problems.push({ message: `a <${segment.kind}> without an id; keep the source's tags as they are.`, at: segment.at });
        continue;
      }
      if (!piece) {
        problems.push({
          message: `${segment.kind === 'ph' ? 'placeholder' : 'tag pair'} ${segment.id} is not in the source${segment.kind === 'ph' ? ` (it holds “${segment.native}”)` : ''}.`,
          at: segment.at,
        });
        continue;
      }
      uses.set(piece.id, (uses.get(piece.id) ?? 0) + 1);
      if (piece.kind !== segment.kind) {
        problems.push({
          message: `${describe(piece)} was changed from ${piece.kind === 'ph' ? 'a placeholder <ph>' : 'a tag pair <g>'} into ${segment.kind === 'ph' ? 'a placeholder <ph>' : 'a tag pair <g>'}.`,
          at: segment.at,
        });
        continue;
      }
      if (piece.kind === 'ph' && segment.kind === 'ph') {
        if (segment.native !== piece.native)
          problems.push({
            message: `placeholder ${piece.id} was changed: it holds “${segment.native}”, the source's holds “${piece.native}”.`,
            at: segment.at,
          });
        out += piece.native;
      } else if (piece.kind === 'g' && segment.kind === 'g') {
        out += piece.open + render(segment.children) + piece.close;
        atLineStart = false;
      }
    }
    return out;
  };
  const text = render(target);
  for (const piece of byId.values()) {
    if (piece.kind === 'ph' && piece.ctype === 'x-term') continue;
    const count = uses.get(piece.id) ?? 0;
    if (count === 0) problems.push({ message: `${describe(piece)} was dropped; put it back where the sentence needs it.` });
    else if (count > 1) problems.push({ message: `${describe(piece)} is there ${count} times; the source has it once.` });
  }
  return problems.length > 0 ? { problems } : { text };
}

function describe(piece: Placeholder | Span): string {
  const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 59)}…` : value);
  return piece.kind === 'ph'
    ? `placeholder ${piece.id} (“${shown(piece.native)}”)`
    : `tag pair ${piece.id} (${piece.ctype}: “${shown(piece.open)}…${shown(piece.close)}”)`;
}

/** Characters that are syntax in MDX text wherever they stand. */
const MDX_SPECIAL = new Set(['\\', '`', '*', '_', '[', ']', '<', '{', '}', '~']);
/** `user_impersonation`: an underscore inside a word never starts or ends emphasis, so it needs no escape. */
function isIntraword(value: string, index: number): boolean {
  return /[\p{L}\p{N}]/u.test(value[index - 1] ?? '') && /[\p{L}\p{N}]/u.test(value[index + 1] ?? '');
}

/** Characters that start a block at the beginning of a line. */
const LINE_START_SPECIAL = new Set(['#', '>', '-', '+', '=']);

/**
 * Text as MDX shows it literally: a backslash before each character that
 * would otherwise start markup (emphasis, code, links, JSX, expressions), an
 * entity-like `&…;`, or a block at the start of a line (`#`, `>`, `-`, `1.`);
 * a line break continues inside the block's container.
 */
export function escapeText(
  value: string,
  context: Pick<RenderContext, 'escape' | 'continuation' | 'tableCell'>,
  atLineStart: boolean,
): string {
  if (context.escape === 'plain') return value;
  let out = '';
  let lineStart = atLineStart;
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!;
    if (character === '\n') {
      out += `\n${context.continuation}`;
      lineStart = true;
      continue;
    }
    if (lineStart && (character === ' ' || character === '\t')) {
      out += character;
      continue;
    }
    if (lineStart && LINE_START_SPECIAL.has(character)) out += '\\';
    else if (lineStart && /[0-9]/.test(character)) {
      // `1.` or `1)` at the start of a line would start an ordered list: escape the delimiter.
      let end = index;
      while (end < value.length && /[0-9]/.test(value[end]!)) end++;
      if (value[end] === '.' || value[end] === ')') {
        out += `${value.slice(index, end)}\\${value[end]}`;
        index = end;
        lineStart = false;
        continue;
      }
    } else if (
      (MDX_SPECIAL.has(character) && !(character === '_' && isIntraword(value, index))) ||
      (character === '|' && context.tableCell)
    )
      out += '\\';
    else if (character === '&' && /^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(value.slice(index, index + 34))) out += '\\';
    out += character;
    lineStart = false;
  }
  return out;
}
