/**
 * The content model: every page of every locale, with its slug, URL, the file
 * it is rendered from and its translation status. The site's routes, sitemap
 * filter, language picker and notices, the content guard and both checkers
 * read this one model; none of them works out a slug, a fallback or a status
 * on its own.
 *
 * The source locale defines which pages exist. Every other locale serves each
 * of them at the same slug: its own translation, or the source page as a
 * fallback when the translation is missing or still source text.
 * Built once per run, with maps for every lookup, so it costs the same per
 * page at ten pages or ten thousand.
 */
import { resolve } from 'node:path';
import type { LocaleRegistry } from '../i18n/locales.ts';
import { loadRegistry } from '../i18n/locales.ts';
import { listContent, pageFilePath, pagesStamp, readPageFiles, type PageFile } from './pageFile.ts';
import type { Finding } from '../report/finding.ts';
import { entryIdOf, pageUrl, slugOf } from './slug.ts';
import { sourceHash } from '../content/sourceHash.ts';
import type { SectionChange } from '../translation/sections.ts';
import { parsePage, type ParsedPage } from '../content/parsedPage.ts';
import { openParseCache } from '../content/parseCache.ts';
import { EMPTY_GLOSSARY, loadGlossary, type Glossary } from '../translation/glossary.ts';
import { blockCoverage, type BlockCoverage } from '../translation/untranslated.ts';
import {
  changesSince,
  fingerprintsOf,
  isFallbackStatus,
  isPartial,
  isUnreviewedMachine,
  pageStatus,
  unreviewedMachineSections,
  translationRecordOf,
  type PageStatus,
  type TranslationRecord,
} from './status.ts';

export interface SitePage {
  locale: string;
  slug: string;
  url: string;
  status: PageStatus;
  /** True when readers see the source page here (status `missing` or `untranslated`). */
  isFallback: boolean;
  /** The locale the shown content is written in: the source locale for a fallback. */
  contentLocale: string;
  /** The content-collection id of what is rendered (see `entryIdOf`). */
  entryId: string;
  /** The file rendered here, from the repository root. */
  file: string;
  /** The source locale's file for this page. */
  sourceFile: string;
  /** The locale's own file, when it has one (also for an `untranslated` page). */
  ownFile: string | undefined;
  /** Where this locale's file for the page is, or would be created: its own file, else the source's path in the locale's folder. */
  localeFile: string;
  /** The own file's translation record (`translation:` in its frontmatter). */
  translation: TranslationRecord | undefined;
  /** For a translation readers get (not a fallback): how many of its blocks are translated and where the rest are (computed on first use). */
  coverage: BlockCoverage | undefined;
  /** For an `outdated` page: the source sections changed since the recorded revision, from the recorded fingerprints; undefined when the record cannot tell. `[]` otherwise. */
  changes: SectionChange[] | undefined;
  /** A machine translation no person has reviewed yet (`translation.method: machine` without `reviewed: true`). */
  unreviewed: boolean;
  /** Sections machine-translated and not reviewed yet, in a page a person otherwise translated (`translation.machineSections`). */
  machineSections: string[];
  /** From the rendered file's frontmatter, for navigation. */
  title: string;
  navTitle: string | undefined;
  /** From the rendered file's frontmatter, for section listings. */
  description: string | undefined;
  order: number;
}

export interface Site {
  registry: LocaleRegistry;
  /** Every page: locales in registry order (the source first), pages in navigation order. */
  pages: readonly SitePage[];
  page(locale: string, slug: string): SitePage | undefined;
  pagesOf(locale: string): readonly SitePage[];
  /** The same page in every locale, in registry order (for the language picker and hreflang). */
  variants(slug: string): readonly SitePage[];
  /** The page at a URL path; accepts `/x`, `/x/` and `/x/index.html`. */
  byUrl(path: string): SitePage | undefined;
  /** The page a file of `content/` is rendered as in its own locale (`content/de/x.mdx` → the German page); undefined for an orphan. */
  byFile(file: string): SitePage | undefined;
  /** The locale a URL path belongs to (a page's, or the locale whose prefix it is under, such as `/de/404.html`); the source locale for any other path. */
  localeOf(path: string): string;
  /** Translation files whose source page does not exist. */
  orphans: readonly PageFile[];
  /** Every page file that was read, by locale (the checkers reuse the text). */
  files: ReadonlyMap<string, readonly PageFile[]>;
  /** Entries of content/ left out because they are symbolic links (rule `symlink`; see `listContent`). */
  refused: readonly Finding[];
}

