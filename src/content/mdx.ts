/**
 * Parses an MDX page the way the site compiles it: with Sätteri, the Rust
 * processor Astro builds the pages with (`mdxToMdast`), into an mdast syntax
 * tree with positions, plus its frontmatter parsed and validated.
 *
 * Sätteri's tree is remark's (remark-parse + mdx + gfm + frontmatter) node for
 * node, positions included (UTF-16 columns), with these differences the
 * readers of the tree do not depend on: MDX JSX attributes carry no position,
 * an ESM node ends after its line break, nodes may carry Sätteri's own `data`,
 * and `+++` TOML frontmatter is a `toml` node (reported below: pages use YAML).
 *
 * Every failure becomes a Finding with the file, line and column to edit,
 * never an exception, so one bad page cannot hide the problems of the others.
 */
import type { Root, RootContent, Yaml } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { placeJsxAttributes } from './jsxAttributes.ts';
import { YAMLException } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as YamlPackage from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { MDX_COMPONENTS } from './components.ts';
import { FrontmatterAliasError, frontmatterSchema, loadFrontmatterYaml, type Frontmatter } from './frontmatter.ts';
import { stripBom } from './json.ts';
import type { Finding } from '../report/finding.ts';

/** The MDX node types of the tree, under the names mdast-util-mdx-jsx gave them (Sätteri's types; importing them also teaches `mdast` its MDX nodes). */
export type { MdxJsxAttributeNode as MdxJsxAttribute, MdxJsxExpressionAttributeNode as MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

/**
 * Brackets nested deeper than this are in no real page; Sätteri's expression
 * parser (oxc) overflows the native stack and kills the process at about
 * 10,000 levels (`{((((…}`), which no try/catch can turn into a message.
 */
const MAX_NESTING = 1_000;

export interface MdxDocument {
  file: string;
  text: string;
  tree: Root;
  /** Undefined when the frontmatter is missing or invalid (the problems say why). */
  frontmatter: Frontmatter | undefined;
  /** The raw parsed YAML, for rules that compare keys across locales. */
  rawFrontmatter: Record<string, unknown>;
  /** The frontmatter's YAML and the file line it starts on, to place a key later (frontmatterLocator). */
  frontmatterYaml: FrontmatterYaml;
}

export interface FrontmatterYaml {
  text: string;
  line: number;
}

export type MdxResult = { ok: true; doc: MdxDocument; problems: Finding[] } | { ok: false; problems: Finding[] };

/** Normalizes what editors vary (BOM, CRLF) without moving line numbers. */
export function normalizeText(text: string): string {
  return stripBom(text).replace(/\r\n?/g, '\n');
}

export function parseMdx(file: string, rawText: string): MdxResult {
  const text = normalizeText(rawText);
  const problem = (place: { line: number; column: number }, rule: string, message: string, hint: string): Finding => ({ file, ...place, rule, severity: 'error' as const, message, hint });
  if (text.trim() === '') return { ok: false, problems: [problem({ line: 1, column: 1 }, 'parse-error', 'The page is empty.', 'Start it with frontmatter (title, description, order) between --- lines.')] };
  const unreadable = encodingProblem(file, text);
  if (unreadable) return { ok: false, problems: [unreadable] };
  const deep = tooDeep(text);
  if (deep) return { ok: false, problems: [problem(deep, 'parse-error', `MDX syntax error: brackets nested more than ${MAX_NESTING} levels deep.`, 'Close the brackets that were opened, or write \\{ for a literal brace.')] };
  let tree: Root;
  try {
    tree = mdxToMdast(text, { position: true }) as Root;
  } catch (error) {
    const { place, reason } = syntaxError(error, text);
    // Plain Markdown never fails to parse: it still reads the frontmatter of a page whose MDX is broken
    // (only the head of the page up to the first closing `---` line, so a huge page is not parsed twice).
    const close = text.indexOf('\n---\n', 3);
    const yamlNode = frontmatterOf((markdownToMdast(close === -1 ? text : text.slice(0, close + 5), { position: true }) as Root).children);
    return { ok: false, problems: [...(yamlNode ? readFrontmatter(file, yamlNode).problems : []), problem(place, 'parse-error', `MDX syntax error: ${reason.replace(/\.$/, '')}.`, mdxHint(reason))] };
  }
  placeJsxAttributes(text, tree);
  if (tree.children[0]?.type === ('toml' as string)) {
    return { ok: false, problems: [problem({ line: 1, column: 1 }, 'frontmatter', 'The frontmatter is TOML (between +++ lines); pages use YAML.', 'Write title, description and order as `key: value` lines between two --- lines.')] };
  }
  const yamlNode = frontmatterOf(tree.children);
  if (!yamlNode) return { ok: false, problems: [problem({ line: 1, column: 1 }, 'frontmatter', 'The page has no frontmatter.', 'Start it with title, description and order between two --- lines.')] };
  const frontmatter = readFrontmatter(file, yamlNode);
  return {
    ok: true,
    problems: [...frontmatter.problems, ...esmProblems(file, tree)],
    doc: {
      file,
      text,
      tree,
      frontmatter: frontmatter.value,
      rawFrontmatter: frontmatter.raw,
      frontmatterYaml: { text: yamlNode.value, line: frontmatterLine(yamlNode) },
    },
  };
}

const frontmatterOf = (nodes: readonly RootContent[]) => nodes.find((node): node is Yaml => node.type === 'yaml');

/**
 * Where and why Sätteri stopped: its message starts with `line:column: `
 * (UTF-16 columns, like the tree's) and ends with a rule code in parentheses.
 * A message without a place (none is known today) is placed at the first
 * `(line:column)` it names, else at the end of the page, where an unclosed
 * construct shows, never at line 1 by default.
 */
function syntaxError(error: unknown, text: string): { place: { line: number; column: number }; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([a-z-]+:[a-z-]+\))?$/.exec(message);
  if (match) return { place: { line: Number(match[1]), column: Number(match[2]) }, reason: match[3]! };
  const named = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(message);
  if (named) return { place: { line: Number(named[1]), column: Number(named[2]) }, reason: message };
  const lines = text.split('\n');
  return { place: { line: lines.length, column: lines.at(-1)!.length + 1 }, reason: message };
}

