/**
 * Mutations of real files, as a careless or hostile contributor makes them:
 * characters and lines deleted, duplicated and swapped, and tokens that mean
 * something to MDX, YAML, JSON or HTML inserted (`{`, `<`, `---`, quotes),
 * along with NUL and bytes that are not UTF-8. They work on bytes, so a
 * mutation can split a multi-byte character too.
 */
import fc from 'fast-check';

/** Tokens with a meaning in the formats the project reads. */
export const TOKENS = [
  '{',
  '}',
  '<',
  '>',
  '</',
  '/>',
  '---',
  '\n---\n',
  '{/*',
  '*/}',
  '{/* #x */}',
  '`',
  '```',
  '[',
  '](',
  ')',
  '#',
  '\n## ',
  '\n- ',
  '|',
  '<Callout>',
  '</Callout>',
  '<StorefrontTable table="x" />',
  '<DataTable />',
  '<div onclick="x">',
  '<script>',
  '{1+1}',
  'export const x = 1',
  'import x from "y"',
  ':',
  ': ',
  '"',
  "'",
  ',',
  '[]',
  '{}',
  'null',
  '-1',
  '1e999',
  '"__proto__"',
  '\\',
  '\\u0000',
  '{{x}}',
  '$t(x)',
  '<0>',
  '&',
  '&#0;',
  '<!--',
  '-->',
  '\t',
  '\r',
  '\r\n',
  '\u2028',
  '\uFEFF',
  '\u0000',
  'ü',
  '🙂',
  'javascript:alert(1)',
  '](javascript:x)',
  '#top',
  '../',
  '/en/',
  'https://',
];

/** Byte sequences that are not valid UTF-8: a lone continuation byte, a truncated sequence, an overlong form, a surrogate, 0xFF. */
export const INVALID_UTF8 = [[0x80], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xfe, 0xff], [0x00]];

export type Mutation =
  | { op: 'delete' | 'duplicate'; at: number; length: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'delete-line' | 'duplicate-line'; line: number }
  | { op: 'swap-lines'; line: number; other: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'insert-bytes'; at: number; bytes: number[] };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ op: fc.constant('insert-bytes' as const), at: fc.nat(), bytes: fc.constantFrom(...INVALID_UTF8) }),
);

/** Applies each mutation in turn; positions wrap around the current length. */
export function mutate(input: Uint8Array, mutations: readonly Mutation[]): Buffer {
  let bytes: Buffer = Buffer.from(input);
  for (const mutation of mutations) bytes = apply(bytes, mutation);
  return bytes;
}

function apply(bytes: Buffer, mutation: Mutation): Buffer {
  const n = bytes.length;
  const at = (value: number) => (n === 0 ? 0 : value % (n + 1));
  switch (mutation.op) {
    case 'delete': {
      const start = at(mutation.at);
      return Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + mutation.length)]);
    }
    case 'duplicate': {
      const start = at(mutation.at);
      return Buffer.concat([bytes.subarray(0, start + mutation.length), bytes.subarray(start)]);
    }
    case 'swap': {
      if (n < 2) return bytes;
      const copy = Buffer.from(bytes);
      const a = mutation.at % n;
      const b = mutation.other % n;
      [copy[a], copy[b]] = [copy[b]!, copy[a]!];
      return copy;
    }
    case 'insert': {
      const start = at(mutation.at);
      return Buffer.concat([bytes.subarray(0, start), Buffer.from(mutation.token), bytes.subarray(start)]);
    }
    case 'insert-bytes': {
      const start = at(mutation.at);
      return Buffer.concat([bytes.subarray(0, start), Buffer.from(mutation.bytes), bytes.subarray(start)]);
    }
    default: {
      const lines = splitLines(bytes);
      const i = mutation.line % lines.length;
      if (mutation.op === 'delete-line') lines.splice(i, 1);
      else if (mutation.op === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else if (mutation.op === 'swap-lines') {
        const j = mutation.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.concat(lines);
    }
  }
}

/** Lines with their line break, so joining them gives the bytes back. */
function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** Random text built from what MDX and YAML give meaning to, with letters and other scripts between. */
export const mdxishArb = fc
  .array(
    fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom('a', 'Lead', ' ', '\n', '\n\n', 'ß', '中文', '0', '-', '*', '_', '=', '!', '?')),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));