/** Navigation order: frontmatter `order`, then slug, so ties are stable. */
export function byNavigationOrder(a: { order: number; slug: string }, b: { order: number; slug: string }): number {
  return a.order - b.order || a.slug.localeCompare(b.slug);
}

/** What the model needs of a parsed page: its outline (a parser may give the whole ParsedPage). */
export type PageOutliner = (file: PageFile) => Pick<ParsedPage, 'outline'>;

export interface BuildOptions {
  /** Parses a page file (the checkers pass their parse cache); for each translation's block coverage, which reads its outline only. */
  parse?: PageOutliner;
  /** Glossary terms and same-in-translation words are not untranslated text. */
  glossary?: Glossary;
  /** Symbolic links the listing refused to follow (reported by the guard and check:i18n). */
  refused?: readonly Finding[];
}

export function buildSite(registry: LocaleRegistry, files: ReadonlyMap<string, readonly PageFile[]>, options: BuildOptions = {}): Site {
  const sourceLocale = registry.source.code;
  const parse = options.parse ?? ((file: PageFile) => parsePage(file.file, file.path, file.locale, file.text));
  const glossary = options.glossary ?? EMPTY_GLOSSARY;
  // Fingerprints are computed once per source page, and only if some translation needs them.
  const sources = (files.get(sourceLocale) ?? []).map((file) => ({
    file,
    slug: slugOf(file.path),
    path: file.path,
    sections: memo(() => fingerprintsOf(file.text)),
  }));
  const sourceSlugs = new Set(sources.map((source) => source.slug));
  const pages: SitePage[] = [];
  const orphans: PageFile[] = [];
  for (const locale of registry.locales) {
    const own = new Map<string, PageFile>();
    for (const file of files.get(locale.code) ?? []) {
      const slug = slugOf(file.path);
      if (sourceSlugs.has(slug)) own.set(slug, file);
      else orphans.push(file);
    }
    const localePages = sources.map(({ file: source, slug, path, sections }): SitePage => {
      const ownFile = own.get(slug);
      const record = ownFile ? translationRecordOf(ownFile.frontmatter) : undefined;
      const status = pageStatus({
        isSourceLocale: locale.code === sourceLocale,
        source: { text: source.text, body: source.body },
        translation: ownFile && locale.code !== sourceLocale ? { body: ownFile.body, record } : undefined,
        // A pseudo-locale has no language to identify (its tag is private use, its brand names stay English); its
        // pages are generated from the source, and one left identical to the source is still caught.
        languages: locale.pseudo ? undefined : { source: registry.source.hreflang, target: locale.hreflang },
        sourceSections: sections,
      });
      const isFallback = isFallbackStatus(status);
      const shown = isFallback || !ownFile ? source : ownFile;
      // Block coverage needs both pages parsed: worked out when first asked (a status view, a notice), not
      // when the model is read for routes and fallbacks.
      const coverage = memo((): BlockCoverage | undefined => {
        if (isFallback || !ownFile || (status !== 'translated' && status !== 'outdated')) return undefined;
        const [from, to] = [parse(source), parse(ownFile)];
        if (!from.outline || !to.outline) return undefined;
        return blockCoverage(from.outline.blocks, to.outline.blocks, glossary, locale.code, {
          source: registry.source.hreflang,
          target: locale.hreflang,
        });
      });
      return {
        locale: locale.code,
        slug,
        url: pageUrl(locale.code, slug),
        get status(): PageStatus {
          return status === 'translated' && isPartial(coverage()) ? 'partial' : status;
        },
        get coverage() {
          return coverage();
        },
        isFallback,
        contentLocale: isFallback ? sourceLocale : locale.code,
        entryId: entryIdOf(shown.locale, slug),
        file: shown.file,
        sourceFile: source.file,
        ownFile: ownFile?.file,
        localeFile: ownFile?.file ?? pageFilePath(locale.code, path),
        translation: record,
        changes: status === 'outdated' ? changesSince(record, sourceHash(source.text), sections) : [],
        unreviewed: !isFallback && isUnreviewedMachine(record),
        machineSections: isFallback ? [] : unreviewedMachineSections(record),
        title: stringField(shown.frontmatter, 'title') ?? slug,
        navTitle: stringField(shown.frontmatter, 'navTitle'),
        description: stringField(shown.frontmatter, 'description'),
        order: numberField(source.frontmatter, 'order') ?? 0,
      };
    });
    pages.push(...localePages.sort(byNavigationOrder));
  }
  return indexSite(registry, pages, orphans, files, options.refused ?? []);
}

