/**
 * What MDX a page may contain: content is data, not code. Pages come from
 * translators and from anyone who opens a pull request, and MDX runs every
 * `{expression}` and renders every tag while Astro builds the site, so the
 * content guard decides from the parsed tree, before Astro compiles anything:
 *
 * - **Expressions.** A source page may hold MDX comments only (`{/* … *\/}`,
 *   which the site uses for heading ids `{/* #id *\/}`); that is every shape
 *   content/en uses. Any other expression, in text, as a prop value
 *   (`type={…}`) or as a spread (`{...props}`), is refused (rule
 *   `mdx-expression`). A translation may hold exactly the expressions of its
 *   source page, or none: it never adds one. `import`/`export` lines are
 *   refused in every page (rule `mdx-import`, in mdx.ts).
 * - **Components** only from the registered set (components.ts), and in a
 *   translation with the props the source gives (rule `component`, in guard.ts).
 * - **Raw HTML** (rule `raw-html`): lowercase tags are allowed only from a
 *   short list of text-formatting elements (`RAW_HTML_ELEMENTS`) with plain
 *   string attributes from `RAW_HTML_ATTRIBUTES`; `<script>`, `<style>`,
 *   `<iframe>`, forms, embeds and every `on*` handler or `style` attribute are
 *   errors, as are `html` nodes (which MDX does not produce, but another parser might).
 * - **URLs** in links, images, definitions and `href`/`src`/`cite` attributes
 *   follow urlPolicy.ts (rule `unsafe-url`).
 *
 * The walk works on mdast node types only (mdxjsEsm, mdxFlowExpression,
 * mdxTextExpression, mdxJsxFlowElement, mdxJsxTextElement, link, image,
 * definition, html), so it does not depend on which MDX parser made the tree.
 * Its result is plain JSON and is cached with the parsed page.
 */
import type { Node, Parent, Root } from 'mdast';
import type { Finding } from '../report/finding.ts';
import type { Outline, Place } from './outline.ts';
import { isMdxComment } from './mdx.ts';
import { unsafeUrl, unsafeUrlHint, type UrlUse } from './urlPolicy.ts';

/** Code a page holds: an expression that is not a comment, a prop given as an expression, or a spread of props. */
export interface CodeItem extends Place {
  kind: 'expression' | 'prop' | 'spread';
  /** The expression's source text, trimmed. */
  value: string;
  /** For a prop or spread: the element it is written on. */
  element?: string;
  /** For a prop: its name. */
  prop?: string;
}

export interface PagePolicy {
  /** Problems of the page alone (`raw-html`, `unsafe-url`), whatever its locale. */
  problems: Finding[];
  /** Every piece of code in the page, for the expression rules, which depend on the page's locale and source. */
  code: CodeItem[];
}

/**
 * Lowercase elements a page may write: text formatting and structure a reader
 * sees, none of which loads, runs or submits anything.
 */
export const RAW_HTML_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'hr', 'i', 'img', 'ins', 'kbd',
  'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
]);

/** Attributes those elements may carry (plus `aria-*`); `href`, `src` and `cite` are URLs and follow urlPolicy.ts. */
export const RAW_HTML_ATTRIBUTES = new Set(['id', 'class', 'className', 'title', 'lang', 'dir', 'role', 'href', 'src', 'cite', 'alt', 'width', 'height', 'colspan', 'colSpan', 'rowspan', 'rowSpan', 'scope', 'headers', 'datetime', 'dateTime', 'open', 'start', 'reversed']);

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
  position?: Node['position'];
}

interface JsxElement extends Parent {
  name: string | null;
  attributes: JsxAttribute[];
}

const placeOf = (node: { position?: Node['position'] } | undefined, fallback?: Place): Place => ({ line: node?.position?.start.line ?? fallback?.line ?? 1, column: node?.position?.start.column ?? fallback?.column ?? 1 });

/** Reads a page's tree once: its own problems and the code it holds. */
export function pagePolicy(file: string, tree: Root): PagePolicy {
  const policy: PagePolicy = { problems: [], code: [] };
  const problem = (rule: 'raw-html' | 'unsafe-url', at: Place, message: string, hint: string, extra: { url?: string } = {}) => policy.problems.push({ file, rule, severity: 'error', ...at, message, hint, ...extra });
  const url = (value: string | null | undefined, use: UrlUse, at: Place, what: string) => {
    if (typeof value !== 'string') return;
    const reason = unsafeUrl(value, use);
    if (reason) problem('unsafe-url', at, `${what} \`${shorten(value)}\`: ${reason}.`, unsafeUrlHint(use), { url: value });
  };
  const visit = (node: Node) => {
    const at = placeOf(node);
    switch (node.type) {
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const value = (node as Node & { value: string }).value;
        if (!isMdxComment(value)) policy.code.push({ kind: 'expression', value: value.trim(), ...at });
        break;
      }
      case 'link':
        url((node as Node & { url: string }).url, 'link', at, 'Link to');
        break;
      case 'image':
        url((node as Node & { url: string }).url, 'image', at, 'Image from');
        break;
      case 'definition':
        url((node as Node & { url: string }).url, 'link', at, 'Link definition for');
        break;
      case 'html':
        problem('raw-html', at, `Raw HTML \`${shorten((node as Node & { value: string }).value)}\` is not allowed in a page.`, 'Write it in Markdown, or use a registered component.');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        visitElement(node as JsxElement, at);
        break;
    }
    if ('children' in node) for (const child of (node as Parent).children) visit(child);
  };
  const visitElement = (element: JsxElement, at: Place) => {
    const name = element.name;
    const isHtml = name !== null && !/^[A-Z]/.test(name);
    if (isHtml && !RAW_HTML_ELEMENTS.has(name)) {
      problem('raw-html', at, `<${name}> is not allowed in a page: ${dangerOf(name)}.`, 'Write it in Markdown, or use a registered component; raw HTML is limited to text formatting such as <kbd>, <sub>, <br>.');
    }
    for (const attribute of element.attributes) {
      const where = placeOf(attribute, at);
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        policy.code.push({ kind: 'spread', value: String(attribute.value ?? '').trim(), element: name ?? '', ...where });
        continue;
      }
      const prop = attribute.name ?? '';
      const value = attribute.value;
      if (value !== null && typeof value === 'object') policy.code.push({ kind: 'prop', value: value.value.trim(), element: name ?? '', prop, ...where });
      if (!isHtml) continue;
      if (!RAW_HTML_ATTRIBUTES.has(prop) && !prop.startsWith('aria-')) {
        problem('raw-html', where, `<${name} ${prop}> is not allowed in a page: ${/^on/i.test(prop) ? 'an event handler runs script' : prop === 'style' ? 'inline styles are not content' : 'only plain text attributes such as id, title, href, src and alt are'}.`, `Remove \`${prop}\`.`);
      } else if (URL_ATTRIBUTES.has(prop) && typeof value === 'string') {
        url(value, prop === 'src' && name === 'img' ? 'image' : 'link', where, `<${name} ${prop}>`);
      }
    }
  };
  visit(tree);
  return policy;
}

