/**
 * Parses an MDX page the way the checkers see it: a unified/remark syntax tree
 * with positions, plus its frontmatter parsed and validated.
 *
 * Every failure becomes a Finding with the file, line and column to edit,
 * never an exception, so one bad page cannot hide the problems of the others.
 */
import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFileMessage } from 'vfile-message';
import { isMap, parseDocument, type Node as YamlNode } from 'yaml';
import { MDX_COMPONENTS } from './components.ts';
import { frontmatterSchema, type Frontmatter } from './frontmatter.ts';
import { stripBom } from './json.ts';
import type { Finding } from './finding.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
/** Plain Markdown never fails to parse: used to still read the frontmatter of a page whose MDX is broken. */
const frontmatterParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export interface MdxDocument {
  file: string;
  text: string;
  tree: Root;
  /** Undefined when the frontmatter is missing or invalid (the problems say why). */
  frontmatter: Frontmatter | undefined;
  /** The raw parsed YAML, for rules that compare keys across locales. */
  rawFrontmatter: Record<string, unknown>;
  /** Where a frontmatter key is written; a path reaches nested keys (`['translation', 'source']`). */
  frontmatterPosition(path: string | readonly (string | number)[]): { line: number; column: number } | undefined;
}

export type MdxResult = { ok: true; doc: MdxDocument; problems: Finding[] } | { ok: false; problems: Finding[] };

/** Normalizes what editors vary (BOM, CRLF) without moving line numbers. */
export function normalizeText(text: string): string {
  return stripBom(text).replace(/\r\n?/g, '\n');
}

export function parseMdx(file: string, rawText: string): MdxResult {
  const text = normalizeText(rawText);
  if (text.trim() === '') {
    return { ok: false, problems: [{ file, line: 1, column: 1, rule: 'parse-error', severity: 'error' as const, message: 'The page is empty.', hint: 'Start it with frontmatter (title, description, order) between --- lines.' }] };
  }
  const unreadable = encodingProblem(file, text);
  if (unreadable) return { ok: false, problems: [unreadable] };
  let tree: Root;
  try {
    tree = parser.parse(text);
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    const yamlNode = frontmatterParser.parse(text).children.find((node): node is Yaml => node.type === 'yaml');
    return {
      ok: false,
      problems: [...(yamlNode ? readFrontmatter(file, yamlNode).problems : []), {
        file,
        rule: 'parse-error',
        severity: 'error' as const,
        ...errorPlace(error),
        message: `MDX syntax error: ${error.reason.replace(/\.$/, '')}.`,
        hint: mdxHint(error.reason),
      }],
    };
  }
  const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (!yamlNode) {
    return { ok: false, problems: [{ file, line: 1, column: 1, rule: 'frontmatter', severity: 'error' as const, message: 'The page has no frontmatter.', hint: 'Start it with title, description and order between two --- lines.' }] };
  }
  const frontmatter = readFrontmatter(file, yamlNode);
  return {
    ok: true,
    problems: [...frontmatter.problems, ...esmProblems(file, tree)],
    doc: { file, text, tree, frontmatter: frontmatter.value, rawFrontmatter: frontmatter.raw, frontmatterPosition: frontmatter.positionOf },
  };
}

/**
 * A page that is not text: a NUL byte (binary content), or bytes that are not
 * UTF-8, which the file reader turned into U+FFFD (the same character marks a
 * conversion that already failed, so it is refused too). Reported at the first
 * one, before the parser sees the page; Astro would otherwise fail on it with
 * an error that names no line.
 */
function encodingProblem(file: string, text: string): Finding | undefined {
  const nul = text.indexOf('\u0000');
  const replaced = text.indexOf('\uFFFD');
  if (nul === -1 && replaced === -1) return undefined;
  const binary = nul !== -1 && (replaced === -1 || nul < replaced);
  const offset = binary ? nul : replaced;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return {
    file,
    rule: 'parse-error',
    severity: 'error',
    line,
    column: offset - before.lastIndexOf('\n'),
    message: binary ? 'The page holds binary data (a NUL byte), not text.' : 'The page is not valid UTF-8 here (a byte that is not UTF-8, read as �, or a � left by an earlier failed conversion).',
    hint: binary ? 'Pages are UTF-8 text: restore the file from git, or save it again as text.' : 'Save the file as UTF-8 (not Latin-1, Windows-1252 or UTF-16), and retype the character at this place.',
  };
}

/**
 * Where a syntax error is: the parser's place, except for a tag that is never
 * closed, which the MDX parser places at the end of the enclosing block (or
 * nowhere) and names only in its message, `(7:11-7:38)`: the opening tag is
 * where the fix goes.
 */
