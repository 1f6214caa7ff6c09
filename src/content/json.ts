/**
 * Reads JSON files so that every error, and every key, has a line and column.
 *
 * `JSON.parse` only says "position 123"; translators need `de/ui.json:7:3`.
 * jsonc-parser gives us a syntax tree with offsets, which the content guard and
 * the translation checker both use to point at the exact key to edit.
 */
import { readFileSync } from 'node:fs';
import { parseTree, printParseErrorCode, getNodeValue, type Node, type ParseError } from 'jsonc-parser';
import type { Finding } from '../report/finding.ts';
import { lineStarts, positionAt } from './position.ts';

export interface JsonDocument {
  file: string;
  text: string;
  tree: Node | undefined;
  value: unknown;
  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number };
  /** Where the value at `path` is written (its key for object members), if it exists. */
  positionOf(path: readonly (string | number)[]): { line: number; column: number } | undefined;
  /** The position of `path`, or of its nearest ancestor that exists (where a missing key belongs). */
  nearestPositionOf(path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

export type JsonResult = { ok: true; doc: JsonDocument } | { ok: false; problems: Finding[] };

/** Strips a UTF-8 byte order mark: editors on Windows add one, and it is not content. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseJson(file: string, rawText: string): JsonResult {
  const text = stripBom(rawText);
  const starts = lineStarts(text);
  const position = (offset: number) => (offset >= 0 && offset <= text.length ? positionAt(starts, offset) : { line: 1, column: 1 });
  if (text.trim() === '') {
    return { ok: false, problems: [{ file, line: 1, column: 1, rule: 'parse-error', severity: 'error', message: 'The file is empty.', hint: 'Write a JSON object, at least `{}`.' }] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    // One mistake often cascades into several errors at the same place: keep the first.
    const distinct = errors.filter((error, index) => errors.findIndex((other) => other.offset === error.offset) === index);
    return {
      ok: false,
      problems: distinct.map((error) => ({
        file,
        ...position(error.offset),
        rule: 'parse-error',
        severity: 'error',
        message: `Invalid JSON: ${isAfterTrailingComma(text, error.offset) ? 'a trailing comma is not allowed' : describeJsonError(printParseErrorCode(error.error))}.`,
        hint: 'Fix the syntax at this place; a JSON validator in your editor shows it too.',
      })),
    };
  }
  const doc: JsonDocument = {
    file,
    text,
    tree,
    value: tree ? getNodeValue(tree) : undefined,
    position,
    positionOf(path) {
      let node = tree;
      for (const segment of path) {
        if (!node) return undefined;
        node = childOf(node, segment);
      }
      if (!node) return undefined;
      // For an object member, point at its key: that is what a translator looks for.
      const anchor = node.parent?.type === 'property' ? node.parent : node;
      return position(anchor.offset);
    },
    nearestPositionOf(path) {
      for (let length = path.length; length >= 0; length--) {
        const found = doc.positionOf(path.slice(0, length));
        if (found) return found;
      }
      return undefined;
    },
  };
  return { ok: true, doc };
}

export function readJson(file: string, absolutePath: string): JsonResult {
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, rule: 'parse-error', severity: 'error', message: `Cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, hint: 'Create it, or check its permissions.' }] };
  }
  return parseJson(file, text);
}

/** True when the error sits at a closing bracket right after a comma: `{"a": 1,}`. */
function isAfterTrailingComma(text: string, offset: number): boolean {
  const closing = text[offset];
  if (closing !== '}' && closing !== ']') return false;
  return text.slice(0, offset).trimEnd().endsWith(',');
}

function childOf(node: Node, segment: string | number): Node | undefined {
  if (node.type === 'object') {
    const property = node.children?.find((child) => child.children?.[0]?.value === segment);
    return property?.children?.[1];
  }
  if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
  return undefined;
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: 'a colon is expected',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a closing brace `}` is expected',
    CloseBracketExpected: 'a closing bracket `]` is expected',
    EndOfFileExpected: 'nothing may follow the top-level value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is cut off',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}