function dangerOf(name: string): string {
  if (name === 'script') return 'it runs script in every reader\'s browser';
  if (name === 'style' || name === 'link') return 'it changes the whole page\'s styles';
  if (['iframe', 'frame', 'object', 'embed', 'portal'].includes(name)) return 'it loads another document into the page';
  if (['form', 'input', 'button', 'textarea', 'select'].includes(name)) return 'it sends what readers type elsewhere';
  return 'only text-formatting elements such as <kbd>, <sub> and <br> are allowed';
}

function shorten(text: string, length = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean;
}

const codeKey = (item: CodeItem) => `${item.kind}\0${item.element ?? ''}\0${item.prop ?? ''}\0${item.value}`;

const written = (item: CodeItem) => (item.kind === 'prop' ? `${item.prop}={${shorten(item.value)}}` : item.kind === 'spread' ? `{${shorten(item.value)}}` : `{${shorten(item.value)}}`);

/**
 * The expression rule (`mdx-expression`) for one page.
 * @param source the source page's code, for a translation; `undefined` for a page of the source locale, which
 *   may hold comments only. A translation whose source page does not exist (or does not parse) passes `[]`.
 */
export function expressionProblems(file: string, code: readonly CodeItem[], source?: { file: string; code: readonly CodeItem[] }): Finding[] {
  const at = (item: CodeItem) => ({ file, rule: 'mdx-expression', severity: 'error' as const, line: item.line, column: item.column });
  if (!source) {
    return code.map((item) => ({
      ...at(item),
      message: `\`${written(item)}\` is code, and pages hold none: an expression runs when the site is built. Pages may only hold MDX comments, \`{/* … */}\`.`,
      hint: item.kind === 'expression' ? 'Write the text itself (a literal brace is written \\{), or ask for a component in src/content/components.ts.' : 'Give the prop as a string: `name="value"`.',
    }));
  }
  const available = new Map<string, number>();
  for (const item of source.code) available.set(codeKey(item), (available.get(codeKey(item)) ?? 0) + 1);
  const problems: Finding[] = [];
  let matched = 0;
  for (const item of code) {
    const left = available.get(codeKey(item)) ?? 0;
    if (left > 0) {
      available.set(codeKey(item), left - 1);
      matched++;
      continue;
    }
    problems.push({
      ...at(item),
      message: `\`${written(item)}\` is not in the source page: a translation holds exactly the expressions of ${source.file}, or none, because an expression runs when the site is built.`,
      hint: 'Remove it (write the translated text itself), or copy the source page\'s expression unchanged.',
    });
  }
  if (matched > 0 && matched < source.code.length) {
    problems.push({ ...at(code[0]!), message: `The translation holds ${matched} of the ${source.code.length} expressions of ${source.file}: all of them, or none.`, hint: 'Copy the missing expressions from the source page unchanged, or remove them all.' });
  }
  return problems;
}

/**
 * In a translation, each component has the props its source counterpart gives (the n-th `<Callout>` with the n-th
 * `<Callout>` of the source): same prop names. Expression props are compared by `expressionProblems`; which
 * components appear where is the translation check's `component-mismatch`.
 */
export function componentPropProblems(file: string, outline: Outline, source: { file: string; outline: Outline }): Finding[] {
  const seen = new Map<string, number>();
  const sourceByName = new Map<string, Outline['components']>();
  for (const component of source.outline.components) sourceByName.set(component.name, [...(sourceByName.get(component.name) ?? []), component]);
  const problems: Finding[] = [];
  for (const component of outline.components) {
    const index = seen.get(component.name) ?? 0;
    seen.set(component.name, index + 1);
    const counterpart = sourceByName.get(component.name)?.[index];
    if (!counterpart) continue;
    const names = [...new Set(component.propNames)].sort();
    const expected = [...new Set(counterpart.propNames)].sort();
    if (names.join(' ') === expected.join(' ')) continue;
    problems.push({
      file,
      rule: 'component',
      severity: 'error',
      line: component.line,
      column: component.column,
      message: `<${component.name}> has the props ${list(names)} here but ${list(expected)} in the source page.`,
      hint: 'Give the component the props the source page gives it; translate text props, keep the others.',
      source: { file: source.file, line: counterpart.line, column: counterpart.column },
    });
  }
  return problems;
}

const list = (names: readonly string[]) => (names.length ? names.map((name) => `\`${name}\``).join(', ') : 'none');
