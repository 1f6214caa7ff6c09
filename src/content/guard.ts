/**
 * The build's content guard: everything that would make `astro build` fail
 * with a stack trace, found first and reported as `file:line:col` with what
 * to do.
 *
 * It checks the locale registry against the folders, every page's MDX and
 * frontmatter, the components pages use, and that every locale whose pages
 * show tables has every table label. Translation quality (missing pages,
 * outdated text, mismatched structure) is the translation checker's job.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { CALLOUT_TYPES, MDX_COMPONENTS, isMdxComponent } from './components.ts';
import { readJson } from './json.ts';
import { parseMdx } from './mdx.ts';
import { ContentError, type Finding } from './finding.ts';
import { TABLES_NAMESPACE, labelKeys, loadTables, type TableData } from './tables.ts';
import { loadRegistry, REGISTRY_FILE, type LocaleRegistry } from '../i18n/locales.ts';

export interface GuardResult {
  problems: Finding[];
  pages: number;
}

/** Runs every check and returns all problems at once (empty when the content can be built). */
export function guardContent(root: string): GuardResult {
  const problems: Finding[] = [];
  let registry: LocaleRegistry | undefined;
  let tables: TableData | undefined;
  try {
    registry = loadRegistry(root);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  try {
    tables = loadTables(root);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  if (!registry) return { problems, pages: 0 };

  problems.push(...checkLocaleFolders(root, registry));
  let pages = 0;
  for (const locale of registry.locales) {
    const folder = join(root, 'content', locale.code);
    if (!existsSync(folder)) continue;
    let usesTables = false;
    for (const path of listFiles(folder, '.mdx')) {
      pages++;
      const file = relative(root, path).split('\\').join('/');
      const text = readPage(file, path);
      if (typeof text !== 'string') {
        problems.push(text);
        continue;
      }
      const result = parseMdx(file, text);
      problems.push(...result.problems);
      if (!result.ok) continue;
      const components = checkComponents(file, result.doc.tree, tables);
      problems.push(...components.problems);
      usesTables ||= components.usesTables;
    }
    problems.push(...checkNamespaces(root, locale.code, registry.source.code, usesTables ? tables : undefined));
  }
  return { problems, pages };
}

/** Every folder under content/ must be a registered locale, and every registered locale must have a folder. */
export function checkLocaleFolders(root: string, registry: LocaleRegistry): Finding[] {
  const problems: Finding[] = [];
  const contentDir = join(root, 'content');
  const folders = existsSync(contentDir) ? readdirSync(contentDir).filter((name) => statSync(join(contentDir, name)).isDirectory()) : [];
  for (const folder of folders) {
    if (!registry.get(folder)) {
      problems.push({
        file: `content/${folder}/`,
        rule: 'locale-folder',
        severity: 'error',
        message: `The folder "content/${folder}" is not a locale in ${REGISTRY_FILE}.`,
        hint: `Add { "code": "${folder}", "name": …, "dir": "ltr", "status": "partial" } to ${REGISTRY_FILE}, or rename the folder to a registered locale code (${registry.codes.join(', ')}).`,
      });
    }
  }
  for (const locale of registry.locales) {
    if (!folders.includes(locale.code)) {
      problems.push({
        file: REGISTRY_FILE,
        rule: 'locale-folder',
        severity: 'error',
        message: `The locale "${locale.code}" is registered but content/${locale.code}/ does not exist.`,
        hint: `Create content/${locale.code}/ with ui.json and tables.json (copy them from content/${registry.source.code}/ and translate the values), or remove the entry.`,
      });
    }
  }
  return problems;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function checkComponents(file: string, tree: import('mdast').Root, tables: TableData | undefined) {
  const problems: Finding[] = [];
  let usesTables = false;
  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') {
      // An import would make Astro resolve a module from a translator's folder; components are provided to every page instead.
      const statement = (node as { value: string }).value.trimStart();
      problems.push({
        file,
        rule: 'mdx-import',
        severity: 'error',
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        message: `Pages do not ${statement.startsWith('export') ? 'export' : 'import'} anything: \`${statement.split('\n')[0]!.slice(0, 80)}\`.`,
        hint: `Remove the line. ${Object.keys(MDX_COMPONENTS).map((known) => `<${known}>`).join(' and ')} are available in every page without an import; anything else needs a component added to src/components/mdx.ts first.`,
      });
      return;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as JsxElement;
    const name = element.name ?? '';
    const at = { file, rule: 'component', severity: 'error' as const, line: element.position?.start.line ?? 1, column: element.position?.start.column ?? 1 };
    // Lowercase names are HTML elements, which MDX renders as they are.
    if (!/^[A-Z]/.test(name)) return;
    if (!isMdxComponent(name)) {
      problems.push({ ...at, message: `Unknown component <${name}>.`, hint: `Pages may use ${Object.keys(MDX_COMPONENTS).map((known) => `<${known}>`).join(', ')}; check the spelling against the English page.` });
      return;
    }
    const props = new Map(
      element.attributes
        .filter((attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute')
        .map((attribute) => [attribute.name, typeof attribute.value === 'string' ? attribute.value : undefined]),
    );
    const spec = MDX_COMPONENTS[name];
    for (const required of spec.required) {
      if (!props.has(required)) problems.push({ ...at, message: `<${name}> needs a \`${required}\` prop.`, hint: 'Copy the component line from the English page unchanged.' });
    }
    for (const prop of props.keys()) {
      if (!(spec.allowed as readonly string[]).includes(prop)) problems.push({ ...at, message: `<${name}> has no \`${prop}\` prop.`, hint: `Allowed: ${spec.allowed.join(', ')}.` });
    }
    if (name === 'StorefrontTable') {
      usesTables = true;
      const table = props.get('table');
      if (table !== undefined && tables && !(table in tables.tables)) {
        problems.push({ ...at, message: `<StorefrontTable table="${table}"> names no table in content/tables.json.`, hint: `Known tables: ${Object.keys(tables.tables).join(', ')}.` });
      }
    }
    if (name === 'Callout') {
      const type = props.get('type');
      if (type !== undefined && !(CALLOUT_TYPES as readonly string[]).includes(type)) {
        problems.push({ ...at, message: `<Callout type="${type}"> is not a callout type.`, hint: `Use one of ${CALLOUT_TYPES.join(', ')}.` });
      }
    }
  });
  return { problems, usesTables };
}

/** JSON namespaces must parse; a locale that shows tables needs every table label. */
function checkNamespaces(root: string, locale: string, source: string, tables: TableData | undefined): Finding[] {
  const problems: Finding[] = [];
  const folder = join(root, 'content', locale);
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.json'))) {
    const json = readJson(`content/${locale}/${name}`, join(folder, name));
    if (!json.ok) problems.push(...json.problems);
  }
  if (locale === source && !existsSync(join(folder, 'ui.json'))) {
    problems.push({ file: `content/${locale}/ui.json`, rule: 'missing-file', severity: 'error', message: 'The source locale has no ui.json.', hint: 'Every UI string falls back to the source locale, so it must define them all.' });
  }
  if (!tables) return problems;
  const file = `content/${locale}/${TABLES_NAMESPACE}.json`;
  const json = readJson(file, join(folder, `${TABLES_NAMESPACE}.json`));
  if (!json.ok) {
    // A missing file is reported once, with what to do; a syntax error was reported above.
    if (!existsSync(join(folder, `${TABLES_NAMESPACE}.json`))) problems.push({ file, rule: 'table-label', severity: 'error', message: 'Pages in this locale show storefront tables, but there is no tables.json.', hint: `Copy content/${source}/${TABLES_NAMESPACE}.json here and translate its values (not its keys).` });
    return problems;
  }
  const missing = labelKeys(tables).filter((key) => typeof lookup(json.doc.value, key) !== 'string' || (lookup(json.doc.value, key) as string).trim() === '');
  for (const key of missing) {
    const parent = key.split('.').slice(0, -1);
    problems.push({
      file,
      rule: 'table-label',
      severity: 'error',
      ...(json.doc.nearestPositionOf(parent) ?? { line: 1, column: 1 }),
      message: `Table label "${key}" is missing or empty.`,
      hint: `Add it with the translation of "${String(lookup(readSourceLabels(root, source), key) ?? key)}"; tables never fall back to another language.`,
    });
  }
  return problems;
}

function readSourceLabels(root: string, source: string): unknown {
  const json = readJson(`content/${source}/${TABLES_NAMESPACE}.json`, join(root, 'content', source, `${TABLES_NAMESPACE}.json`));
  return json.ok ? json.doc.value : {};
}

function lookup(value: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, segment) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), value);
}

function listFiles(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A page's text, or a finding naming the file when it cannot be read (permissions, a broken link). */
function readPage(file: string, path: string): string | Finding {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { file, rule: 'parse-error', severity: 'error', message: `Cannot read the page (${code}).`, hint: code === 'EACCES' || code === 'EPERM' ? 'Give your user read permission on the file (chmod u+r).' : 'Check that the file exists and is a regular file.' };
  }
}
