/**
 * The build's content guard: everything that would make `astro build` fail
 * with a stack trace, found first and reported as `file:line:col` with what
 * to do.
 *
 * It checks the locale registry against the folders, every page's MDX and
 * frontmatter (with no import or export lines: see mdx.ts), the components
 * pages use, and that the source locale has every table label (a
 * translation without one shows the source's label: src/model/status.ts). Translation quality (missing pages,
 * outdated text, mismatched structure) is the translation checker's job.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { currentShard, ownsSiteWidePages, siteShardFilter } from '../model/shard.ts';
import { loadSite } from '../model/site.ts';
import { CALLOUT_TYPES, MDX_COMPONENTS, isMdxComponent } from './components.ts';
import { readJson } from './json.ts';
import type { ComponentRef } from './outline.ts';
import { openParseCache, type ParseCache } from './parseCache.ts';
import { parsePage, type ParsedPage } from './parsedPage.ts';
import { componentPropProblems, expressionProblems } from './mdxPolicy.ts';
import { slugOf } from '../model/slug.ts';
import { ContentError, type Finding } from '../report/finding.ts';
import { loadTables, tableIds, type TableData } from './tables.ts';
import { tableLabelFindings } from './tableLabels.ts';
import { missingLabel } from '../model/status.ts';
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

  // A shard (src/model/shard.ts) guards its own sections' pages; shard 1 also what belongs to no section
  // (locale folders, links refused, string files), so each problem is reported by exactly one shard.
  const shard = currentShard();
  const siteWide = ownsSiteWidePages(shard);
  if (siteWide) problems.push(...checkLocaleFolders(root, registry));
  const site = loadSite(root, registry);
  const inShard = siteShardFilter(site, shard);
  if (siteWide) problems.push(...site.refused);
  const parsed = new Map(registry.locales.map((locale) => [locale.code, (site.files.get(locale.code) ?? []).filter(({ path }) => inShard(slugOf(path))).map(({ file, path, text }) => cache.get(file, text, () => parsePage(file, path, locale.code, text)))]));
  const sources = new Map((parsed.get(registry.source.code) ?? []).map((page) => [slugOf(page.path), page]));
  let pages = 0;
  for (const locale of registry.locales) {
    if (!existsSync(join(root, 'content', locale.code))) continue;
    let usesTables = false;
    for (const page of parsed.get(locale.code) ?? []) {
      pages++;
      problems.push(...page.problems);
      if (!page.outline) continue;
      problems.push(...trustProblems(page, locale.code === registry.source.code ? 'source' : sources.get(slugOf(page.path))));
      const components = checkComponents(page.file, page.outline.components, tables);
      problems.push(...components.problems);
      usesTables ||= components.usesTables;
    }
    // A shard cannot see whether another shard's pages place tables: shard 1 checks the labels whenever tables are defined.
    if (siteWide) problems.push(...checkNamespaces(root, locale.code, registry.source.code, usesTables || shard ? tables : undefined));
  }
  cache.save(shard ? (file) => !inShard(slugOf(file.split('/').slice(2).join('/'))) : undefined);
  return { problems, pages };
}

/**
 * What a page may hold besides text (mdxPolicy.ts): raw HTML and URLs by the page alone; expressions and
 * component props, in a translation, against its source page (none, when the source page is missing or broken).
 * @param source `source` for a page of the source locale; for a translation, its source page (undefined for an orphan).
 */
function trustProblems(page: ParsedPage, source: 'source' | ParsedPage | undefined): Finding[] {
  if (!page.policy || !page.outline) return [];
  const sourcePage = source === 'source' ? undefined : source;
  const translationOf = sourcePage?.policy && sourcePage.outline ? { file: sourcePage.file, code: sourcePage.policy.code, outline: sourcePage.outline } : undefined;
  return [
    ...page.policy.problems,
    ...expressionProblems(page.file, page.policy.code, source === 'source' ? undefined : (translationOf ?? { file: sourcePage?.file ?? 'its source page (there is none)', code: [] })),
    ...(translationOf ? componentPropProblems(page.file, page.outline, translationOf) : []),
  ];
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

/** JSON namespaces must parse; the source locale needs every table label when pages show tables. */
function checkNamespaces(root: string, locale: string, source: string, tables: TableData | undefined): Finding[] {
  const problems: Finding[] = [];
  const folder = join(root, 'content', locale);
  // A symbolic link is refused by the content listing (rule `symlink`) and not read.
  for (const name of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json')).map((entry) => entry.name)) {
    const json = readJson(`content/${locale}/${name}`, join(folder, name));
    if (!json.ok) problems.push(...json.problems);
  }
  if (locale === source && !existsSync(join(folder, 'ui.json'))) {
    problems.push({ file: `content/${locale}/ui.json`, rule: 'missing-file', severity: 'error', message: 'The source locale has no ui.json.', hint: 'Every UI string falls back to the source locale, so it must define them all.' });
  }
  // A translation without a label shows the source's (a warning of check:i18n); only the source locale must have them all.
  if (!tables || missingLabel(locale, source).fallsBack) return problems;
  return [...problems, ...tableLabelFindings(root, locale, source, tables)];
}