function indexSite(
  registry: LocaleRegistry,
  pages: SitePage[],
  orphans: PageFile[],
  files: ReadonlyMap<string, readonly PageFile[]>,
  refused: readonly Finding[],
): Site {
  const byLocale = new Map<string, SitePage[]>();
  const bySlug = new Map<string, SitePage[]>();
  const byUrl = new Map<string, SitePage>();
  const byFile = new Map<string, SitePage>();
  for (const page of pages) {
    push(byLocale, page.locale, page);
    push(bySlug, page.slug, page);
    byUrl.set(page.url, page);
    if (page.ownFile) byFile.set(page.ownFile, page);
  }
  const prefixes = registry.codes.map((code) => [code, pageUrl(code, '')] as const);
  return {
    registry,
    pages,
    page: (locale, slug) => byUrl.get(pageUrl(locale, slug)),
    pagesOf: (locale) => byLocale.get(locale) ?? [],
    variants: (slug) => bySlug.get(slug) ?? [],
    byUrl: (path) => byUrl.get(normalizePagePath(path)),
    byFile: (file) => byFile.get(file),
    localeOf: (path) =>
      byUrl.get(normalizePagePath(path))?.locale ??
      prefixes.find(([, prefix]) => `${path}/`.startsWith(prefix))?.[0] ??
      registry.source.code,
    orphans,
    files,
    refused,
  };
}

/** `/x`, `/x/index.html` → `/x/`: the forms a static host serves for one page. */
export function normalizePagePath(path: string): string {
  const withoutIndex = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  return withoutIndex.endsWith('/') ? withoutIndex : `${withoutIndex}/`;
}

/**
 * Models read in this process, by root. Kept on `globalThis` because Astro loads its config (with the
 * content guard and the Markdown plugins) and the built pages as separate copies of this module: one
 * model per process instead of one per copy, read once, held in memory once.
 */
const loaded: Map<string, { stamp: string; site: Site }> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('publisher-docs/loaded-sites')
] ??= new Map()) as Map<string, { stamp: string; site: Site }>;

/**
 * Reads `content/` under `root`: the registry (throws a ContentError naming
 * the file and line if it is broken) and every locale's pages. Several parts
 * of one build ask for the model (routes, the 404 and translation pages); it is
 * read once and reused while no page file changed (`astro dev` sees edits).
 * A checker that has already read the pages (`readPageFiles`) passes them.
 */
export function loadSite(
  root: string,
  registry: LocaleRegistry = loadRegistry(root),
  files?: ReadonlyMap<string, readonly PageFile[]>,
  parse?: PageOutliner,
): Site {
  const listing = listContent(root, registry.codes);
  const stamp = `${JSON.stringify(registry.locales)}\n${pagesStamp(root, registry.codes, listing)}`;
  // One model per project, however the folder is written: the config passes it with a trailing slash, plugins without.
  const key = resolve(root);
  const previous = loaded.get(key);
  if (previous?.stamp === stamp) return previous.site;
  const site = buildSite(registry, files ?? readPageFiles(root, registry.codes, listing), {
    parse: parse ?? cachedParser(root),
    glossary: glossaryOr(root),
    refused: listing.refused,
  });
  loaded.set(key, { stamp, site });
  return site;
}

/** The glossary, or none when it is broken (the checkers report why; the model still serves the site). */
function glossaryOr(root: string): Glossary {
  try {
    return loadGlossary(root);
  } catch {
    return EMPTY_GLOSSARY;
  }
}

/**
 * Parses through the parse cache the content guard and the checkers fill (on disk, by content hash), so
 * the model's coverage parses nothing the build has parsed already; opened on first use. Where the
 * parsing code is not beside the content (a test's fixture folder), pages are parsed directly.
 */
function cachedParser(root: string): (file: PageFile) => ParsedPage {
  let cache: ReturnType<typeof openParseCache> | null | undefined;
  return (file) => {
    if (cache === undefined) {
      try {
        cache = openParseCache(root, undefined, root);
      } catch {
        cache = null;
      }
    }
    const parse = () => parsePage(file.file, file.path, file.locale, file.text);
    return cache ? cache.get(file.file, file.text, parse) : parse();
  };
}

/** Computes a value on first use only: a source page is parsed for its fingerprints only when a translation's hash moved on. */
function memo<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stringField(frontmatter: Record<string, unknown>, key: string): string | undefined {
  const value = frontmatter[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function numberField(frontmatter: Record<string, unknown>, key: string): number | undefined {
  const value = frontmatter[key];
  return typeof value === 'number' ? value : undefined;
}