function errorPlace(error: VFileMessage): { line: number; column: number } {
  const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(error.reason);
  if (named && (error.line == null || error.reason.startsWith('Expected a closing tag'))) return { line: Number(named[1]), column: Number(named[2]) };
  return { line: error.line ?? 1, column: error.column ?? 1 };
}

/**
 * `import` and `export` lines (MDX's ESM, always top-level): pages do not have
 * them, because components are provided to every page and an import would make
 * Astro resolve a module from a translator's folder. The build's guard reports
 * these (rule `mdx-import`); the checkers leave them to it.
 */
function esmProblems(file: string, tree: Root): Finding[] {
  return tree.children.filter((node) => node.type === 'mdxjsEsm').map((node) => {
    const statement = node.value.trimStart();
    return {
      file,
      rule: 'mdx-import',
      severity: 'error' as const,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      message: `Pages do not ${statement.startsWith('export') ? 'export' : 'import'} anything: \`${statement.split('\n')[0]!.slice(0, 80)}\`.`,
      hint: `Remove the line. ${new Intl.ListFormat('en').format(Object.keys(MDX_COMPONENTS).map((known) => `<${known}>`))} are available in every page without an import; anything else needs a component registered in src/components/mdx.ts first.`,
    };
  });
}

function readFrontmatter(file: string, node: Yaml) {
  // The YAML starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  // prettyErrors off: its "at line N" counts from inside the frontmatter, which would mislead.
  const yaml = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => {
    const before = node.value.slice(0, offset);
    const line = before.split('\n').length;
    return { line: firstLine + line - 1, column: offset - before.lastIndexOf('\n') };
  };
  /** The deepest key of `path` that exists, so a nested error points at its own line. */
  const positionOf = (path: string | readonly (string | number)[]) => {
    let found: { line: number; column: number } | undefined;
    let node: unknown = yaml.contents;
    for (const segment of typeof path === 'string' ? [path] : path) {
      if (!isMap(node)) break;
      const pair = node.items.find((item) => (item.key as YamlNode & { value?: unknown })?.value === segment);
      const range = (pair?.key as YamlNode | undefined)?.range;
      if (!pair || !range) break;
      found = lineOf(range[0]);
      node = pair.value;
    }
    return found;
  };
  const problems: Finding[] = yaml.errors.map((error) => ({
    file,
    rule: 'frontmatter',
    severity: 'error' as const,
    ...lineOf(error.pos[0]),
    message: `Invalid YAML frontmatter: ${error.message.split('\n')[0]}`,
    hint: 'Check indentation and quote values that contain a colon.',
  }));
  if (problems.length > 0) return { problems, value: undefined, raw: {}, positionOf };

  const raw = yaml.toJS() as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ file, line: firstLine, column: 1, rule: 'frontmatter', severity: 'error' as const, message: 'The frontmatter must be a set of `key: value` lines.' }], value: undefined, raw: {}, positionOf };
  }
  const result = frontmatterSchema.safeParse(raw);
  if (!result.success) {
    return {
      value: undefined,
      raw: raw as Record<string, unknown>,
      positionOf,
      problems: result.error.issues.map((issue): Finding => {
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const where = positionOf(unknownKeys.length ? [...issue.path.map(String), unknownKeys[0]!] : issue.path.map(String)) ?? { line: firstLine, column: 1 };
        return {
          file,
          ...where,
          rule: 'frontmatter',
          severity: 'error' as const,
          message: `Invalid frontmatter${issue.path.length ? ` \`${issue.path.join('.')}\`` : ''}: ${issue.message}.`,
          hint: unknownKeys.length
            ? `Remove ${unknownKeys.map((name) => `\`${name}\``).join(', ')}; allowed keys are title, description, order, navTitle, translation, updated.`
            : 'Pages need title, description (20 to 200 characters) and order; translations also record `translation: { source, method }`.',
        };
      }).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    };
  }
  return { problems: [], value: result.data, raw: raw as Record<string, unknown>, positionOf };
}

function mdxHint(reason: string): string {
  if (/expression|acorn/i.test(reason)) return 'Curly braces start a JavaScript expression in MDX; write \\{ for a literal brace, or fix the expression.';
  if (/closing tag|end tag|JSX/i.test(reason)) return 'Every component or HTML tag must be closed (`<Tag />` or `<Tag>…</Tag>`).';
  if (/</.test(reason)) return 'A literal `<` starts a tag in MDX; write `&lt;` for the character.';
  return 'Fix the syntax at this place; MDX is stricter than Markdown about `<` and `{`.';
}
