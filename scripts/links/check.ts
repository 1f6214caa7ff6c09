/**
 * The link check as a library: build the site model from content/, run the
 * source pass, the built-site pass (when dist/ exists; or, with `crawl`, a
 * crawl of the deployed site) and, on request, the external pass, and return
 * the findings of the rules selected from the registry
 * (scripts/links/registry.ts); a pass no selected rule needs does not run. It
 * never prints: the CLI (scripts/check-links.ts) hands the report to a
 * formatter.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import { loadSite, type Site } from '../../src/model/site.ts';
import { collect } from '../i18n/collect.ts';
import type { ParseCache } from '../../src/content/parseCache.ts';
import { countByLocaleAndRule, sortFindings, type Finding, type Report } from '../../src/report/report.ts';
import { keepSelected } from '../../src/report/rules.ts';
import { UsageError } from '../lib/cli.ts';
import { builtPass } from './builtPass.ts';
import { checkExternal, type ExternalOptions } from './external.ts';
import { LINK_RULES, passesOf, type LinkRule } from './registry.ts';
import { linkSite, type LinkSite } from './linkSite.ts';
import { sourcePass, type SourcePassResult } from './sourcePass.ts';

export interface LinkCheckOptions {
  root: string;
  registry: LocaleRegistry;
  /** The content model (read from `root` when not given). */
  site?: Site;
  siteOrigin: string;
  /** The built site (default `<root>/dist`); it must hold every page of the content model unless `sourceOnly`. */
  dist?: string;
  /** How findings name the build folder (see BuiltPassOptions). */
  distLabel?: string;
  /** Check the links in content/ only: no built-site pass, no dist/ needed (`--source-only`). */
  sourceOnly?: boolean;
  external?: ExternalOptions;
  /** Crawl this deployed site with linkinator instead of reading dist/ (`--url`). */
  crawl?: { url: string; timeoutMs: number; concurrency: number };
  /** Run a checking build to locate broken links that templates compute (default true). */
  traceBuild?: boolean;
  cache?: ParseCache;
  onProgress?: (message: string) => void;
  /** The rules to report (default: the whole registry). */
  rules?: readonly LinkRule[];
}

export interface LinkSummary {
  files: number;
  links: number;
  builtPass: { ran: boolean; pages: number; linksChecked: number; reason?: string; traceBuild?: { ran: boolean; error?: string } };
  external: { checked: number; fromCache: number; skipped: number } | null;
  /** With `--url`: the crawl of the deployed site. */
  crawl?: { url: string; pages: number; linksChecked: number };
  errors: number;
  warnings: number;
  byLocaleAndRule: Record<string, Record<string, number>>;
  timings: { sourceMs: number; builtMs: number; externalMs: number };
}

export async function checkLinks(options: LinkCheckOptions): Promise<Report<LinkSummary>> {
  const started = performance.now();
  const rules = options.rules ?? LINK_RULES;
  const passes = passesOf(rules);
  const model = options.site ?? loadSite(options.root, options.registry);
  const { pages } = collect(options.root, model, options.registry.codes, options.cache);
  const site = linkSite(options.root, model, pages);
  const source = sourcePass(site, pages, options.siteOrigin, options.root);
  // No page means nothing was checked, which is not the same as no problems.
  if (source.files === 0)
    throw new UsageError(
      `content/${options.registry.source.code}/ holds no page (no .mdx file), so there are no links to check. Add the source locale's pages, or run the check in the project folder (--root).`,
    );
  const sourceMs = performance.now() - started;
  if (options.crawl) return crawlReport(options, options.crawl, site, source, sourceMs, rules);
  const findings: Finding[] = [...source.findings];

  let builtMs = 0;
  const dist = options.dist ?? join(options.root, 'dist');
  let built: LinkSummary['builtPass'] = { ran: false, pages: 0, linksChecked: 0, reason: 'no selected rule reads the build' };
  if (passes.has('built') && options.sourceOnly) built.reason = 'source only (--source-only)';
  else if (passes.has('built')) {
    // A check that could not read the site fails: an empty or stale dist/ would pass every link it lacks.
    const unusable = distProblem(options.root, dist, site, options.distLabel);
    if (unusable) throw new UsageError(unusable);
    options.onProgress?.('Reading the built site…');
    const start = performance.now();
    const result = await builtPass({
      root: options.root,
      dist,
      site,
      siteOrigin: options.siteOrigin,
      source,
      ...(options.traceBuild === false ? { traceBuild: false } : {}),
      ...(options.distLabel ? { distLabel: options.distLabel } : {}),
      onProgress: (read, total) =>
        options.onProgress?.(
          total ? `Reading the built site… ${read}/${total} pages` : 'Building with template lines to locate broken links…',
        ),
    });
    builtMs = performance.now() - start;
    findings.push(...result.findings);
    built = { ran: true, pages: result.pages, linksChecked: result.checked, ...(result.trace ? { traceBuild: result.trace } : {}) };
  }

  let externalMs = 0;
  let external: LinkSummary['external'] = null;
  if (options.external && passes.has('external')) {
    const start = performance.now();
    const result = await checkExternal(source.external, options.external, (done, total) =>
      options.onProgress?.(`Checking external links… ${done}/${total}`),
    );
    externalMs = performance.now() - start;
    findings.push(...result.findings);
    external = { checked: result.checked, fromCache: result.fromCache, skipped: result.skipped };
  }

  return report(findings, rules, source, built, external, { sourceMs, builtMs, externalMs });
}