/** The first place where `(`, `[` or `{` are nested deeper than MAX_NESTING (one pass, no parsing). */
function tooDeep(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 40 || code === 91 || code === 123) {
      if (++depth > MAX_NESTING) return { line, column: index - lineStart + 1 };
    } else if (code === 41 || code === 93 || code === 125) depth = Math.max(0, depth - 1);
    else if (code === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return undefined;
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

const load = createRequire(import.meta.url);
let yamlLoaded: typeof YamlPackage | undefined;
/** The `yaml` package, loaded when a key or an error is first placed: a run without such a finding never pays its start-up (about 40 ms). */
const yamlPackage = () => (yamlLoaded ??= load('yaml') as typeof YamlPackage);

/**
 * Where keys and errors sit in a frontmatter block, from the `yaml` package's document, which knows
 * each node's offset (Astro's parser, which gives the values, does not). The document is built on
 * the first question, so a page nobody asks about costs nothing here. `firstLine`: the file's line
 * of the YAML's first line (the one after the opening `---`).
 */
export function frontmatterLocator(yaml: string, firstLine: number) {
  // prettyErrors off: its "at line N" counts from inside the frontmatter, which would mislead.
  let document: Document | undefined;
  const located = () => (document ??= yamlPackage().parseDocument(yaml, { prettyErrors: false, uniqueKeys: true }));
  const lineOf = (offset: number) => {
    const before = yaml.slice(0, offset);
    const line = before.split('\n').length;
    return { line: firstLine + line - 1, column: offset - before.lastIndexOf('\n') };
  };
  return {
    /** Where the first alias (`*name`) is. */
    firstAlias(): { line: number; column: number } | undefined {
      let found: { line: number; column: number } | undefined;
      const { visit } = yamlPackage();
      visit(located(), {
        Alias(_, node) {
          if (node.range) found = lineOf(node.range[0]);
          return visit.BREAK;
        },
      });
      return found;
    },
    /** The YAML errors, each placed. */
    errors: () => located().errors.map((error) => ({ ...lineOf(error.pos[0]), message: error.message })),
    /** The deepest key of `path` that exists, so a nested error points at its own line. */
    positionOf(path: string | readonly (string | number)[]): { line: number; column: number } | undefined {
      let found: { line: number; column: number } | undefined;
      let node: unknown = located().contents;
      const { isMap } = yamlPackage();
      for (const segment of typeof path === 'string' ? [path] : path) {
        if (!isMap(node)) break;
        const pair = node.items.find((item) => (item.key as YamlNode & { value?: unknown })?.value === segment);
        const range = (pair?.key as YamlNode | undefined)?.range;
        if (!pair || !range) break;
        found = lineOf(range[0]);
        node = pair.value;
      }
      return found;
    },
  };
}

/** The file's line of a frontmatter's first YAML line: the one after the opening `---`. */
const frontmatterLine = (node: Yaml) => (node.position?.start.line ?? 1) + 1;

function readFrontmatter(file: string, node: Yaml) {
  const firstLine = frontmatterLine(node);
  const locator = frontmatterLocator(node.value, firstLine);
  const yamlProblem = (place: { line: number; column: number }, message: string, hint = 'Check indentation and quote values that contain a colon.'): Finding => ({
    file,
    rule: 'frontmatter',
    severity: 'error' as const,
    ...place,
    message: `Invalid YAML frontmatter: ${message.split('\n')[0]}`,
    hint,
  });
  let raw: unknown;
  try {
    raw = loadFrontmatterYaml(node.value);
  } catch (error) {
    // Every problem the located document finds, with its place; Astro's parser's own message when only it objects.
    const problems = locator.errors().map(({ message, ...place }) => yamlProblem(place, message));
    if (error instanceof FrontmatterAliasError) {
      problems.push(yamlProblem(locator.firstAlias() ?? { line: firstLine, column: 1 }, `${error.message}.`, 'Write the value out where it is used, without `&name` and `*name`.'));
    } else if (problems.length === 0) {
      const mark = error instanceof YAMLException ? error.mark : undefined;
      problems.push(yamlProblem(mark ? { line: firstLine + mark.line, column: mark.column + 1 } : { line: firstLine, column: 1 }, error instanceof YAMLException ? error.reason : String(error)));
    }
    return { problems, value: undefined, raw: {} };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ file, line: firstLine, column: 1, rule: 'frontmatter', severity: 'error' as const, message: 'The frontmatter must be a set of `key: value` lines.' }], value: undefined, raw: {} };
  }
  const result = frontmatterSchema.safeParse(raw);
  if (!result.success) {
    return {
      value: undefined,
      raw: raw as Record<string, unknown>,
      problems: result.error.issues.map((issue): Finding => {
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const where = locator.positionOf(unknownKeys.length ? [...issue.path.map(String), unknownKeys[0]!] : issue.path.map(String)) ?? { line: firstLine, column: 1 };
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
  return { problems: [], value: result.data, raw: raw as Record<string, unknown> };
}

function mdxHint(reason: string): string {
  if (/expression|oxc/i.test(reason)) return 'Curly braces start a JavaScript expression in MDX; write \\{ for a literal brace, or fix the expression.';
  if (/closing tag|end tag|JSX/i.test(reason)) return 'Every component or HTML tag must be closed (`<Tag />` or `<Tag>…</Tag>`).';
  if (/</.test(reason)) return 'A literal `<` starts a tag in MDX; write `&lt;` for the character.';
  return 'Fix the syntax at this place; MDX is stricter than Markdown about `<` and `{`.';
}

/** True for an expression that is only an MDX comment, `/* … *\/`: one comment, nothing before or after it (so `/* a *\/ run() /* b *\/` is code). */
export function isMdxComment(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.startsWith('/*') && trimmed.indexOf('*/', 2) === trimmed.length - 2;
}
