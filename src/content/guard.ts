/**
 * The build's content guard: everything that would make `astro build` fail
 * with a stack trace, found first and reported as `file:line:col` with what
 * to do.
 *
 * It checks the locale registry against the folders, every page's MDX and
 * frontmatter (with no import or export lines: see mdx.ts), the components
 * pages use, and that every locale whose pages show tables has every table
 * label. Translation quality (missing pages,
 * outdated text, mismatched structure) is the translation checker's job.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSite } from '../model/site.ts';
import { CALLOUT_TYPES, MDX_COMPONENTS, isMdxComponent } from './components.ts';
import { readJson } from './json.ts';
import type { ComponentRef } from './outline.ts';
import { openParseCache, type ParseCache } from './parseCache.ts';
import { parsePage } from './parsedPage.ts';
import { ContentError, type Finding } from './finding.ts';
import { TABLES_NAMESPACE, labelKeys, loadTables, tableIds, type TableData } from './tables.ts';
import { loadRegistry, REGISTRY_FILE, type LocaleRegistry } from '../i18n/locales.ts';

export interface GuardResult {
  problems: Finding[];
  pages: number;
}

/**
 * Runs every check and returns all problems at once (empty when the content can be built).
 * Pages are parsed through the shared parse cache, so the checkers that run
 * after the build find them parsed.
 */
export async function guardContent(root: string, cache: ParseCache = openParseCache(root)): Promise<GuardResult> {
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
  const site = loadSite(root, registry);
  let pages = 0;
  for (const locale of registry.locales) {
    if (!existsSync(join(root, 'content', locale.code))) continue;
    let usesTables = false;
    for (const { file, path, text } of site.files.get(locale.code) ?? []) {
      pages++;
      const page = cache.get(file, text, () => parsePage(file, path, locale.code, text));
      problems.push(...page.problems);
      if (!page.outline) continue;
      const components = checkComponents(file, page.outline.components, tables);
      problems.push(...components.problems);
      usesTables ||= components.usesTables;
    }
    problems.push(...checkNamespaces(root, locale.code, registry.source.code, usesTables ? tables : undefined));
  }
  cache.save();
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

function checkComponents(file: string, components: readonly ComponentRef[], tables: TableData | undefined) {
  const problems: Finding[] = [];
  let usesTables = false;
  for (const component of components) {
    const { name } = component;
    const at = { file, rule: 'component', severity: 'error' as const, line: component.line, column: component.column };
    if (!isMdxComponent(name)) {
      problems.push({ ...at, message: `Unknown component <${name}>.`, hint: `Pages may use ${Object.keys(MDX_COMPONENTS).map((known) => `<${known}>`).join(', ')}; check the spelling against the English page.` });
      continue;
    }
    const spec = MDX_COMPONENTS[name];
    for (const required of spec.required) {
      if (!component.propNames.includes(required)) problems.push({ ...at, message: `<${name}> needs a \`${required}\` prop.`, hint: 'Copy the component line from the English page unchanged.' });
    }
    for (const prop of component.propNames) {
      if (!(spec.allowed as readonly string[]).includes(prop)) problems.push({ ...at, message: `<${name}> has no \`${prop}\` prop.`, hint: `Allowed: ${spec.allowed.join(', ')}.` });
    }
    if (name === 'StorefrontTable' || name === 'DataTable') {
      usesTables = true;
      const table = component.props['table'];
      // A storefront table has one row per storefront; DataTable shows any table.
      const known = tables ? (name === 'StorefrontTable' ? Object.keys(tables.tables) : tableIds(tables)) : undefined;
      if (table !== undefined && known && !known.includes(table)) {
        const elsewhere = name === 'StorefrontTable' && tables && table in tables.dataTables;
        problems.push({
          ...at,
          message: elsewhere ? `<StorefrontTable table="${table}"> names a data table, not a storefront table.` : `<${name} table="${table}"> names no table in content/tables.json.`,
          hint: elsewhere ? `Use <DataTable table="${table}" />.` : `Known tables: ${known.join(', ')}.`,
        });
      }
    }
    if (name === 'Callout') {
      const type = component.props['type'];
      if (type !== undefined && !(CALLOUT_TYPES as readonly string[]).includes(type)) {
        problems.push({ ...at, message: `<Callout type="${type}"> is not a callout type.`, hint: `Use one of ${CALLOUT_TYPES.join(', ')}.` });
      }
    }
  }
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
    if (!existsSync(join(folder, `${TABLES_NAMESPACE}.json`))) problems.push({ file, rule: 'table-label', severity: 'error', message: 'Pages in this locale show tables, but there is no tables.json.', hint: `Copy content/${source}/${TABLES_NAMESPACE}.json here and translate its values (not its keys).` });
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