/** `--url`: the deployed site's findings only; the source pass runs to map them back to lines. */
async function crawlReport(
  options: LinkCheckOptions,
  crawl: NonNullable<LinkCheckOptions['crawl']>,
  site: LinkSite,
  source: SourcePassResult,
  sourceMs: number,
  rules: readonly LinkRule[],
): Promise<Report<LinkSummary>> {
  options.onProgress?.(`Crawling ${crawl.url}…`);
  const start = performance.now();
  const { crawlSite } = await import('./crawl.ts');
  const result = await crawlSite({
    root: options.root,
    url: crawl.url,
    site,
    siteOrigin: options.siteOrigin,
    source,
    timeoutMs: crawl.timeoutMs,
    concurrency: crawl.concurrency,
    external: Boolean(options.external),
    onProgress: (checked) => options.onProgress?.(`Crawling ${crawl.url}… ${checked} links`),
  });
  const summary = report(
    result.findings,
    rules,
    source,
    { ran: false, pages: 0, linksChecked: 0, reason: `crawled ${crawl.url} instead` },
    null,
    { sourceMs, builtMs: performance.now() - start, externalMs: 0 },
  );
  summary.summary.crawl = { url: crawl.url, pages: result.pages, linksChecked: result.checked };
  return summary;
}

/**
 * Why the built-site pass cannot run on `dist`, or undefined when it can: the
 * folder is missing or not a folder, holds no page, or lacks pages of the
 * content model (an older build, or another project's). Each page is one
 * `existsSync`, so this grows with the site, not with pages × anything.
 */
export function distProblem(root: string, dist: string, site: LinkSite, label?: string): string | undefined {
  const shown = label ?? (relative(root, dist).startsWith('..') || relative(root, dist) === '' ? dist : relative(root, dist));
  const todo =
    'Run `npm run build` first (or `npm run build:site`), point --dist at the built site, or pass --source-only to check only the links in content/.';
  if (!existsSync(dist)) return `${shown} does not exist: the link check reads the built site. ${todo}`;
  if (!statSync(dist).isDirectory()) return `${shown} is not a folder. ${todo}`;
  const urls = site.model.pages.map((page) => page.url);
  const missing = urls.filter((url) => !existsSync(join(dist, url, 'index.html')));
  if (urls.length > 0 && missing.length === urls.length)
    return `${shown} holds none of the site's ${urls.length} pages (no ${join(shown, urls[0]!, 'index.html')}): it is empty, or another project's build. ${todo}`;
  if (missing.length > 0) {
    const locales = [...new Set(missing.map((url) => site.model.byUrl(url)!.locale))];
    return `${shown} lacks ${missing.length} of the site's ${urls.length} pages (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}; locale${locales.length === 1 ? '' : 's'} ${locales.join(', ')}): it is from an older build. ${todo}`;
  }
  return undefined;
}

/** Findings of this rule are reported whatever rules are selected: they say the check could not run. */
const ALWAYS_REPORTED = new Set(['site-unreachable']);

function report(
  findings: Finding[],
  rules: readonly LinkRule[],
  source: SourcePassResult,
  built: LinkSummary['builtPass'],
  external: LinkSummary['external'],
  timings: LinkSummary['timings'],
): Report<LinkSummary> {
  const selected = keepSelected(findings, rules);
  for (const finding of findings) if (ALWAYS_REPORTED.has(finding.rule) && !selected.includes(finding)) selected.push(finding);
  sortFindings(selected);
  return {
    findings: selected,
    summary: {
      files: source.files,
      links: [...source.linksByPage.values()].reduce((sum, links) => sum + links.length, 0),
      builtPass: built,
      external,
      errors: selected.filter((finding) => finding.severity === 'error').length,
      warnings: selected.filter((finding) => finding.severity === 'warning').length,
      byLocaleAndRule: countByLocaleAndRule(selected),
      timings: { sourceMs: Math.round(timings.sourceMs), builtMs: Math.round(timings.builtMs), externalMs: Math.round(timings.externalMs) },
    },
  };
}
