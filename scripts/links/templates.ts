/**
 * Where templates write links: every element with an `href` or `src` in the
 * `.astro` files under `src/`, with its line and column, its static attributes
 * and the static classes around it. The built-site pass matches a link found
 * in the HTML to the template element that wrote it, so a broken link that a
 * layout puts on 40 pages is one finding at one line.
 *
 * Templates are parsed with Astro's own compiler, never with regular expressions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { parse } from '@astrojs/compiler-rs';

export interface TemplateSite {
  file: string;
  line: number;
  column: number;
  tag: string;
  attribute: 'href' | 'src';
  /** The attribute's value when it is a literal, such as `/favicon.svg`. */
  literal?: string;
  /** Attributes with literal values (`rel="canonical"`, `class="site-name"`). */
  staticAttributes: Record<string, string>;
  /** Static classes of enclosing elements in the same file, innermost first. */
  ancestorClasses: string[];
}

interface AstNode {
  type: string;
  start: number;
  [key: string]: unknown;
}

export interface TemplateIndex {
  sites: TemplateSite[];
  /** The template files that render a built page (its route file and every .astro file it imports). */
  templatesFor(pagePath: string): Set<string>;
}

export function templateIndex(root: string): TemplateIndex {
  const folder = join(root, 'src');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro')).map((file) => relative(root, join(folder, file)).split('\\').join('/')).sort();
  const sites: TemplateSite[] = [];
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const parsed = parseTemplate(file, readFileSync(join(root, file), 'utf8'));
    sites.push(...parsed.sites);
    imports.set(file, parsed.imports);
  }
  const routes = files.filter((file) => file.startsWith('src/pages/')).map((file) => ({ file, pattern: routePattern(file.slice('src/pages/'.length)) }))
    // Static routes win over dynamic ones, as in Astro's own routing.
    .sort((a, b) => Number(a.file.includes('[')) - Number(b.file.includes('[')));
  return {
    sites,
    templatesFor(pagePath) {
      const route = routes.find((candidate) => candidate.pattern.test(pagePath));
      const reached = new Set<string>();
      const visit = (file: string) => {
        if (reached.has(file)) return;
        reached.add(file);
        for (const imported of imports.get(file) ?? []) visit(imported);
      };
      if (route) visit(route.file);
      return reached;
    },
  };
}

/** `index.astro` → /, `404.astro` → /404.html, `[locale]/[...slug].astro` → /x/ and /x/y/z/. */
function routePattern(path: string): RegExp {
  const parts = path.replace(/\.astro$/, '').split('/').filter((part) => part !== 'index');
  if (parts.length === 1 && /^\d{3}$/.test(parts[0]!)) return new RegExp(`^/${parts[0]}(\\.html|/)?$`);
  const pattern = parts.map((part) => (part.startsWith('[...') ? '(?:/.*)?' : part.startsWith('[') ? '/[^/]+' : `/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).join('');
  return new RegExp(`^${pattern}/?(index\\.html)?$`);
}

function parseTemplate(file: string, text: string): { sites: TemplateSite[]; imports: string[] } {
  const { ast } = parse(text) as unknown as { ast: AstNode };
  const program = (ast as { frontmatter?: { program?: { body?: AstNode[] } } }).frontmatter?.program?.body ?? [];
  const imports = program
    .filter((node) => node.type === 'ImportDeclaration')
    .map((node) => (node.source as { value: string }).value)
    .filter((source) => source.endsWith('.astro') && source.startsWith('.'))
    .map((source) => posix.normalize(posix.join(dirname(file), source)));
  const bytes = Buffer.from(text);
  const place = (offset: number) => {
    // The compiler counts UTF-8 bytes; lines and columns are in characters.
    const before = bytes.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    return { line, column: before.length - before.lastIndexOf('\n') };
  };
  const sites: TemplateSite[] = [];
  const walk = (node: unknown, classes: string[]): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child) => walk(child, classes));
      return;
    }
    const current = node as AstNode;
    let inner = classes;
    if (current.type === 'JSXElement') {
      const opening = current.openingElement as { name: { name?: string }; attributes: AstNode[] };
      const tag = opening.name.name ?? '';
      const statics: Record<string, string> = {};
      let linkAttribute: AstNode | undefined;
      for (const attribute of opening.attributes) {
        if (attribute.type !== 'JSXAttribute') continue;
        const name = (attribute.name as { name?: string }).name ?? '';
        const value = attribute.value as { type: string; value?: unknown } | null;
        if (value?.type === 'Literal' && typeof value.value === 'string') statics[name] = value.value;
        if (name === 'href' || name === 'src') linkAttribute = attribute;
      }
      if (linkAttribute && /^[a-z]/.test(tag)) {
        const name = (linkAttribute.name as { name: string }).name as 'href' | 'src';
        sites.push({ file, ...place(linkAttribute.start), tag, attribute: name, ...(statics[name] !== undefined ? { literal: statics[name] } : {}), staticAttributes: statics, ancestorClasses: classes });
      }
      if (statics.class) inner = [...statics.class.split(/\s+/), ...classes];
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === 'frontmatter' || key === 'openingElement' || key === 'closingElement') continue;
      if (value && typeof value === 'object') walk(value, inner);
    }
  };
  walk((ast as { body?: unknown }).body, []);
  return { sites, imports };
}

export interface BuiltElement {
  tag: string;
  attribute: 'href' | 'src';
  value: string;
  attributes: Record<string, string>;
  /** Classes of the element's ancestors in the built page, innermost first. */
  ancestorClasses: string[];
}

/** The template site that most likely wrote a built element, or undefined when none fits. */
export function matchTemplate(sites: readonly TemplateSite[], element: BuiltElement): TemplateSite | undefined {
  let best: { site: TemplateSite; score: number } | undefined;
  for (const site of sites) {
    if (site.tag !== element.tag || site.attribute !== element.attribute) continue;
    if (site.literal !== undefined && site.literal !== element.value) continue;
    // Every literal attribute the template wrote must be on the element (class may gain scoped classes).
    const fits = Object.entries(site.staticAttributes).every(([name, value]) => {
      if (name === site.attribute) return true;
      if (name === 'class') return value.split(/\s+/).every((part) => (element.attributes.class ?? '').split(/\s+/).includes(part));
      return element.attributes[name] === value;
    });
    if (!fits) continue;
    const score = (site.literal !== undefined ? 100 : 0) + Object.keys(site.staticAttributes).length * 10 + site.ancestorClasses.filter((name) => element.ancestorClasses.includes(name)).length * 5 - site.ancestorClasses.filter((name) => !element.ancestorClasses.includes(name)).length * 20;
    if (!best || score > best.score) best = { site, score };
  }
  return best && best.score >= 0 ? best.site : undefined;
}
