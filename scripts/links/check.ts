/**
 * The link check as a library: build the site model from content/, run the
 * source pass, the built-site pass (when dist/ exists; or, with `crawl`, a
 * crawl of the deployed site) and, on request, the external pass, and return
 * the findings of the rules selected from the registry
 * (scripts/links/registry.ts); a pass no selected rule needs does not run. It
 * never prints: the CLI (scripts/check-links.ts) hands the report to a
 * formatter.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import { loadSite, type Site } from '../../src/model/site.ts';
import { collect } from '../i18n/collect.ts';
import type { ParseCache } from '../../src/content/parseCache.ts';
import { countByLocaleAndRule, sortFindings, type Finding, type Report } from '../lib/findings.ts';
import { keepSelected } from '../lib/rules.ts';
import { builtPass } from './builtPass.ts';
import { checkExternal, type ExternalOptions } from './external.ts';
import { LINK_RULES, passesOf, type LinkRule } from './registry.ts';
import { linkSite, type LinkSite } from './site.ts';
import { sourcePass, type SourcePassResult } from './sourcePass.ts';

export interface LinkCheckOptions {
  root: string;
  registry: LocaleRegistry;
  /** The content model (read from `root` when not given). */
  site?: Site;
  siteOrigin: string;
  /** The built site; the built-site pass is skipped when it does not exist. */
  dist?: string;
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
  const source = sourcePass(site, pages, options.siteOrigin);
  const sourceMs = performance.now() - started;
  if (options.crawl) return crawlReport(options, options.crawl, site, source, sourceMs, rules);
  const findings: Finding[] = [...source.findings];

  let builtMs = 0;
  const dist = options.dist ?? join(options.root, 'dist');
  let built: LinkSummary['builtPass'] = { ran: false, pages: 0, linksChecked: 0, reason: `${dist} does not exist; run npm run build first` };
  if (!passes.has('built')) built.reason = 'no selected rule reads the build';
  else if (existsSync(dist)) {
    options.onProgress?.('Reading the built site…');
    const start = performance.now();
    const result = await builtPass({
      root: options.root, dist, site, siteOrigin: options.siteOrigin, source,
      ...(options.traceBuild === false ? { traceBuild: false } : {}),
      onProgress: (read, total) => options.onProgress?.(total ? `Reading the built site… ${read}/${total} pages` : 'Building with template lines to locate broken links…'),
    });
    builtMs = performance.now() - start;
    findings.push(...result.findings);
    built = { ran: true, pages: result.pages, linksChecked: result.checked, ...(result.trace ? { traceBuild: result.trace } : {}) };
  }

  let externalMs = 0;
  let external: LinkSummary['external'] = null;
  if (options.external && passes.has('external')) {
    const start = performance.now();
    const result = await checkExternal(source.external, options.external, (done, total) => options.onProgress?.(`Checking external links… ${done}/${total}`));
    externalMs = performance.now() - start;
    findings.push(...result.findings);
    external = { checked: result.checked, fromCache: result.fromCache, skipped: result.skipped };
  }

  return report(findings, rules, source, built, external, { sourceMs, builtMs, externalMs });
}

/** `--url`: the deployed site's findings only; the source pass runs to map them back to lines. */
async function crawlReport(options: LinkCheckOptions, crawl: NonNullable<LinkCheckOptions['crawl']>, site: LinkSite, source: SourcePassResult, sourceMs: number, rules: readonly LinkRule[]): Promise<Report<LinkSummary>> {
  options.onProgress?.(`Crawling ${crawl.url}…`);
  const start = performance.now();
  const { crawlSite } = await import('./crawl.ts');
  const result = await crawlSite({
    root: options.root, url: crawl.url, site, siteOrigin: options.siteOrigin, source, timeoutMs: crawl.timeoutMs, concurrency: crawl.concurrency, external: Boolean(options.external),
    onProgress: (checked) => options.onProgress?.(`Crawling ${crawl.url}… ${checked} links`),
  });
  const summary = report(result.findings, rules, source, { ran: false, pages: 0, linksChecked: 0, reason: `crawled ${crawl.url} instead` }, null, { sourceMs, builtMs: performance.now() - start, externalMs: 0 });
  summary.summary.crawl = { url: crawl.url, pages: result.pages, linksChecked: result.checked };
  return summary;
}

function report(findings: Finding[], rules: readonly LinkRule[], source: SourcePassResult, built: LinkSummary['builtPass'], external: LinkSummary['external'], timings: LinkSummary['timings']): Report<LinkSummary> {
  const selected = keepSelected(findings, rules);
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
