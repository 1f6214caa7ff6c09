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
import type { LocaleRegistry } from '../i18n/locales.ts';
import { loadRegistry } from '../i18n/locales.ts';
import { pagesStamp, readPageFiles, type PageFile } from './pageFile.ts';
import { entryIdOf, pageUrl, slugOf } from './slug.ts';
import { sourceHash } from '../content/sourceHash.ts';
import type { SectionChange } from '../translation/sections.ts';
import { changesSince, fingerprintsOf, isFallbackStatus, isUnreviewedMachine, pageStatus, unreviewedMachineSections, translationRecordOf, type PageStatus, type TranslationRecord } from './status.ts';

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
  /** Translation files whose source page does not exist. */
  orphans: readonly PageFile[];
  /** Every page file that was read, by locale (the checkers reuse the text). */
  files: ReadonlyMap<string, readonly PageFile[]>;
}

/** Navigation order: frontmatter `order`, then slug, so ties are stable. */
export function byNavigationOrder(a: { order: number; slug: string }, b: { order: number; slug: string }): number {
  return a.order - b.order || a.slug.localeCompare(b.slug);
}

export function buildSite(registry: LocaleRegistry, files: ReadonlyMap<string, readonly PageFile[]>): Site {
  const sourceLocale = registry.source.code;
  // Fingerprints are computed once per source page, and only if some translation needs them.
  const sources = (files.get(sourceLocale) ?? []).map((file) => ({ file, slug: slugOf(file.path), sections: memo(() => fingerprintsOf(file.text)) }));
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
    const localePages = sources.map(({ file: source, slug, sections }): SitePage => {
      const ownFile = own.get(slug);
      const record = ownFile ? translationRecordOf(ownFile.frontmatter) : undefined;
      const status = pageStatus({
        isSourceLocale: locale.code === sourceLocale,
        source: { text: source.text, body: source.body },
        translation: ownFile && locale.code !== sourceLocale ? { body: ownFile.body, record } : undefined,
        languages: { source: registry.source.hreflang, target: locale.hreflang },
        sourceSections: sections,
      });
      const isFallback = isFallbackStatus(status);
      const shown = isFallback || !ownFile ? source : ownFile;
      return {
        locale: locale.code,
        slug,
        url: pageUrl(locale.code, slug),
        status,
        isFallback,
        contentLocale: isFallback ? sourceLocale : locale.code,
        entryId: entryIdOf(shown.locale, slug),
        file: shown.file,
        sourceFile: source.file,
        ownFile: ownFile?.file,
        localeFile: ownFile?.file ?? `content/${locale.code}/${source.path}`,
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
  return indexSite(registry, pages, orphans, files);
}

function indexSite(registry: LocaleRegistry, pages: SitePage[], orphans: PageFile[], files: ReadonlyMap<string, readonly PageFile[]>): Site {
  const byLocale = new Map<string, SitePage[]>();
  const bySlug = new Map<string, SitePage[]>();
  const byUrl = new Map<string, SitePage>();
  for (const page of pages) {
    push(byLocale, page.locale, page);
    push(bySlug, page.slug, page);
    byUrl.set(page.url, page);
  }
  return {
    registry,
    pages,
    page: (locale, slug) => byUrl.get(pageUrl(locale, slug)),
    pagesOf: (locale) => byLocale.get(locale) ?? [],
    variants: (slug) => bySlug.get(slug) ?? [],
    byUrl: (path) => byUrl.get(normalizePagePath(path)),
    orphans,
    files,
  };
}

/** `/x`, `/x/index.html` → `/x/`: the forms a static host serves for one page. */
export function normalizePagePath(path: string): string {
  const withoutIndex = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  return withoutIndex.endsWith('/') ? withoutIndex : `${withoutIndex}/`;
}

const loaded = new Map<string, { stamp: string; site: Site }>();

/**
 * Reads `content/` under `root`: the registry (throws a ContentError naming
 * the file and line if it is broken) and every locale's pages. Several parts
 * of one build ask for the model (routes, the 404 and translation pages); it is
 * read once and reused while no page file changed (`astro dev` sees edits).
 * A checker that has already read the pages (`readPageFiles`) passes them.
 */
export function loadSite(root: string, registry: LocaleRegistry = loadRegistry(root), files?: ReadonlyMap<string, readonly PageFile[]>): Site {
  const stamp = `${JSON.stringify(registry.locales)}\n${pagesStamp(root, registry.codes)}`;
  const previous = loaded.get(root);
  if (previous?.stamp === stamp) return previous.site;
  const site = buildSite(registry, files ?? readPageFiles(root, registry.codes));
  loaded.set(root, { stamp, site });
  return site;
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
