/**
 * The link check as a library: build the site model from content/, run the
 * source pass, the built-site pass (when dist/ exists) and, on request, the
 * external pass, and return the findings of the rules selected from the
 * registry (scripts/links/registry.ts); a pass no selected rule needs does not
 * run. It never prints: the CLI (scripts/check-links.ts) hands the report to a
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
import { buildSiteModel } from './site.ts';
import { sourcePass } from './sourcePass.ts';
import { templateIndex } from './templates.ts';

export interface LinkCheckOptions {
  root: string;
  registry: LocaleRegistry;
  /** The content model (read from `root` when not given). */
  site?: Site;
  siteOrigin: string;
  /** The built site; the built-site pass is skipped when it does not exist. */
  dist?: string;
  external?: ExternalOptions;
  concurrency?: number;
  cache?: ParseCache;
  onProgress?: (message: string) => void;
  /** The rules to report (default: the whole registry). */
  rules?: readonly LinkRule[];
}

export interface LinkSummary {
  files: number;
  links: number;
  builtPass: { ran: boolean; pages: number; linksChecked: number; reason?: string };
  external: { checked: number; fromCache: number; skipped: number } | null;
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
  const site = buildSiteModel(options.root, model, pages);
  const source = sourcePass(site, pages, options.siteOrigin);
  const findings: Finding[] = [...source.findings];
  const sourceMs = performance.now() - started;

  let builtMs = 0;
  const dist = options.dist ?? join(options.root, 'dist');
  let built: LinkSummary['builtPass'] = { ran: false, pages: 0, linksChecked: 0, reason: `${dist} does not exist; run npm run build first` };
  if (!passes.has('built')) built.reason = 'no selected rule reads the build';
  else if (existsSync(join(dist, 'index.html'))) {
    options.onProgress?.('Crawling the built site…');
    const start = performance.now();
    const result = await builtPass({ root: options.root, dist, site, siteOrigin: options.siteOrigin, source, templates: templateIndex(options.root), concurrency: options.concurrency ?? 50, onProgress: (count) => options.onProgress?.(`Crawling the built site… ${count} links`) });
    builtMs = performance.now() - start;
    findings.push(...result.findings);
    built = { ran: true, pages: result.pages, linksChecked: result.checked };
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
      timings: { sourceMs: Math.round(sourceMs), builtMs: Math.round(builtMs), externalMs: Math.round(externalMs) },
    },
  };
}
